"""T13 - Tardy, Dindia & Hargie (2006); seed 000: disclosure up the hierarchy.

The same people talk about personal matters, once with their boss (boss_employee: person 0
is the employee, the boss stands 0.6 above) and once with an equal-status friend. Person 0
discloses on alternating positive and negative personal topics; the partner replies
lightly. Depth is person 0's mean kept depth (rated 1-7); selectivity is the balance of positive over
negative disclosures: the share of all depth disclosed that went to positive topics, coded
from the transcript (disclosure as impression management).
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.lab.experiment import Experiment, Replication, run_pairs, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import paired_d
from nabij.model import Context, Params, sample_population
from nabij.protocols import Protocol, make_protocol

PEOPLE = 200
TOPICS = 6  # personal topics person 0 raises, alternating positive and negative


def _personal_talk() -> Protocol:
    t = 2 * TOPICS
    speaker = np.arange(t) % 2
    valence = np.where(speaker == 0, np.tile([0.6, 0.6, -0.6, -0.6], t // 4 + 1)[:t], 0.2)
    return make_protocol("personal talk", speaker, np.where(speaker == 0, 0.6, 0.2), valence,
                    np.where(speaker == 0, 0.6, 0.2), 0.0)


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(PEOPLE, scale)
    s_people, s_boss, s_friend, s_rate = spawn(rng, 4)
    rate = Rater(s_rate)
    people = sample_population(2 * n, s_people)
    protocol = _personal_talk()
    own = protocol.speaker == 0
    positive = own & (protocol.valence > 0)
    negative = own & (protocol.valence < 0)
    out = {}
    for name, ctx, seed in (("boss", Context(relationship="boss_employee"), s_boss),
                            ("friend", Context(relationship="friends"), s_friend)):
        depth = run_pairs(n, protocol, seed, params, context=ctx, per_turn=("kept_depth",),
                          people=people).per_turn["kept_depth"]
        pos, neg = depth[positive].sum(axis=0), depth[negative].sum(axis=0)
        share = np.where(pos + neg > 0, pos / np.where(pos + neg > 0, pos + neg, 1.0), 0.5)
        out[name] = (rate(depth[own].mean(axis=0)), share)
    return Replication(
        {"dz_depth_boss_minus_friend": paired_d(out["boss"][0], out["friend"][0]),
         "dz_selectivity_boss_minus_friend": paired_d(out["boss"][1], out["friend"][1])},
        {"depth to boss": [float(out["boss"][0].mean())],
         "depth to friend": [float(out["friend"][0].mean())]},
    )


EXPERIMENT = Experiment(
    "T13",
    sample=PEOPLE,
    unit="people",
    design=f"{PEOPLE} people, each with a boss and with a friend; {TOPICS} personal topics (topic "
           "intimacy 0.6), alternately positive and negative.",
    mechanism="Being below the partner in power adds risk to every disclosure (power_risk; Tardy, "
              "Dindia & Hargie 2006), and self-protection weighs negative topics more (negative "
              "valence risk), so disclosure to the boss is shallower and more selective.",
    run=run,
)
