"""Fear of being known: the risk of exposing one's self-image, apart from the fear of rejection.

Seed 001: for some people being *seen* is more frightening than being rejected - what is
exposed is the self-image, whatever the other's reaction; shame is the hidden engine
(Tangney & Dearing 2002; fear of intimacy: Descutner & Thelen 1991). Unlike anticipated
rejection (:mod:`.goals`), this risk does not shrink with trust in the partner or with felt
regard: it grows with how much of oneself a topic reveals - its intimacy, and more so its
emotional content.

One scalar function (floats in, a float out).
"""

from __future__ import annotations

from nabij.model.params import Params

__all__ = ["self_exposure_risk"]


def self_exposure_risk(fear_of_being_known: float, topic_intimacy: float, emotional: float,
                       params: Params) -> float:
    """Risk added to a topic by the fear of being known.

    ``fear_known_weight x FK x topic_intimacy x (0.5 + 0.5 x emotional)``: the same for any
    partner, however trusted (seed 001).
    """
    return params.fear_known_weight * fear_of_being_known * topic_intimacy * (0.5 + 0.5 * emotional)
