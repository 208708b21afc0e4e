"""Contingency rule 3 - dependence regulation: approach when valued, self-protect when not.

Murray, Holmes & Collins (2006); Murray, Bellavia, Rose & Griffin (2003): *if* a person
feels valued, *then* intimacy draws them closer and a hurt even makes them draw closer
(seek reassurance); *if* they feel undervalued, *then* a hurt makes them distance
themselves and devalue the partner, and near-certain rejection makes them leave. Liking
follows the three effects of Collins & Miller (1994): we like those who disclose to us,
and those we have disclosed to (when it went well).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from nabij.model._math import clip01
from nabij.model.params import Params

__all__ = ["Regulated", "decide_to_leave", "regulate_dependence"]


class Regulated(NamedTuple):
    """Closeness and liking after regulation."""

    closeness: float
    liking: float


def regulate_dependence(closeness: float, liking: float, intimacy: float, new_hurt: float,
                        regard: float, security: float, received_depth: float,
                        kept_depth: float, perceived: float, params: Params) -> Regulated:
    """Update closeness (dependence) and liking for one person after one turn.

    - Intimacy builds closeness: ``+ closeness_rate x intimacy x (1 - c) x (1 -
      closeness_security_weight x (1 - security))`` (Reis & Shaver 1988; a secure person
      lets it in more; Murray et al. 2006).
    - Threat regulation: a hurt moves closeness by a *share* of the room it can move in -
      toward the partner when valued, away when not (Murray et al. 2006; Murray, Bellavia
      et al. 2003). With ``u`` how far regard lies from ``regard_pivot`` (as a fraction of
      the distance to 1 above the pivot, to 0 below it), the share is
      ``1 - exp(-threat_response x hurt x u)`` of ``1 - c`` (closer) or of ``c`` (away):
      a single hurt can never wipe out closeness.
    - Liking (each gain scaled by the room left, ``1 - liking``): ``+ liking_receive x
      received_depth`` (being confided in), ``+ liking_disclose x kept_depth x perceived``
      (having confided, well received) (Collins & Miller 1994); and ``- devalue_rate x hurt x
      undervaluation x liking`` (devaluing the partner; Murray et al. 2006), undervaluation
      being ``u`` below the pivot.
    """
    p = params
    c, lk = closeness, liking
    approach = regard - p.regard_pivot
    undervalued = 0.0
    threat = 0.0
    if approach > 0.0:
        threat = (1.0 - c) * -math.expm1(-p.threat_response * new_hurt * approach
                                        / (1.0 - p.regard_pivot))
    elif approach < 0.0:
        undervalued = -approach / p.regard_pivot
        threat = -c * -math.expm1(-p.threat_response * new_hurt * undervalued)
    c_new = (c + p.closeness_rate * intimacy * (1.0 - c)
             * (1.0 - p.closeness_security_weight * (1.0 - security)) + threat)
    lk_new = (lk + p.liking_receive * received_depth * (1.0 - lk)
              + p.liking_disclose * kept_depth * perceived * (1.0 - lk)
              - p.devalue_rate * new_hurt * undervalued * lk)
    return Regulated(clip01(c_new), clip01(lk_new))


def decide_to_leave(left: bool, regard: float, hurt: float, params: Params) -> bool:
    """Leaving (ghosting), the last resort of self-protection (Murray et al. 2006).

    *If* a person feels almost unvalued (regard below ``leave_regard``) *and* is badly
    hurt (hurt above ``leave_hurt``), *then* they leave; leaving is permanent.
    """
    return left or (regard < params.leave_regard and hurt > params.leave_hurt)
