"""Small scalar helpers shared by the rules: the logistic link, its inverse, clipping to [0, 1].

Plain ``math`` on floats, so that the rules calling them run as Python and compile with
numba unchanged (:mod:`.elementwise`). The fused kernel swaps :func:`sigmoid` for a
vectorizable polynomial form (:func:`nabij.engine.fused.sigmoid`).
"""

from __future__ import annotations

import math

__all__ = ["clip01", "logit", "sigmoid"]

#: How far a scripted probability is kept from 0 and 1 before taking its logit.
LOGIT_EPS = 1e-4


def sigmoid(x: float) -> float:
    """The logistic function, written to stay finite for any finite input."""
    return 0.5 * (1.0 + math.tanh(0.5 * x))


def logit(p: float) -> float:
    """The inverse of :func:`sigmoid`, with ``p`` kept ``LOGIT_EPS`` away from 0 and 1."""
    q = min(max(p, LOGIT_EPS), 1.0 - LOGIT_EPS)
    return math.log(q / (1.0 - q))


def clip01(x: float) -> float:
    """``x`` kept on [0, 1]."""
    return min(max(x, 0.0), 1.0)
