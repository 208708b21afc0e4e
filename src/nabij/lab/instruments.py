"""The measurement model: how simulated states become answers on a rating scale.

The model's states live on 0-1; people answer on an instrument's own scale. A rating of a
state ``x`` on a scale from ``low`` to ``high`` is ``low + (high - low) x`` plus response
error, rounded to the scale's points (``step`` apart) and kept within the scale. Every
laboratory experiment measures every self-reported (or observer-coded) state this way,
with one :class:`Rater` per replication, so effect sizes in the report include response
error just as the papers' do. Use the same instrument on your own simulations to compare
your effect sizes with the report's (``docs/experiments.md``, "Ratings with response error").

The response error's SD is 10% of the scale's range: 0.6 points on a 1-7 scale, 0.5 on
0-5, 0.9 on 1-10, 10 on 0-100. On 1-7 it is set from the IOS's two-week test-retest
reliability of about .83 (Aron, Aron & Smollan 1992) with a between-person SD of about
1.5 points: sqrt((1 - .83) x 1.5^2) = 0.62. Other scales keep the same share of their
range, i.e. the same reliability for the same spread of true states: an assumption, not a
measurement, that a user can override with ``response_sd``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_generator

FloatArray = npt.NDArray[np.float64]

#: Response error's SD as a share of a scale's range (0.6 points on 1-7; module docstring).
RESPONSE_SHARE = 0.1
#: SD of a single 1-7 rating's response error, in scale points.
RESPONSE_SD = 0.6

__all__ = ["RESPONSE_SD", "RESPONSE_SHARE", "SCALES", "Rater", "Scale", "closeness_composite", "rate",
           "seven_point_rating"]


@dataclass(frozen=True)
class Scale:
    """A rating scale: its lowest and highest answer and the distance between its points.

    ``Scale(1, 7)`` is a 7-point scale; ``Scale(0, 100, step=1)`` a 0-100 slider;
    ``step = 0`` gives a continuous scale (no rounding). ``response_sd`` is the SD of one
    answer's error in scale points (default: :data:`RESPONSE_SHARE` of the range).
    """

    low: float
    high: float
    step: float = 1.0
    response_sd: float | None = None

    def __post_init__(self) -> None:
        if not np.isfinite(self.low) or not np.isfinite(self.high) or self.high <= self.low:
            raise ValueError(f"Scale: need finite low < high, got low={self.low}, high={self.high}")
        if not 0 <= self.step <= self.high - self.low:
            raise ValueError(f"Scale: step must be in [0, {self.high - self.low}] (0 = continuous), "
                             f"got {self.step}")
        if self.response_sd is not None and not self.response_sd >= 0:
            raise ValueError(f"Scale: response_sd must be >= 0 scale points, got {self.response_sd}")

    @property
    def name(self) -> str:
        """``"1-7"``-style label."""
        return f"{self.low:g}-{self.high:g}"

    @property
    def width(self) -> float:
        return self.high - self.low

    @property
    def error_sd(self) -> float:
        """The response error's SD in scale points."""
        return RESPONSE_SHARE * self.width if self.response_sd is None else self.response_sd

    def true_score(self, state: npt.ArrayLike) -> FloatArray:
        """A 0-1 state on this scale without response error (no rounding)."""
        return np.asarray(self.low + self.width * np.asarray(state, dtype=np.float64))

    def to_state(self, rating: npt.ArrayLike) -> FloatArray:
        """A rating back on the model's 0-1 scale (the inverse of :meth:`true_score`)."""
        return np.asarray((np.asarray(rating, dtype=np.float64) - self.low) / self.width)


#: The scales the laboratory's instruments use, by name.
SCALES: dict[str, Scale] = {
    "0-5": Scale(0, 5),
    "1-7": Scale(1, 7),
    "1-10": Scale(1, 10),
    "0-100": Scale(0, 100),
}


def _scale(scale: Scale | str) -> Scale:
    if isinstance(scale, Scale):
        return scale
    try:
        return SCALES[scale]
    except KeyError:
        raise ValueError(f"scale: unknown scale {scale!r}; choose from {', '.join(SCALES)} "
                         "or pass a Scale(low, high, step)") from None


def rate(state: npt.ArrayLike, rng: RngLike, scale: Scale | str = "1-7") -> FloatArray:
    """One rating per element of the 0-1 ``state``, with response error, on ``scale``'s points.

    States outside 0-1 are allowed (the rating is clipped to the scale); a NaN state (not
    measured) gives a NaN rating.
    """
    s = _scale(scale)
    x = np.asarray(state, dtype=np.float64)
    noisy = s.true_score(x) + s.error_sd * as_generator(rng).standard_normal(x.shape)
    if s.step > 0:
        noisy = s.low + s.step * np.rint((noisy - s.low) / s.step)
    return np.asarray(np.clip(noisy, s.low, s.high))


def seven_point_rating(state: npt.ArrayLike, rng: RngLike) -> FloatArray:
    """One 1-7 rating of a 0-1 state, with response error, on the scale's integer points."""
    return rate(state, rng, "1-7")


class Rater:
    """Rates states on one scale (default 1-7) with response error, drawing from one stream.

    ``Rater(rng)(state)`` rates on its own scale; ``Rater(rng)(state, "0-5")`` on another,
    from the same stream.
    """

    def __init__(self, rng: RngLike, scale: Scale | str = "1-7") -> None:
        self._gen = as_generator(rng)
        self.scale = _scale(scale)

    def __call__(self, state: npt.ArrayLike, scale: Scale | str | None = None) -> FloatArray:
        return rate(state, self._gen, self.scale if scale is None else scale)


def closeness_composite(closeness: npt.ArrayLike, rate: Rater) -> FloatArray:
    """Aron et al.'s (1997) composite: the mean of the IOS and the Subjective Closeness Index.

    The model has one closeness state; both instruments rate it (1-7), with independent errors.
    """
    return np.asarray((rate(closeness, "1-7") + rate(closeness, "1-7")) / 2.0)
