"""Personal inference: what a person's journal says about their own rejection sensitivity.

The model's perception rule (:func:`nabij.model.responsiveness.perceived_responsiveness`)
reads every reaction through the person's traits: on the logit scale, rejection
sensitivity lowers what they expect by ``perception_rs_bias x (rs - 0.5)`` and self-esteem
raises it by ``perception_se_bias x (se - 0.5)``. A journal holds, per entry, what the
person expected (``expected_reaction``, else ``1 - fear_before / 100``) and how the
confidant actually reacted. So the entries measure one *expectation bias*

    delta = mean over entries of  logit(expected) - logit(observed)

with per-entry noise (the reactions vary; so do the fears). We estimate it with the exact
conjugate posterior of a normal model with unknown mean and variance (a weak
normal-inverse-gamma prior centred on no bias, worth :data:`PRIOR_ENTRIES` entries), so the
credible interval of ``delta`` is a Student-t interval.

Only the sum of the two trait terms is identified by expectations vs outcomes. We translate
``delta`` into the trait the companion works with, rejection sensitivity, **holding
self-esteem at the population midpoint**: ``rs = 0.5 - delta / perception_rs_bias``
(clipped to 0-1), and say so wherever it is shown. With fewer than :data:`MIN_ENTRIES`
entries the answer is "not enough data yet".

Ratings are whole scale points: a reaction of 1 or 7 would be 0 or 1 on the 0-1 scale,
infinitely far on the logit scale, so each value is kept half a scale step from the ends.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from nabij.companion.domain import Entry
from nabij.companion.estimators import expected_of, observed_of
from nabij.model.params import Params

__all__ = ["MIN_ENTRIES", "PRIOR_ENTRIES", "TraitEstimate", "expectation_bias", "trait_estimate"]

#: Fewer entries than this: "not enough data yet" (the interval would span most of the scale).
MIN_ENTRIES = 8
#: The prior's weight, in entries: centred on no bias, with a logit sd of about 1.
PRIOR_ENTRIES = 2.0
_EDGE = 1 / 12  # half a step of the 1-7 scale, on the 0-1 scale


def _logit(x: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    p = np.clip(x, _EDGE, 1 - _EDGE)
    return np.asarray(np.log(p / (1 - p)), dtype=np.float64)


@dataclass(frozen=True)
class TraitEstimate:
    """Posterior of the expectation bias and the rejection sensitivity it implies.

    ``enough`` is False below :data:`MIN_ENTRIES` entries; the numbers are then the prior's.
    ``bias`` < 0 means the person expects worse reactions than they get.
    """

    n: int
    enough: bool
    bias: float
    bias_low: float
    bias_high: float
    rejection_sensitivity: float
    rs_low: float
    rs_high: float
    level: float


def expectation_bias(entries: Sequence[Entry], level: float = 0.9) -> tuple[float, float, float, int]:
    """Posterior mean and central ``level`` interval of ``delta`` (logit scale), and n."""
    d = (_logit(np.array([expected_of(e) for e in entries], dtype=np.float64))
         - _logit(np.array([observed_of(e) for e in entries], dtype=np.float64)))
    n = d.size
    k0, a0, b0 = PRIOR_ENTRIES, PRIOR_ENTRIES / 2, PRIOR_ENTRIES / 2  # prior mean 0, sd ~ 1
    mean = float(d.mean()) if n else 0.0
    kn, an = k0 + n, a0 + n / 2
    mn = n * mean / kn
    ss = float(((d - mean) ** 2).sum()) if n else 0.0
    bn = b0 + ss / 2 + k0 * n * mean**2 / (2 * kn)
    scale = float(np.sqrt(bn / (an * kn)))
    from scipy import stats  # imported when used: it costs the CLI's start-up 0.7 s

    half = float(stats.t.ppf(0.5 + level / 2, 2 * an)) * scale
    return mn, mn - half, mn + half, n


def trait_estimate(entries: Sequence[Entry], params: Params | None = None,
                   level: float = 0.9) -> TraitEstimate:
    """The person's expectation bias and rejection sensitivity, with a credible interval."""
    p = params or Params()
    mean, low, high, n = expectation_bias(entries, level)

    def rs(delta: float) -> float:
        return float(np.clip(0.5 - delta / p.perception_rs_bias, 0.0, 1.0))

    return TraitEstimate(n=n, enough=n >= MIN_ENTRIES, bias=mean, bias_low=low, bias_high=high,
                         rejection_sensitivity=rs(mean), rs_low=rs(high), rs_high=rs(low), level=level)
