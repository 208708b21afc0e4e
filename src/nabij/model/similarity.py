"""Similarity and shared reality: the sense that the partner sees the world as one does.

Byrne (1971) and Montoya, Horton & Kirchner (2008): known attitude similarity raises
attraction (the input ``attitude_similarity``, 0-1, enters the first impression;
:mod:`.impressions`). Shared reality (Echterhoff, Higgins & Levine 2009; Rossignac-Milon,
Bolger, Zee, Boothby & Higgins 2021) is the experienced commonality of inner states with
the partner. It starts where known similarity puts it and grows in conversation when a
person reveals themselves and feels understood, or learns what the other thinks and
feels - more so when their attitudes are alike. Mutual exchange builds it for both; a
partner who only listens or only talks leaves the other with less.

Each rule is one scalar function (floats in, a float out).
"""

from __future__ import annotations

from nabij.model.params import Params

__all__ = ["initial_shared_reality", "shared_reality_after"]


def initial_shared_reality(attitude_similarity: float, params: Params) -> float:
    """Shared reality before a conversation (0-1).

    ``clip(shared_reality_base + shared_reality_similarity x (attitude_similarity - 0.5))``:
    people assume some commonality with a stranger (false consensus; Ross, Greene & House
    1977), more when they know they agree (Byrne 1971).
    """
    x = params.shared_reality_base + params.shared_reality_similarity * (attitude_similarity - 0.5)
    return min(1.0, max(0.0, x))


def shared_reality_after(shared: float, revealed: float, understood: float, learned: float,
                         attitude_similarity: float, params: Params) -> float:
    """Shared reality after one turn (0-1).

    ``exchange = revealed x understood + learned`` (one's own kept disclosure times the
    perceived responsiveness to it, plus the emotion-weighted disclosure received), and
    shared reality moves toward a ceiling set by attitude similarity: ``shared +
    shared_reality_rate x exchange x (ceiling - shared)``, ``ceiling = 0.5 + 0.5 x
    attitude_similarity`` (Echterhoff et al. 2009; Rossignac-Milon et al. 2021).
    """
    exchange = revealed * understood + learned
    ceiling = 0.5 + 0.5 * attitude_similarity
    x = shared + params.shared_reality_rate * exchange * (ceiling - shared)
    return min(1.0, max(0.0, x))
