"""The intimacy process: the partner's actual and perceived responsiveness, and intimacy.

Reis & Shaver (1988); Laurenceau, Barrett & Pietromonaco (1998); Reis & Clark (2013):
a disclosure meets a response; what matters is how responsive it *seems* to the discloser
(understanding, validation, caring), which is filtered by the discloser's own fears
(rejection sensitivity: Downey & Feldman 1996; self-esteem: Murray et al. 2000). Intimacy
arises from one's own disclosure, the partner's disclosure, and perceived responsiveness;
emotional disclosure counts more than factual (Laurenceau et al. 1998).
"""

from __future__ import annotations

from nabij.model._math import clip01, logit, sigmoid
from nabij.model.params import Params

__all__ = [
    "actual_responsiveness_logit",
    "emotional_weight",
    "intimacy_of_discloser",
    "intimacy_of_listener",
    "perceived_responsiveness",
    "scripted_responsiveness_logit",
]


def actual_responsiveness_logit(depth: float, opener: float, security: float, liking: float,
                                avoidance: float, chemistry: float, flooded: bool, noise: float,
                                params: Params) -> float:
    """The listener's actual responsiveness, on the logit scale (``sigmoid`` gives 0-1).

    Grows with the listener's skill as an "opener" (Miller, Berg & Archer 1983), their own
    felt security (Canevello & Crocker 2010), their liking of the speaker (Reis & Clark
    2013) and the depth of what was disclosed (reciprocity of care; Collins & Miller 1994);
    falls with the listener's avoidance (Winterheld 2017) and when the speaker floods
    (seed 003); plus the pair's chemistry (Dindia et al. 1997) and momentary noise.
    """
    p = params
    return (p.responsiveness_base + p.skill_weight * (opener - 0.5)
            + p.security_weight * (security - 0.5)
            + p.listener_liking_weight * (liking - 0.5) + p.depth_elicits * depth
            - p.avoidance_listener_weight * avoidance
            - p.flood_penalty * (1.0 if flooded else 0.0) + chemistry
            + p.responsiveness_noise * noise)


def scripted_responsiveness_logit(feedback: float) -> float:
    """A scripted reaction (a confederate, bogus feedback; Leary et al. 1995) on the logit scale.

    It replaces the listener's own responsiveness; ``feedback`` is on 0-1.
    """
    return logit(feedback)


def perceived_responsiveness(actual_logit: float, rejection_sensitivity: float,
                             self_esteem: float, noise: float, params: Params) -> float:
    """How responsive the reaction seems to the discloser (0-1).

    Downey & Feldman (1996): rejection-sensitive people readily perceive rejection; the
    shift acts on the logit scale, so it is largest for ambiguous (mid-range) reactions.
    Murray et al. (2000): low self-esteem people see less regard. Plus reading noise.
    """
    p = params
    return sigmoid(actual_logit - p.perception_rs_bias * (rejection_sensitivity - 0.5)
                   + p.perception_se_bias * (self_esteem - 0.5) + p.perception_noise * noise)


def emotional_weight(depth: float, emotional: float, params: Params) -> float:
    """Depth weighted by content: facts count ``factual_weight``, emotions count 1 (Laurenceau 1998)."""
    f = params.factual_weight
    return depth * (f + (1.0 - f) * emotional)


def intimacy_of_discloser(weighted_depth: float, depth: float, perceived: float,
                          params: Params) -> float:
    """Intimacy felt by the one who disclosed (0-1) (Reis & Shaver 1988; Laurenceau 1998).

    ``intimacy_self x weighted depth + intimacy_responsiveness x perceived x (floor + (1 -
    floor) x depth)``, floor = ``responsiveness_floor``: being met well matters most when one
    has risked something, yet a warm reply to light talk also draws people together (Reis
    et al. 2011).
    """
    p = params
    return clip01(p.intimacy_self * weighted_depth + p.intimacy_responsiveness * perceived
                  * (p.responsiveness_floor + (1.0 - p.responsiveness_floor) * depth))


def intimacy_of_listener(partner_weighted_depth: float, partner_depth: float, confided: float,
                         params: Params) -> float:
    """Intimacy felt by the one who was confided in (0-1).

    ``intimacy_partner x partner's weighted depth + intimacy_responsiveness x confided x
    (floor + (1 - floor) x partner's depth)``, floor = ``responsiveness_floor``. The first
    term is the partner's disclosure (Laurenceau et al. 1998). The second mirrors the
    discloser's feeling of being met: being chosen as a confidant tells the listener they
    are trusted and liked (Collins & Miller 1994: people disclose to those they like, and
    like those who disclose to them), and that feeling of being valued is part of intimacy
    for both partners (Reis & Shaver 1988). ``confided`` is that signal
    (:func:`~nabij.model.appraisal.confided_evidence`: neutral for small talk, full at the
    deepest disclosure), weighted as the discloser's perceived responsiveness is, so that
    hearing an answer can promise as much closeness as giving it (Aron et al. 1997; Sprecher,
    Treger & Wondra 2013: listeners feel close to those who disclosed to them).
    """
    p = params
    return clip01(p.intimacy_partner * partner_weighted_depth + p.intimacy_responsiveness * confided
                  * (p.responsiveness_floor + (1.0 - p.responsiveness_floor) * partner_depth))
