"""T10 - Kardas, Kumar & Epley (2022): overly shallow - miscalibrated expectations of deep talk.

Strangers (and, in a comparison, friends with a history of eight weekly talks) hold a
deep conversation (topic intimacy 0.75, emotional). Before it, person 1 expects the
partner's care - the mean of their belief about the partner's responsiveness - and, from
it, how connected they will feel: the model's own intimacy function at the expected
responsiveness for what they then disclose. After it, the
partner's care actually shown (mean actual responsiveness to person 1's disclosures) and the
intimacy person 1 actually felt.
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.lab.experiment import Experiment, Replication, by_speaker, run_pairs, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import cohens_d, paired_d
from nabij.model import Context, Params, emotional_weight, intimacy_of_discloser
from nabij.protocols import Protocol, free_conversation, make_protocol, repeat, sequence

PAIRS = 200
DEEP, EMOTIONAL, TURNS = 0.75, 0.7, 12
FRIENDSHIP_WEEKS = 8  # friends share a history: weekly talks before the deep one
RECORD = ("expected_responsiveness", "actual_responsiveness", "kept_depth", "intimacy")


def _deep_talk() -> Protocol:
    return make_protocol("deep talk", np.arange(TURNS) % 2, DEEP, 0.0, EMOTIONAL, 0.0)


def _expectations(protocol: Protocol, relationship: str, n: int, rng: np.random.SeedSequence,
                  params: Params, rate: Rater) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Person 1's expected and actual care, expected and felt connection, in the last ``TURNS``."""
    res = run_pairs(n, protocol, rng, params, context=Context(relationship=relationship),
                    per_turn=RECORD)
    talk = slice(len(protocol) - TURNS, None)
    before = len(protocol) - TURNS  # person 1 has not spoken yet in the deep talk's first turn
    expected_care = res.per_turn["expected_responsiveness"][before, 1]
    actual_care = by_speaker(res, "actual_responsiveness", talk)[1]
    depth = by_speaker(res, "kept_depth", talk)[1]
    expected_conn = intimacy_of_discloser(emotional_weight(depth, EMOTIONAL, params), depth,
                                          expected_care, params)
    felt_conn = by_speaker(res, "intimacy", talk)[1]
    return rate(expected_care), rate(actual_care), rate(expected_conn), rate(felt_conn)


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(PAIRS, scale)
    s_strangers, s_friends, s_rate = spawn(rng, 3)
    rate = Rater(s_rate)
    exp_care, act_care, exp_conn, felt = _expectations(_deep_talk(), "strangers", n, s_strangers,
                                                       params, rate)
    history = sequence([repeat(free_conversation(10), FRIENDSHIP_WEEKS, 7.0), _deep_talk()], 7.0)
    f_exp_care, f_act_care, _, _ = _expectations(history, "friends", n, s_friends, params, rate)
    return Replication(
        {"dz_connection_actual_minus_expected": paired_d(felt, exp_conn),
         "dz_care_actual_minus_expected": paired_d(act_care, exp_care),
         "d_miscalibration_strangers_vs_friends": cohens_d(np.abs(act_care - exp_care),
                                                           np.abs(f_act_care - f_exp_care))},
        {"strangers: expected care": [float(exp_care.mean())],
         "strangers: actual care": [float(act_care.mean())],
         "friends: expected care": [float(f_exp_care.mean())],
         "friends: actual care": [float(f_act_care.mean())]},
    )


EXPERIMENT = Experiment(
    "T10",
    sample=PAIRS,
    unit="pairs",
    design=f"{PAIRS} stranger pairs and {PAIRS} friend pairs; {TURNS} alternating turns of deep talk "
           f"(topic intimacy {DEEP}, emotional {EMOTIONAL}).",
    mechanism="Strangers start from a cautious prior about responsiveness (Kardas et al. 2022), but "
              "deeper disclosure elicits warmer responses (Miller, Berg & Archer 1983), so the prior "
              "undershoots; friends' priors rest on experience and are tighter.",
    run=run,
)
