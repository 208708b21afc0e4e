"""First impressions: how much a person likes someone they have just met, and how liked they feel.

Liking among strangers has a person-level structure that the Social Relations Model splits
into three parts (Kenny 1994; Kenny, Albright, Malloy & Kashy 1994):

- a *perceiver* part: some people like most others (leniency);
- a *target* part: some people are liked by most others, because of what others see in the
  first seconds - attractiveness, warmth, expressiveness (thin slices: Ambady & Rosenthal
  1992; Back, Schmukle & Egloff 2011);
- a *relationship* part: this perceiver's liking of this target beyond both. Part of it is
  the pair's *chemistry*, shared by both directions (one draw per pair), the rest is one
  person's idiosyncratic taste for the other (one draw per direction).

Perceived regard at first sight is mostly projected: people take their own liking of the
other as their best guess of the other's liking of them (assumed reciprocity; Kenny &
DePaulo 1993; Kenny 1994), coloured by self-esteem and rejection sensitivity.

Each rule is one scalar function (floats in, a float out); the array forms come from
:func:`~nabij.model.elementwise.elementwise`.
"""

from __future__ import annotations

import math

from nabij.model._math import clip01, sigmoid
from nabij.model.params import Params

__all__ = ["first_impression", "projected_regard", "target_appeal"]


def target_appeal(expressiveness: float, warmth: float, attractiveness: float,
                  params: Params) -> float:
    """How likable a person looks at first sight, on the logit scale of liking (0 = average).

    A weighted sum of the first-sight traits around their midpoints (Back, Schmukle & Egloff
    2011: attractiveness and expressive, warm behaviour carry the target effect of liking at
    zero acquaintance; Walster et al. 1966; Fiske, Cuddy & Glick 2007).
    """
    return (params.impression_attractiveness * (attractiveness - 0.5)
            + params.impression_warmth * (warmth - 0.5)
            + params.impression_expressiveness * (expressiveness - 0.5))


def first_impression(base_liking: float, leniency: float, appeal: float, chemistry: float,
                     taste: float, attitude_similarity: float, params: Params) -> float:
    """Liking of a partner after the first seconds of a meeting (0-1).

    ``logit(liking) = logit(base) + impression_leniency x (leniency - 0.5) + appeal +
    impression_chemistry x chemistry + impression_taste_sd x taste + impression_similarity x
    (attitude_similarity - 0.5)``: the relationship type's starting liking moved by the
    perceiver's leniency, the target's appeal (:func:`target_appeal`), the pair's shared
    chemistry (logit scale, drawn once per pair), this perceiver's own taste (a standard
    normal, drawn per direction) and known attitude similarity (0.5 = unknown; Byrne 1971;
    Montoya, Horton & Kirchner 2008). Kenny (1994).
    """
    base = min(max(base_liking, 1e-6), 1.0 - 1e-6)
    z = (math.log(base / (1.0 - base))
         + params.impression_leniency * (leniency - 0.5)
         + appeal
         + params.impression_chemistry * chemistry
         + params.impression_taste_sd * taste
         + params.impression_similarity * (attitude_similarity - 0.5))
    return sigmoid(z)


def projected_regard(base_regard: float, bias: float, liking: float, base_liking: float,
                     params: Params) -> float:
    """Perceived regard at first sight (0-1): the own liking projected onto the partner.

    ``clip(base_regard + bias + projection x (liking - base_liking))``: how far one's liking
    of the partner departs from the relationship type's starting liking carries over to how
    much one thinks the partner likes oneself (assumed reciprocity; Kenny & DePaulo 1993;
    Kenny 1994); ``bias`` is the self-esteem and rejection-sensitivity colouring (Murray,
    Holmes & Griffin 2000; Downey & Feldman 1996).
    """
    return clip01(base_regard + bias + params.projection * (liking - base_liking))

