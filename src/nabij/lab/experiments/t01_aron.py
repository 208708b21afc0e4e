"""T1 - Aron, Melinat, Aron, Vallone & Bator (1997), Study 1: closeness tasks vs small talk.

Unacquainted pairs spend 45 minutes either on 36 questions in three sets of rising
intimacy, both partners answering each in turn, or on small-talk tasks of the same length.
Afterwards each partner rates closeness on the IOS and the SCI (1-7); the pair's composite
is the unit of analysis.
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.lab.experiment import Experiment, Replication, run_pairs, sample_size
from nabij.lab.instruments import Rater, closeness_composite
from nabij.lab.stats import cohens_d
from nabij.model import Params
from nabij.protocols import small_talk, thirty_six_questions

PAIRS_PER_CONDITION = 60


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(PAIRS_PER_CONDITION, scale)
    s_tasks, s_talk, s_rate = spawn(rng, 3)
    tasks = run_pairs(n, thirty_six_questions(), s_tasks, params).final["closeness"]
    talk = run_pairs(n, small_talk(), s_talk, params).final["closeness"]
    rate = Rater(s_rate)
    comp_tasks = closeness_composite(tasks, rate).mean(axis=0)  # the pair is the unit
    comp_talk = closeness_composite(talk, rate).mean(axis=0)
    return Replication(
        {"d_composite": cohens_d(comp_tasks, comp_talk),
         "composite_closeness_tasks": float(comp_tasks.mean()),
         "composite_small_talk": float(comp_talk.mean())},
        {"closeness tasks": [float(comp_tasks.mean())], "small talk": [float(comp_talk.mean())]},
    )


EXPERIMENT = Experiment(
    "T1",
    sample=PAIRS_PER_CONDITION,
    unit="pairs per condition",
    design=f"{PAIRS_PER_CONDITION} stranger pairs per condition; 36 questions (72 turns) vs small talk "
           "(72 turns); topic intimacies from the question norms of Brockbank et al. (2025); "
           "composite = mean of IOS and SCI ratings of both partners.",
    mechanism="Escalating topics invite deeper disclosure; responsive replies turn disclosure into "
              "intimacy (Reis & Shaver 1988), and intimacy builds closeness (dependence regulation). "
              "Small talk gives little to disclose, so little intimacy accrues.",
    run=run,
    limitations=("At main 6cbc5df all three checks match, but both closeness levels run below the "
                 "paper's (about 3.85 vs 4.06 after the closeness tasks and 3.08 vs 3.25 after small "
                 "talk), inside the predictive interval yet near its edge; with few simulated studies "
                 "the interval's quantiles wobble and a level can fall out (the 15-study intact column "
                 "of the lesion table shows T1 as a miss). The gap between conditions comes from the "
                 "question norms (deeper questions invite deeper disclosure) and from responsive replies "
                 "turning disclosure into intimacy; the absolute level is set by closeness_rate, the one "
                 "parameter fitted, on T1 alone, so matching T1 shows the fit worked rather than that "
                 "the theory predicts it. The study size is a stand-in (see the target's note), so the "
                 "interval is not yet the one a study of Aron et al.'s size would give."),
)
