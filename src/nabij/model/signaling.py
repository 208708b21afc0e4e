"""Contingency rule 2 - signaling: acceptance and rejection move felt security (the sociometer).

Leary, Tambor, Terdal & Downs (1995): state self-esteem tracks one's relational value -
*if* a person feels accepted, *then* felt security rises; *if* rejected, it falls and hurt
follows, more so when the rejection is personal (about who one is) than random. Murray,
Holmes & Collins (2006) and seed ``002``: the cost of rejection grows as the bond grows;
seed ``000``: the closer someone is, the more their rejection hurts. Self-compassion
cushions the sting (Neff 2003; seed ``004``).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from nabij.model.params import Params

FloatArray = npt.NDArray[np.float64]

__all__ = ["Signal", "rejection_stakes", "signal_acceptance"]


def rejection_stakes(closeness: npt.ArrayLike, params: Params) -> FloatArray:
    """What a rejection costs at this closeness: ``stakes_base + stakes_closeness x closeness``.

    Murray et al. (2006): the psychological cost of rejection grows with interdependence.
    """
    c = np.asarray(closeness, dtype=np.float64)
    return np.asarray(params.stakes_base + params.stakes_closeness * c)


class Signal(NamedTuple):
    """What one reaction did to the person: new felt security, new hurt state, hurt added."""

    security: FloatArray
    hurt: FloatArray
    new_hurt: FloatArray


def signal_acceptance(
    security: npt.ArrayLike,
    hurt: npt.ArrayLike,
    perceived: npt.ArrayLike,
    relevance: npt.ArrayLike,
    closeness: npt.ArrayLike,
    self_compassion: npt.ArrayLike,
    regard: npt.ArrayLike,
    params: Params,
) -> Signal:
    """Felt security and hurt after a perceived reaction (sociometer; Leary et al. 1995).

    - acceptance = perceived responsiveness minus the neutral point;
    - felt security moves by ``sociometer_rate x relevance x stakes x acceptance``, where
      acceptance is rescaled to [-1, 1] around the neutral point;
    - a rejection (perceived below neutral) adds hurt
      ``hurt_gain x relevance x stakes x rejection x (1 - self_compassion_buffer x SC)
      x (1 + hurt_doubt x (1 - regard))``: a rejection hurts more when it confirms doubts
      about the partner's regard (Murray, Bellavia, Rose & Griffin 2003).

    ``relevance`` is how personal the reaction is (1 = about who one is, 0 = random).
    """
    p = np.asarray(perceived, dtype=np.float64)
    rel = np.clip(np.asarray(relevance, dtype=np.float64), 0.0, 1.0)
    stakes = rejection_stakes(closeness, params)
    neutral = params.acceptance_neutral
    acceptance = np.where(p >= neutral, (p - neutral) / (1.0 - neutral), (p - neutral) / neutral)
    rejection = np.maximum(0.0, -acceptance)
    cushion = 1.0 - params.self_compassion_buffer * np.asarray(self_compassion, dtype=np.float64)
    doubt = 1.0 + params.hurt_doubt * (1.0 - np.asarray(regard, dtype=np.float64))
    new_hurt = np.clip(params.hurt_gain * rel * stakes * rejection * cushion * doubt, 0.0, 1.0)
    sec = np.asarray(security, dtype=np.float64)
    sec = np.clip(sec + params.sociometer_rate * rel * stakes * acceptance, 0.0, 1.0)
    h = np.clip(np.asarray(hurt, dtype=np.float64) + new_hurt, 0.0, 1.0)
    return Signal(np.asarray(sec), np.asarray(h), np.asarray(new_hurt))
