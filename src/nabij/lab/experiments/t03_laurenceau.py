"""T3 - Laurenceau, Barrett & Pietromonaco (1998): the interpersonal process model of intimacy.

An interaction diary: people record each interaction with members of their network, their
own and the other's disclosure of facts and of emotions, the other's responsiveness, and
how intimate the interaction felt. Here each simulated diary entry is one short, self-paced
conversation with a friend, partner or colleague; interactions differ in how emotional the
talk is. Per person and interaction: own disclosure (mean kept depth of own turns), split
into emotions (``depth x emotional``) and facts (``depth x (1 - emotional)``); partner
disclosure; perceived responsiveness (mean over own turns); intimacy (mean over all turns).
Entries are pooled and analysed with standardized regressions.
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.lab.experiment import Experiment, Replication, by_speaker, run_pairs, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import mediation, standardized_slopes
from nabij.model import Context, Params
from nabij.protocols import free_conversation

PAIRS_PER_TYPE = 100
EMOTIONAL_LEVELS = (0.15, 0.4, 0.65, 0.9)  # how emotional each kind of interaction is
TURNS = 10
RELATIONSHIPS = ("friends", "romantic", "colleagues")


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(PAIRS_PER_TYPE, scale)
    rel = np.array(RELATIONSHIPS)[np.arange(n) % len(RELATIONSHIPS)]
    own, partner, emotions, facts, responsive, intimacy = [], [], [], [], [], []
    *seeds, s_rate = spawn(rng, len(EMOTIONAL_LEVELS) + 1)
    rate = Rater(s_rate)
    for seed, emo in zip(seeds, EMOTIONAL_LEVELS, strict=True):
        res = run_pairs(n, free_conversation(TURNS, emotional=emo), seed, params,
                        context=Context(relationship=rel),
                        per_turn=("kept_depth", "perceived_responsiveness", "intimacy"))
        depth = by_speaker(res, "kept_depth")
        own.append(rate(depth).ravel())
        partner.append(rate(depth[::-1]).ravel())
        emotions.append(rate(depth * emo).ravel())
        facts.append(rate(depth * (1.0 - emo)).ravel())
        responsive.append(rate(by_speaker(res, "perceived_responsiveness")).ravel())
        intimacy.append(rate(res.per_turn["intimacy"].mean(axis=0)).ravel())
    x, xp, m, y = (np.concatenate(v) for v in (own, partner, responsive, intimacy))
    b_self, b_partner = standardized_slopes(y, x, xp)
    med = mediation(x, m, y)
    b_emo, b_fact, _ = standardized_slopes(y, np.concatenate(emotions), np.concatenate(facts), xp)
    return Replication(
        {"beta_self_disclosure": float(b_self), "beta_partner_disclosure": float(b_partner),
         "path_a": med.a, "path_b": med.b, "direct": med.direct,
         "beta_emotions_minus_facts": float(b_emo - b_fact)},
        {"a": [med.a], "b": [med.b], "direct": [med.direct], "total": [med.total]},
    )


EXPERIMENT = Experiment(
    "T3",
    sample=PAIRS_PER_TYPE,
    unit="pairs per relationship type",
    design=f"{PAIRS_PER_TYPE} pairs (friends, partners, colleagues) x {len(EMOTIONAL_LEVELS)} kinds "
           f"of interaction (emotional share {EMOTIONAL_LEVELS}); {TURNS}-turn self-paced conversations; "
           "both partners' entries pooled.",
    mechanism="Intimacy of the discloser rises with emotion-weighted disclosure and with perceived "
              "responsiveness, and the listener's with the partner's disclosure (Reis & Shaver 1988); "
              "deeper disclosure elicits warmer responses, so responsiveness carries part of the effect.",
    run=run,
    limitations=("At main 6cbc5df all six checks match; when T3 falls short, as in earlier runs, it is a "
                 "slope leaving the .05-.60 window, not a wrong sign. Two checks are close to built in. "
                 "The emotions-minus-facts contrast follows from factual_weight (a factual disclosure "
                 "counts a tenth of an emotional one toward intimacy), a value set from this very paper, "
                 "so it tests an input. Path a (own disclosure -> perceived responsiveness) is strong "
                 "because the listener's responsiveness rises directly with the depth just disclosed "
                 "(depth_elicits) within the same conversation; in a real diary responsiveness also "
                 "reflects the partner, the day and the relationship. Partial mediation therefore "
                 "follows from how a turn is computed more than it emerges. The paper's standardized "
                 "paths have not been encoded, so all six are direction checks."),
)
