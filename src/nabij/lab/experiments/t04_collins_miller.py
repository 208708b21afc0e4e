"""T4 - Collins & Miller (1994): the three disclosure-liking effects of the meta-analysis.

(a) People who disclose more intimately are liked more: across stranger pairs in a free
conversation, a person's disclosure depth against the partner's liking of them afterwards.
(b) People disclose more to those they like: liking after a first meeting against depth
of disclosure at a second meeting a week later.
(c) People come to like those to whom they have disclosed: people are assigned to
disclose deeply or superficially while the partner listens; then they rate liking (1-7).
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.lab.experiment import Experiment, Replication, by_speaker, run_pairs, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import cohens_d, correlation
from nabij.model import Params
from nabij.protocols import Protocol, free_conversation, make_protocol, sequence

PAIRS = 150
TURNS = 16
DEEP, SHALLOW = 0.75, 0.2


def _one_way(topic: float, turns: int = 8) -> Protocol:
    """Person 0 discloses on topics of this intimacy while person 1 listens."""
    return make_protocol(f"one-way disclosure ({topic:g})", np.zeros(turns, dtype=int), np.full(turns, topic),
                    np.zeros(turns), np.full(turns, 0.5), np.zeros(turns))


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(PAIRS, scale)
    s_a, s_b, s_deep, s_shallow, s_rate = spawn(rng, 5)
    rate = Rater(s_rate)
    # (a) disclosers are liked
    res = run_pairs(n, free_conversation(TURNS), s_a, params, per_turn=("kept_depth",),
                    final=("liking",))
    depth = by_speaker(res, "kept_depth")
    r_a = correlation(rate(depth).ravel(), rate(res.final["liking"][::-1]).ravel())
    # (b) liking after meeting 1 -> disclosure at meeting 2
    two = sequence([free_conversation(TURNS), free_conversation(TURNS)], 7.0, "two meetings")
    res = run_pairs(n, two, s_b, params, per_turn=("kept_depth", "liking"))
    liking_1 = res.per_turn["liking"][TURNS - 1]
    depth_2 = by_speaker(res, "kept_depth", slice(TURNS, 2 * TURNS))
    r_b = correlation(rate(liking_1).ravel(), rate(depth_2).ravel())
    # (c) disclosing builds liking for the listener
    deep = rate(run_pairs(n, _one_way(DEEP), s_deep, params, final=("liking",)).final["liking"][0])
    shallow = rate(run_pairs(n, _one_way(SHALLOW), s_shallow, params, final=("liking",)).final["liking"][0])
    d_c = cohens_d(deep, shallow)
    return Replication(
        {"r_disclosure_liked": r_a, "r_liking_then_disclosure": r_b, "d_liking_after_disclosing": d_c},
        {"liking after deep disclosure": [float(deep.mean())],
         "liking after superficial disclosure": [float(shallow.mean())]},
    )


EXPERIMENT = Experiment(
    "T4",
    sample=PAIRS,
    unit="pairs",
    design=f"{PAIRS} stranger pairs per paradigm; free conversations of {TURNS} turns; one-way "
           f"disclosure of 8 turns at topic intimacy {DEEP} vs {SHALLOW}.",
    mechanism="Being confided in raises the listener's liking (liking_receive); liking raises the "
              "connectedness goal and so the next disclosure (liking_weight); disclosing raises the "
              "discloser's own liking (liking_disclose) and, through warmer replies to deeper "
              "disclosure, their intimacy (Collins & Miller 1994).",
    run=run,
)
