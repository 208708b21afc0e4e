"""T8 - Leary, Tambor, Terdal & Downs (1995): the sociometer.

Strangers describe themselves (one disclosure of moderate depth), then learn that the group
included or excluded them - because of what they said (personal, relevance 1) or by lottery
(random, relevance 0.1). The feedback is scripted (included 0.85, excluded 0.15). State
self-esteem is the model's felt security afterwards.
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.lab.experiment import Experiment, Replication, run_pairs, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import cohens_d
from nabij.model import Params
from nabij.protocols import Protocol, make_protocol

PEOPLE_PER_CELL = 100
INCLUDED, EXCLUDED = 0.85, 0.15
PERSONAL, RANDOM = 1.0, 0.1


def _feedback(value: float, relevance: float) -> Protocol:
    return make_protocol("self-description", np.array([0]), 0.5, 0.2, 0.5, 0.0,
                    feedback=value, relevance=relevance)


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(PEOPLE_PER_CELL, scale)
    cells = {}
    *seeds, s_rate = spawn(rng, 5)
    rate = Rater(s_rate)
    for seed, (name, value, rel) in zip(seeds, (
            ("included, personal", INCLUDED, PERSONAL), ("excluded, personal", EXCLUDED, PERSONAL),
            ("included, random", INCLUDED, RANDOM), ("excluded, random", EXCLUDED, RANDOM)), strict=True):
        cells[name] = rate(run_pairs(n, _feedback(value, rel), seed, params,
                                     final=("security",)).final["security"][0])
    return Replication(
        {"d_included_vs_excluded_personal": cohens_d(cells["included, personal"],
                                                     cells["excluded, personal"]),
         "d_random_vs_personal_exclusion": cohens_d(cells["excluded, random"], cells["excluded, personal"])},
        {name: [float(v.mean())] for name, v in cells.items()},
    )


EXPERIMENT = Experiment(
    "T8",
    sample=PEOPLE_PER_CELL,
    unit="people per cell",
    design=f"{PEOPLE_PER_CELL} strangers per cell; 2 (included {INCLUDED} / excluded {EXCLUDED}) x 2 "
           f"(personal, relevance {PERSONAL} / random, {RANDOM}) scripted feedback after a self-description.",
    mechanism="Signaling: felt security moves with perceived acceptance, scaled by how personal the "
              "reaction is (relevance) and the stakes (Leary et al. 1995); a lottery says little about "
              "one's relational value.",
    run=run,
)
