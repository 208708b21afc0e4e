"""Two small numerical helpers shared by the rules (logistic link and its inverse)."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

_EPS = 1e-9


def sigmoid(x: npt.ArrayLike) -> FloatArray:
    """The logistic function, written to stay finite for any finite input."""
    z = np.asarray(x, dtype=np.float64)
    return np.asarray(0.5 * (1.0 + np.tanh(0.5 * z)))


def logit(p: npt.ArrayLike) -> FloatArray:
    """The inverse of :func:`sigmoid`, with probabilities kept off 0 and 1."""
    q = np.clip(np.asarray(p, dtype=np.float64), _EPS, 1.0 - _EPS)
    return np.asarray(np.log(q) - np.log1p(-q))
