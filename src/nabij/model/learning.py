"""Learning a partner's responsiveness from evidence, so that consistency beats intensity.

Rule (seed ``001``: judge people by consistency, not intensity; Murray et al. 2006: each
situation of dependence is a test of the partner): *if* a partner's reactions are observed,
*then* the belief about how responsive they are becomes a posterior whose **mean** follows
the reactions and whose **certainty** grows with their number and shrinks with their
spread. Trust is the posterior's lower bound, ``mean - z * sd``: a partner who is always
moderately responsive earns more trust than one who alternates extremes with the same mean.

The belief is a Normal-Gamma posterior over the mean and precision of reactions on a 0-1
scale, with two twists: each observation has a weight (deeper disclosures are more
diagnostic), and older evidence is discounted by a factor ``discount`` per step (recent
behaviour counts more; a forgetting-factor Bayesian filter). Pure and vectorized: all
arguments broadcast.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
ArrayLike = npt.ArrayLike

__all__ = [
    "Belief",
    "belief_sd",
    "credible_interval",
    "discount_belief",
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

    mean: FloatArray
    certainty: FloatArray
    shape: FloatArray
    rate: FloatArray


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
    return Belief(m.astype(np.float64), k.astype(np.float64), shape, rate)


def update_belief(
    belief: Belief, observed: ArrayLike, weight: ArrayLike = 1.0, discount: ArrayLike = 1.0
) -> Belief:
    """Discount the old evidence by ``discount`` and add one observation of weight ``weight``.

    ``weight = 0`` leaves the belief unchanged apart from the discount.
    """
    x = np.asarray(observed, dtype=np.float64)
    w = np.asarray(weight, dtype=np.float64)
    lam = np.asarray(discount, dtype=np.float64)
    k, a, b = discount_belief(belief, lam)[1:]
    k_new = k + w
    mean_new = (k * belief.mean + w * x) / k_new
    a_new = a + 0.5 * w
    b_new = b + 0.5 * k * w * (x - belief.mean) ** 2 / k_new
    return Belief(mean_new, k_new, a_new, b_new)


def discount_belief(belief: Belief, discount: ArrayLike) -> Belief:
    """Old evidence counts ``discount`` times as much (the mean stays; certainty shrinks)."""
    lam = np.asarray(discount, dtype=np.float64)
    floor = np.asarray(MIN_EVIDENCE)
    return Belief(belief.mean, np.maximum(belief.certainty * lam, floor),
                  np.maximum(belief.shape * lam, floor),
                  np.maximum(belief.rate * lam, floor * PRIOR_REACTION_SD**2))


def belief_sd(belief: Belief) -> FloatArray:
    """Posterior scale of the mean responsiveness: ``sqrt(rate / (shape * certainty))``."""
    return np.asarray(np.sqrt(belief.rate / (belief.shape * belief.certainty)))


def trust_lower_bound(belief: Belief, z: float) -> FloatArray:
    """Trust: the lower bound ``mean - z * sd`` of the belief, kept on [0, 1]."""
    return np.asarray(np.clip(belief.mean - z * belief_sd(belief), 0.0, 1.0))


def credible_interval(belief: Belief, level: float = 0.9) -> tuple[FloatArray, FloatArray]:
    """Central credible interval of the mean responsiveness (Student-t marginal), clipped to 0-1."""
    if not 0.0 < level < 1.0:
        raise ValueError(f"level: a credible level must lie strictly between 0 and 1, got {level}")
    from scipy import stats  # imported here: scipy costs ~1 s of start-up for every CLI call

    q = stats.t.ppf(0.5 + level / 2.0, df=2.0 * belief.shape)
    half = q * belief_sd(belief)
    return (np.clip(belief.mean - half, 0.0, 1.0), np.clip(belief.mean + half, 0.0, 1.0))
