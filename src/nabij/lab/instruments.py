"""How simulated states become answers on the original instruments.

The model's states live on 0-1; people answer on the instrument's own scale. A rating is
``1 + 6 x state`` plus response error, rounded to the scale's points and kept in 1-7. Every
experiment measures every self-reported (or observer-coded) state this way, with one
:class:`Rater` per replication - the same instrument model for all targets. The
response error's SD (0.6 scale points) is set from the IOS's test-retest reliability of
about .83 over two weeks (Aron, Aron & Smollan 1992) with a between-person SD of about 1.5
points: sqrt((1 - .83) x 1.5^2) = 0.62.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_generator

FloatArray = npt.NDArray[np.float64]

#: SD of a single rating's response error, in scale points (see module docstring).
RESPONSE_SD = 0.6

__all__ = ["RESPONSE_SD", "Rater", "closeness_composite", "seven_point_rating"]


def seven_point_rating(state: npt.ArrayLike, rng: RngLike) -> FloatArray:
    """One 1-7 rating of a 0-1 state, with response error, on the scale's integer points."""
    x = np.asarray(state, dtype=np.float64)
    noisy = 1.0 + 6.0 * x + RESPONSE_SD * as_generator(rng).standard_normal(x.shape)
    return np.asarray(np.clip(np.rint(noisy), 1.0, 7.0))


class Rater:
    """Rates states on a 1-7 scale with response error, drawing from one stream."""

    def __init__(self, rng: RngLike) -> None:
        self._gen = as_generator(rng)

    def __call__(self, state: npt.ArrayLike) -> FloatArray:
        return seven_point_rating(state, self._gen)


def closeness_composite(closeness: npt.ArrayLike, rate: Rater) -> FloatArray:
    """Aron et al.'s (1997) composite: the mean of the IOS and the Subjective Closeness Index.

    The model has one closeness state; both instruments rate it, with independent errors.
    """
    return np.asarray((rate(closeness) + rate(closeness)) / 2.0)
