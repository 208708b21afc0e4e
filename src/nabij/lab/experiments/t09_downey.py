"""T9 - Downey & Feldman (1996): rejection sensitivity and ambiguous partner behaviour.

Romantic partners talk every evening for a week: person 0 shares something that matters,
the partner answers and shares in turn; the partner's reactions to person 0 are ambiguous -
neither warm nor cold (scripted feedback 0.45, personal). Perceived rejection
is ``1 - perceived responsiveness``; satisfaction is liking (1-7) at the end of the week;
over-reaction is the largest hurt of the week and the closeness lost (reverse-scored
closeness; all couples start alike), each against person 0's rejection sensitivity.
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.lab.experiment import Experiment, Replication, run_pairs, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import correlation
from nabij.model import Context, Params, sample_population
from nabij.protocols import Protocol, make_protocol, repeat

COUPLES = 300
AMBIGUOUS = 0.45
EVENINGS = 7


def _protocol() -> Protocol:
    """A week of evenings; each, person 0 discloses and gets an ambiguous reaction, twice."""
    evening = make_protocol("evening", np.array([0, 1, 0, 1]), 0.6, -0.2, 0.7, 0.0,
                       feedback=[AMBIGUOUS, np.nan, AMBIGUOUS, np.nan],
                       relevance=[1.0, np.nan, 1.0, np.nan])
    return repeat(evening, EVENINGS, 1.0)


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(COUPLES, scale)
    s_people, s_run, s_rate = spawn(rng, 3)
    rate = Rater(s_rate)
    people = sample_population(2 * n, s_people)
    res = run_pairs(n, _protocol(), s_run, params, context=Context(relationship="romantic"),
                    per_turn=("perceived_responsiveness", "new_hurt"), final=("closeness", "liking"),
                    people=people)
    rs = people.rejection_sensitivity[0::2]  # person 0 of each couple
    mine = res.protocol.speaker == 0
    rejection = rate(1.0 - res.per_turn["perceived_responsiveness"][mine].mean(axis=0))
    withdrawal = 8.0 - rate(res.final["closeness"][0])  # reverse-scored closeness after
    return Replication(
        {"r_rs_perceived_rejection": correlation(rs, rejection),
         "r_rs_satisfaction": correlation(rs, rate(res.final["liking"][0])),
         "r_rs_hurt": correlation(rs, rate(res.per_turn["new_hurt"][mine].max(axis=0))),
         "r_rs_withdrawal": correlation(rs, withdrawal)},
    )


EXPERIMENT = Experiment(
    "T9",
    sample=COUPLES,
    unit="couples",
    design=f"{COUPLES} couples, {EVENINGS} evenings; person 0 discloses twice an evening (topic intimacy "
           f"0.6, emotional, negative) and the partner reacts ambiguously (scripted responsiveness "
           f"{AMBIGUOUS}, personal); hurt = the largest hurt of the week.",
    mechanism="Rejection sensitivity biases the perception of the same reaction downward (Downey & "
              "Feldman 1996), amplifies the anticipated cost of rejection, and through signaling and "
              "the regard pivot of dependence regulation turns hurt into distance.",
    run=run,
    limitations=("At main 6cbc5df all four correlations match, but the two over-reaction correlations "
                 "(hurt and withdrawal, about .58-.59) sit just under the .60 ceiling of the r window, "
                 "and earlier runs put them above it. They are high by construction: rejection "
                 "sensitivity lowers the perceived responsiveness of the same ambiguous reaction "
                 "(perception_rs_bias) and raises the anticipated cost of rejection, and since every "
                 "partner reacts at the same scripted level, perceived rejection, hurt and lost "
                 "closeness have almost no other source of variation. Downey & Feldman's correlations "
                 "come from self-reports with their own error and from partners who differ; a change "
                 "across the ceiling between runs says little about the theory. No published size has "
                 "been encoded."),
)
