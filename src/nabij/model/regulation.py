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

import numpy as np
import numpy.typing as npt

from nabij.model.params import Params

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

__all__ = ["Regulated", "decide_to_leave", "regulate_dependence"]


class Regulated(NamedTuple):
    """Closeness and liking after regulation."""

    closeness: FloatArray
    liking: FloatArray


def regulate_dependence(
    closeness: npt.ArrayLike,
    liking: npt.ArrayLike,
    intimacy: npt.ArrayLike,
    new_hurt: npt.ArrayLike,
    regard: npt.ArrayLike,
    security: npt.ArrayLike,
    received_depth: npt.ArrayLike,
    kept_depth: npt.ArrayLike,
    perceived: npt.ArrayLike,
    params: Params,
) -> Regulated:
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
    c = np.asarray(closeness, dtype=np.float64)
    lk = np.asarray(liking, dtype=np.float64)
    hurt = np.asarray(new_hurt, dtype=np.float64)
    approach = np.asarray(regard, dtype=np.float64) - params.regard_pivot
    sec = np.asarray(security, dtype=np.float64)
    room = np.where(approach > 0.0, 1.0 - c, c)
    c_new = (
        c
        + params.closeness_rate * np.asarray(intimacy) * (1.0 - c) * (0.5 + 0.5 * sec)
        + params.threat_response * hurt * approach * room
    )
    undervalued = np.maximum(0.0, -approach) / max(params.regard_pivot, 1e-9)
    lk_new = (
        lk
        + params.liking_receive * np.asarray(received_depth) * (1.0 - lk)
        + params.liking_disclose * np.asarray(kept_depth) * np.asarray(perceived) * (1.0 - lk)
        - params.devalue_rate * hurt * undervalued * lk
    )
    return Regulated(np.asarray(np.clip(c_new, 0.0, 1.0)), np.asarray(np.clip(lk_new, 0.0, 1.0)))


def decide_to_leave(
    left: npt.ArrayLike, regard: npt.ArrayLike, hurt: npt.ArrayLike, params: Params
) -> BoolArray:
    """Leaving (ghosting), the last resort of self-protection (Murray et al. 2006).

    *If* a person feels almost unvalued (regard below ``leave_regard``) *and* is badly
    hurt (hurt above ``leave_hurt``), *then* they leave; leaving is permanent.
    """
    return np.asarray(
        np.asarray(left, dtype=bool)
        | ((np.asarray(regard) < params.leave_regard) & (np.asarray(hurt) > params.leave_hurt))
    )
