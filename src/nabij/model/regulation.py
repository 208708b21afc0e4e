"""Contingency rule 3 - dependence regulation: approach when valued, self-protect when not.

Murray, Holmes & Collins (2006); Murray, Bellavia, Rose & Griffin (2003): *if* a person
feels valued, *then* intimacy draws them closer and a hurt even makes them draw closer
(seek reassurance); *if* they feel undervalued, *then* a hurt makes them distance
themselves and devalue the partner, and near-certain rejection makes them leave. Liking
follows the three effects of Collins & Miller (1994): we like those who disclose to us,
and those we have disclosed to (when it went well).
"""

from __future__ import annotations

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

    - Intimacy builds closeness: ``+ closeness_rate x intimacy x (1 - c) x (0.5 + 0.5 x
      security)`` (Reis & Shaver 1988; a secure person lets it in more; Murray et al. 2006).
    - Threat regulation: a hurt moves closeness by ``threat_response x hurt x (regard -
      regard_pivot) x room``, where room is ``1 - c`` when moving closer and ``c`` when
      moving away - toward the partner when valued, away when not (Murray et al. 2006, 2003).
    - Liking (each gain scaled by the room left, ``1 - liking``): ``+ liking_receive x
      received_depth`` (being confided in), ``+ liking_disclose x kept_depth x perceived``
      (having confided, well received) (Collins & Miller 1994); and ``- devalue_rate x hurt x
      undervaluation x liking`` (devaluing the partner; Murray et al. 2006), undervaluation
      being how far regard falls below the pivot, relative to the pivot.
    """
    p = params
    c, lk = closeness, liking
    approach = regard - p.regard_pivot
    room = 1.0 - c if approach > 0.0 else c
    c_new = (c + p.closeness_rate * intimacy * (1.0 - c) * (0.5 + 0.5 * security)
             + p.threat_response * new_hurt * approach * room)
    undervalued = max(0.0, -approach) / max(p.regard_pivot, 1e-9)
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
