"""V1 - real round-robin data: reciprocity, projection and accuracy of liking.

The example data ``likingLong`` of the TripleR package (Schönbrodt, Back & Schmukle 2012):
one group of 54 people, every member rates every other on liking ("how much do I like
this person", two items, 0-5, averaged) and metaliking ("how much does this person like
me", two items, averaged): 2,862 directed ratings of 1,431 dyads. Liking is barely
reciprocated (r = .12 raw, .14 between relationship effects, i.e. after removing each
rater's and each target's mean), people's metaliking mostly projects their own liking
(r = .64 with their liking of that person) and tracks the other's actual liking weakly
(r = .12, accuracy).

The data come from the first session of the Mainz Freshman Study (Back, Schmukle & Egloff
2008), at zero acquaintance: the freshmen rated each other after seeing one another, before
any of them had talked in pairs (so the TripleR documentation describes them). The model's
round robin mirrors that: 54 simulated people, every pair at first sight
(:func:`~nabij.engine.first_sight.first_sight`: liking is the first impression - the
perceiver's leniency, the target's appeal, the pair's chemistry and the perceiver's taste -
and perceived regard is projected from it). Each rates liking (the ``liking`` state) and
metaliking (perceived regard, the ``regard`` state) with two 0-5 items each, through the
laboratory's instrument (:mod:`nabij.lab.instruments`).

Until the run after main 6cbc5df the virtual design gave every pair an 8-turn conversation
first. That was a design error, found while reading why the model missed (the data's
documentation says zero acquaintance); correcting it after seeing the miss makes V1 a weaker
test than a target never looked at, which docs/replications.md says.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij._rng import spawn
from nabij.engine import round_robin
from nabij.engine.first_sight import first_sight
from nabij.lab.experiment import Experiment, Replication, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import correlation
from nabij.model import Params, Population, sample_population

FloatArray = npt.NDArray[np.float64]

GROUP_SIZE = 54
ITEMS = 2


def relationship_effects(x: FloatArray) -> FloatArray:
    """The Social Relations Model's relationship effects of one round robin ``(n, n)``.

    What is left of ``x[i, j]`` once rater ``i``'s actor effect, target ``j``'s partner effect
    and the grand mean are removed (Warner, Kenny & Stoto 1979); the diagonal is ignored.
    """
    n = x.shape[0]
    off = ~np.eye(n, dtype=bool)
    y = np.where(off, x, 0.0)
    row, col = y.sum(axis=1) / (n - 1), y.sum(axis=0) / (n - 1)
    grand = y.sum() / (n * (n - 1))
    k1, k2, k3 = (n - 1) ** 2 / (n * (n - 2)), (n - 1) / (n * (n - 2)), (n - 1) / (n - 2)
    actor = k1 * row + k2 * col - k3 * grand
    partner = k1 * col + k2 * row - k3 * grand
    return np.asarray(np.where(off, y - actor[:, None] - partner[None, :] - grand, np.nan))


def dyadic_correlation(x: FloatArray) -> float:
    """Double-entry correlation of ``x[i, j]`` with ``x[j, i]`` over all pairs ``i != j``."""
    iu = np.triu_indices(x.shape[0], 1)
    a, b = x[iu], x.T[iu]
    return correlation(np.concatenate([a, b]), np.concatenate([b, a]))


def _meet(people: Population, n: int, rng: np.random.SeedSequence,
          params: Params) -> tuple[FloatArray, FloatArray, npt.NDArray[np.int64]]:
    """Liking and perceived regard of every pair at first sight (``(2, dyads)`` each), and the pairs."""
    pairing = round_robin(n)
    state = first_sight(people, pairing, params, rng=rng)
    return np.asarray(state.liking), np.asarray(state.regard), pairing.persons


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(GROUP_SIZE, scale, minimum=6)
    s_people, s_run, s_rate = spawn(rng, 3)
    people = sample_population(n, s_people)
    liking, regard, persons = _meet(people, n, s_run, params)
    rate = Rater(s_rate, "0-5")
    like = np.mean([rate(liking) for _ in range(ITEMS)], axis=0)
    meta = np.mean([rate(regard) for _ in range(ITEMS)], axis=0)
    L, M = np.full((n, n), np.nan), np.full((n, n), np.nan)
    a, b = persons[:, 0], persons[:, 1]
    L[a, b], L[b, a] = like[0], like[1]
    M[a, b], M[b, a] = meta[0], meta[1]
    off = ~np.eye(n, dtype=bool)
    projection = correlation(M[off], L[off])
    accuracy = correlation(M[off], L.T[off])
    return Replication(
        {"r_reciprocity_raw": dyadic_correlation(L),
         "r_reciprocity_relationship": dyadic_correlation(relationship_effects(L)),
         "r_projection": projection,
         "r_accuracy": accuracy,
         "r_projection_minus_accuracy": projection - accuracy},
        {"liking (0-5)": [float(np.nanmean(L))], "metaliking (0-5)": [float(np.nanmean(M))]},
    )


EXPERIMENT = Experiment(
    "V1",
    sample=GROUP_SIZE,
    unit="people in the round robin",
    design=f"One round robin of {GROUP_SIZE} strangers at zero acquaintance (first sight, no talk in "
           f"pairs, as in the data); each rates liking of the other and metaliking (perceived regard), "
           f"{ITEMS} items each on 0-5, averaged.",
    mechanism="At first sight liking is a first impression with a perceiver part (leniency), a target "
              "part (expressiveness, warmth, attractiveness), a shared part (the pair's chemistry) and "
              "the perceiver's own taste; perceived regard is projected from one's own liking, so it "
              "follows one's own liking far more than the other's.",
    run=run,
    limitations=("Projection is too strong: metaliking correlates about .8 with one's own liking "
                 "against .64 in the data, because the model's perceived regard at first sight is one's "
                 "own liking plus chronic self-esteem and rejection-sensitivity colouring and little "
                 "else; real metaperceptions also carry a person's general sense of being liked, which "
                 "the model has no separate term for. Reciprocity and accuracy (both about .12 in the "
                 "data) fall inside the model's predictive intervals at zero acquaintance. With an "
                 "8-turn conversation before the ratings (the earlier, mistaken design) the model "
                 "gave reciprocity about .23 and accuracy about .30: talk makes liking mutual."),
)
