"""Inappropriate disclosure: telling too much, too soon, lowers the listener's liking.

Cozby (1972) found that liking for a stranger rises with the intimacy of their disclosure
only up to a point and then falls; Chaikin & Derlega (1974) that a highly intimate
disclosure to a stranger is judged inappropriate, and the discloser liked less, unless it
answers an equally intimate one (seed 000 gives the same example). What is appropriate
widens as the relationship grows (Altman & Taylor 1973) and with the listener's own
disclosure (the reciprocity norm). So the effect of depth on the listener's liking is
curvilinear: being confided in raises liking (Collins & Miller 1994) until the depth
exceeds what the stage and the listener's own openness allow, and the excess costs liking.

Each rule is one scalar function (floats in, a float out), so the same definition runs in
the fused kernel and, elementwise, on arrays.
"""

from __future__ import annotations

from nabij.model.params import Params

__all__ = ["disclosure_allowance", "liking_after_overdisclosure", "overdisclosure"]


def disclosure_allowance(closeness: float, own_depth: float, params: Params) -> float:
    """The deepest disclosure the listener finds appropriate from this partner now (0-1).

    ``max(allowance_base + allowance_closeness x closeness, own_depth + allowance_margin)``,
    at most 1: the stage of the relationship (Altman & Taylor 1973) or, if larger, the
    listener's own last disclosure plus a margin (matching is appropriate; Chaikin & Derlega
    1974).
    """
    by_stage = params.allowance_base + params.allowance_closeness * closeness
    by_reciprocity = own_depth + params.allowance_margin
    return min(1.0, max(by_stage, by_reciprocity))


def overdisclosure(depth: float, closeness: float, own_depth: float, params: Params) -> float:
    """How far a disclosure goes beyond what the listener finds appropriate (0 if it does not).

    Cozby (1972); Chaikin & Derlega (1974). The listener's liking loses
    ``overdisclosure_penalty x overdisclosure x liking`` (:mod:`.regulation`).
    """
    return max(0.0, depth - disclosure_allowance(closeness, own_depth, params))


def liking_after_overdisclosure(liking: float, excess: float, params: Params) -> float:
    """The listener's liking after a disclosure ``excess`` beyond what they find appropriate.

    ``liking - overdisclosure_penalty x excess x liking`` (at least 0): with the gain from
    being confided in (:mod:`.regulation`), liking rises with depth up to the allowance and
    falls beyond it (Cozby 1972; Chaikin & Derlega 1974).
    """
    return max(0.0, liking - params.overdisclosure_penalty * excess * liking)
