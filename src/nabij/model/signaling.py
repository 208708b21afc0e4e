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

from nabij.model._math import clip01
from nabij.model.params import Params

__all__ = ["Signal", "decay_hurt", "rejection_stakes", "settle_security", "signal_acceptance"]


def rejection_stakes(closeness: float, params: Params) -> float:
    """What a rejection costs at this closeness: ``stakes_base + stakes_closeness x closeness``.

    Murray et al. (2006): the psychological cost of rejection grows with interdependence.
    """
    return params.stakes_base + params.stakes_closeness * closeness


class Signal(NamedTuple):
    """What one reaction did to the person: new felt security, new hurt state, hurt added."""

    security: float
    hurt: float
    new_hurt: float


def signal_acceptance(security: float, hurt: float, perceived: float, relevance: float,
                      closeness: float, self_compassion: float, regard: float,
                      params: Params) -> Signal:
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
    p = params
    rel = clip01(relevance)
    stakes = rejection_stakes(closeness, p)
    neutral = p.acceptance_neutral
    if perceived >= neutral:
        acceptance = (perceived - neutral) / (1.0 - neutral)
    else:
        acceptance = (perceived - neutral) / neutral
    rejection = max(0.0, -acceptance)
    cushion = 1.0 - p.self_compassion_buffer * self_compassion
    doubt = 1.0 + p.hurt_doubt * (1.0 - regard)
    new_hurt = clip01(p.hurt_gain * rel * stakes * rejection * cushion * doubt)
    sec = clip01(security + p.sociometer_rate * rel * stakes * acceptance)
    return Signal(sec, clip01(hurt + new_hurt), new_hurt)


def decay_hurt(hurt: float, params: Params) -> float:
    """Hurt fades from turn to turn: ``x hurt_decay`` (Murray, Bellavia, Rose & Griffin 2003)."""
    return hurt * params.hurt_decay


def settle_security(security: float, self_esteem: float, params: Params) -> float:
    """Felt security drifts back toward chronic self-esteem by ``security_homeostasis`` a turn.

    The sociometer is trait and state at once (Leary & Baumeister 2000).
    """
    return security + params.security_homeostasis * (self_esteem - security)
