"""The intimacy process: the partner's actual and perceived responsiveness, and intimacy.

Reis & Shaver (1988); Laurenceau, Barrett & Pietromonaco (1998); Reis & Clark (2013):
a disclosure meets a response; what matters is how responsive it *seems* to the discloser
(understanding, validation, caring), which is filtered by the discloser's own fears
(rejection sensitivity: Downey & Feldman 1996; self-esteem: Murray et al. 2000). Intimacy
arises from one's own disclosure, the partner's disclosure, and perceived responsiveness;
emotional disclosure counts more than factual (Laurenceau et al. 1998).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij.model._math import sigmoid
from nabij.model.params import Params

FloatArray = npt.NDArray[np.float64]
A = npt.ArrayLike

__all__ = [
    "actual_responsiveness_logit",
    "emotional_weight",
    "intimacy_of_discloser",
    "intimacy_of_listener",
    "perceived_responsiveness",
]


def actual_responsiveness_logit(
    depth: A, opener: A, security: A, liking: A, avoidance: A, chemistry: A, flooded: A,
    noise: A, params: Params,
) -> FloatArray:
    """The listener's actual responsiveness, on the logit scale (``sigmoid`` gives 0-1).

    Grows with the listener's skill as an "opener" (Miller, Berg & Archer 1983), their own
    felt security (Canevello & Crocker 2010), their liking of the speaker (Reis & Clark
    2013) and the depth of what was disclosed (reciprocity of care; Collins & Miller 1994);
    falls with the listener's avoidance (Winterheld 2017) and when the speaker floods
    (seed 003); plus the pair's chemistry (Dindia et al. 1997) and momentary noise.
    """
    p = params
    return np.asarray(
        p.responsiveness_base
        + p.skill_weight * (np.asarray(opener) - 0.5)
        + p.security_weight * (np.asarray(security) - 0.5)
        + p.listener_liking_weight * (np.asarray(liking) - 0.5)
        + p.depth_elicits * np.asarray(depth)
        - p.avoidance_listener_weight * np.asarray(avoidance)
        - p.flood_penalty * np.asarray(flooded, dtype=np.float64)
        + np.asarray(chemistry)
        + p.responsiveness_noise * np.asarray(noise),
        dtype=np.float64,
    )


def perceived_responsiveness(
    actual_logit: A, rejection_sensitivity: A, self_esteem: A, noise: A, params: Params
) -> FloatArray:
    """How responsive the reaction seems to the discloser (0-1).

    Downey & Feldman (1996): rejection-sensitive people readily perceive rejection; the
    shift acts on the logit scale, so it is largest for ambiguous (mid-range) reactions.
    Murray et al. (2000): low self-esteem people see less regard. Plus reading noise.
    """
    p = params
    return sigmoid(
        np.asarray(actual_logit)
        - p.perception_rs_bias * (np.asarray(rejection_sensitivity) - 0.5)
        + p.perception_se_bias * (np.asarray(self_esteem) - 0.5)
        + p.perception_noise * np.asarray(noise)
    )


def emotional_weight(depth: A, emotional: A, params: Params) -> FloatArray:
    """Depth weighted by content: facts count ``factual_weight``, emotions count 1 (Laurenceau 1998)."""
    f = params.factual_weight
    return np.asarray(np.asarray(depth) * (f + (1.0 - f) * np.asarray(emotional)), dtype=np.float64)


def intimacy_of_discloser(weighted_depth: A, depth: A, perceived: A, params: Params) -> FloatArray:
    """Intimacy felt by the one who disclosed (0-1) (Reis & Shaver 1988; Laurenceau 1998).

    ``intimacy_self x weighted depth + intimacy_responsiveness x perceived x (floor + (1 -
    floor) x depth)``, floor = ``responsiveness_floor``: being met well matters most when one
    has risked something, yet a warm reply to light talk also draws people together (Reis
    et al. 2011).
    """
    p = params
    val = (p.intimacy_self * np.asarray(weighted_depth)
           + p.intimacy_responsiveness * np.asarray(perceived)
           * (p.responsiveness_floor + (1.0 - p.responsiveness_floor) * np.asarray(depth)))
    return np.asarray(np.clip(val, 0.0, 1.0))


def intimacy_of_listener(partner_weighted_depth: A, params: Params) -> FloatArray:
    """Intimacy felt by the one who was confided in: ``intimacy_partner x partner's weighted depth``."""
    return np.asarray(np.clip(params.intimacy_partner * np.asarray(partner_weighted_depth), 0.0, 1.0))
