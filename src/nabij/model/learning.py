"""Learning a partner's responsiveness from evidence, so that consistency beats intensity.

Rule (seed ``001``: judge people by consistency, not intensity; Murray et al. 2006: each
situation of dependence is a test of the partner): *if* a partner's reactions are observed,
*then* the belief about how responsive they are becomes a posterior whose **mean** follows
the reactions and whose **certainty** grows with their number and shrinks with their
spread. Trust is a lower quantile of the *predictive* distribution of the partner's next
reaction, ``mean - z * predictive sd``: a partner who is always moderately responsive earns
more trust than one who alternates extremes, even with a moderately higher mean, however
long the two have been observed.

The belief is a Normal-Gamma posterior over the mean and precision of reactions on a 0-1
scale, with two twists: each observation has a weight (deeper disclosures are more
diagnostic), and older evidence is discounted by a factor ``discount`` per step (recent
behaviour counts more; a forgetting-factor Bayesian filter). Each rule is a scalar function
of one belief; :mod:`nabij.model.arrays` gives its array form (all arguments broadcast).
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from nabij.model._math import clip01

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike

__all__ = [
    "Belief",
    "belief_sd",
    "credible_interval",
    "discount_belief",
    "predictive_sd",
    "prior_belief",
    "trust_lower_bound",
    "update_belief",
]

#: Prior shape of the precision; 2 keeps the posterior sd finite from the start.
PRIOR_SHAPE = 2.0
#: Prior expected spread (sd) of one partner's reactions on the 0-1 scale.
PRIOR_REACTION_SD = 0.2
#: Discounting never erases a belief completely: its statistics stay above this floor, so
#: the posterior stays defined (a belief worth one millionth of an observation is "no idea").
MIN_EVIDENCE = 1e-6


class Belief(NamedTuple):
    """Sufficient statistics of a Normal-Gamma belief about a partner's responsiveness.

    ``mean`` is the expected responsiveness (0-1); ``certainty`` is the weight of evidence
    behind that mean (pseudo-observations); ``shape`` and ``rate`` describe the belief about
    how variable the partner is.
    """

    mean: float
    certainty: float
    shape: float
    rate: float


def prior_belief(mean: ArrayLike, certainty: ArrayLike) -> Belief:
    """A prior belief with expected responsiveness ``mean`` worth ``certainty`` observations."""
    m = np.asarray(mean, dtype=np.float64)
    k = np.asarray(certainty, dtype=np.float64)
    m, k = np.broadcast_arrays(m, k)
    if np.any(~np.isfinite(m)) or np.any((m < 0) | (m > 1)):
        raise ValueError("mean: the prior expected responsiveness must lie in [0, 1]")
    if np.any(~np.isfinite(k)) or np.any(k <= 0):
        raise ValueError("certainty: the prior weight of evidence must be > 0")
    shape = np.full(m.shape, PRIOR_SHAPE)
    rate = shape * PRIOR_REACTION_SD**2
    arrays: Any = (x.astype(np.float64) for x in (m, k, shape, rate))
    return Belief(*arrays)


def update_belief(belief: Belief, observed: float, weight: float = 1.0,
                  discount: float = 1.0) -> Belief:
    """Discount the old evidence by ``discount`` and add one observation of weight ``weight``.

    ``weight = 0`` leaves the belief unchanged apart from the discount.
    """
    old = discount_belief(belief, discount)
    k, a, b = old.certainty, old.shape, old.rate
    k_new = k + weight
    mean_new = (k * belief.mean + weight * observed) / k_new
    b_new = b + 0.5 * k * weight * (observed - belief.mean) ** 2 / k_new
    return Belief(mean_new, k_new, a + 0.5 * weight, b_new)


def discount_belief(belief: Belief, discount: float) -> Belief:
    """Old evidence counts ``discount`` times as much (the mean stays; certainty shrinks)."""
    return Belief(belief.mean, max(belief.certainty * discount, MIN_EVIDENCE),
                  max(belief.shape * discount, MIN_EVIDENCE),
                  max(belief.rate * discount, MIN_EVIDENCE * PRIOR_REACTION_SD**2))


def belief_sd(belief: Belief) -> float:
    """Posterior scale of the mean responsiveness: ``sqrt(rate / (shape * certainty))``.

    It shrinks as evidence accumulates, whatever the partner's spread: how sure one is of
    the *average*, not how the *next* reaction will fall (that is :func:`predictive_sd`).
    """
    return math.sqrt(belief.rate / (belief.shape * belief.certainty))


def predictive_sd(belief: Belief) -> float:
    """Spread of the partner's *next* reaction: ``sqrt(rate / shape x (1 + 1 / certainty))``.

    The scale of the Normal-Gamma posterior predictive (a Student-t; Murphy 2007, "Conjugate
    Bayesian analysis of the Gaussian distribution"): the uncertainty about the
    mean (``rate / (shape x certainty)``) plus the partner's own reaction-to-reaction
    variance (``rate / shape``). The second part does not shrink with evidence: a partner
    who swings between warm and cold stays unpredictable however long one knows them.
    """
    return math.sqrt(belief.rate / belief.shape * (1.0 + 1.0 / belief.certainty))


def trust_lower_bound(belief: Belief, z: float) -> float:
    """Trust: how warm the partner's next reaction will at least be, ``mean - z x predictive sd``.

    Seed 001 (judge people by consistency, not intensity): trust is a low quantile of the
    *predictive* distribution of the next reaction (:func:`predictive_sd`), so a partner's
    spread keeps counting after any number of observations; a steady partner is trusted
    more than an erratic one with a moderately higher mean (docs/model.md, section 11,
    gives the crossover). Kept on [0, 1].
    """
    return clip01(belief.mean - z * predictive_sd(belief))


def credible_interval(belief: Belief, level: float = 0.9) -> tuple[FloatArray, FloatArray]:
    """Central credible interval of the mean responsiveness (Student-t marginal), clipped to 0-1."""
    if not 0.0 < level < 1.0:
        raise ValueError(f"level: a credible level must lie strictly between 0 and 1, got {level}")
    from scipy import stats  # imported here: scipy costs ~1 s of start-up for every CLI call

    from nabij.model.arrays import belief_sd as sd  # the array form of this module's rule

    q = stats.t.ppf(0.5 + level / 2.0, df=2.0 * belief.shape)
    half = q * sd(belief)
    return (np.clip(belief.mean - half, 0.0, 1.0), np.clip(belief.mean + half, 0.0, 1.0))
