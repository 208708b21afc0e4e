"""T12 - Dindia, Fitzpatrick & Kenny (1997): whose property is disclosure?

Round robins of four unacquainted people: each talks with each in a self-paced
conversation. The score is the depth of person i's disclosure to partner j (mean kept
depth of i's turns). The Social Relations Model splits its variance into actor (i's
general openness), partner (j's general elicitation) and relationship (this pair).
Dindia et al. also studied spouses; the model's round robins are of strangers only, where
the paper's ordering (relationship + partner > actor) also held.
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.engine import Recorder, round_robin, simulate
from nabij.lab.experiment import Experiment, Replication, by_speaker, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import srm_variances
from nabij.model import Params, sample_population
from nabij.protocols import free_conversation

GROUPS = 60
GROUP_SIZE = 4
TURNS = 12


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    groups = sample_size(GROUPS, scale)
    s_people, s_run, s_rate = spawn(rng, 3)
    people = sample_population(groups * GROUP_SIZE, s_people)
    pairing = round_robin(groups * GROUP_SIZE, GROUP_SIZE)
    res = simulate(people, pairing, free_conversation(TURNS), params=params, rng=s_run,
                   record=Recorder(per_turn=("kept_depth",), final=()))
    depth = Rater(s_rate)(by_speaker(res, "kept_depth"))
    scores = np.zeros((groups, GROUP_SIZE, GROUP_SIZE))
    a, b = pairing.persons[:, 0], pairing.persons[:, 1]
    g, i, j = a // GROUP_SIZE, a % GROUP_SIZE, b % GROUP_SIZE
    scores[g, i, j] = depth[0]
    scores[g, j, i] = depth[1]
    var = srm_variances(scores)
    parts = np.maximum([var.actor, var.partner, var.relationship], 0.0)
    total = parts.sum()
    share = parts / total if total > 0 else parts
    return Replication(
        {"share_relationship_partner_minus_actor": float(share[2] + share[1] - share[0])},
        {"actor": [float(share[0])], "partner": [float(share[1])], "relationship": [float(share[2])]},
    )


EXPERIMENT = Experiment(
    "T12",
    sample=GROUPS,
    unit="round-robin groups of 4",
    design=f"{GROUPS} round robins of {GROUP_SIZE} strangers; {TURNS}-turn self-paced conversations in "
           "every pair; SRM variance components of disclosure depth.",
    mechanism="Self-paced topics follow the partner's last disclosure (reciprocity), responsiveness "
              "depends on the listener's skill and the pair's chemistry, and regard is learned from "
              "this partner - so depth is shaped by partner and pair; traits (self-esteem, rejection "
              "sensitivity, avoidance) give the actor component.",
    run=run,
)
