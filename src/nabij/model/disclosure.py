"""The disclosure decision, emotional editing and suppression.

Omarzu (2000): a disclosure decision weighs subjective utility against subjective risk;
risk sets depth, utility sets breadth and duration. Seed ``001``: vulnerability is a
dimmer, not a switch, and people "edit" - share a little, watch the reaction, then make it
lighter or joke it away. Seed ``003`` (and Gross & John 2003): what is held back builds
tension that later relieves itself in speech, or floods out.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from nabij.model._math import sigmoid
from nabij.model.params import Params

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
A = npt.ArrayLike

__all__ = [
    "Flood",
    "breadth",
    "choose_depth",
    "emotional_edit",
    "flood",
    "relieve",
    "suppress",
    "topic_risk",
    "willingness",
]


def topic_risk(protect: A, topic_intimacy: A, valence: A, emotional: A, display_norm: A,
               params: Params) -> FloatArray:
    """Subjective risk of disclosing this topic: it grows with the topic's intimacy.

    ``intimacy x (protect x (1 + negative_valence_risk x negativity) + norm_risk x
    (1 - display_norm) x emotional)`` (Omarzu 2000; negative content: Gaucher et al. 2012;
    display norms: Matsumoto 1990).
    """
    q = np.asarray(topic_intimacy, dtype=np.float64)
    neg = np.maximum(0.0, -np.asarray(valence, dtype=np.float64))
    norm = params.norm_risk * (1.0 - np.asarray(display_norm)) * np.asarray(emotional)
    return np.asarray(q * (np.asarray(protect) * (1.0 + params.negative_valence_risk * neg) + norm))


def willingness(connect: A, risk: A, resolution: A, params: Params) -> FloatArray:
    """How willing a person is to disclose: ``sigmoid(gain x (utility - resolved risk - threshold))``.

    Omarzu (2000) weighs utility against risk; the risk counts as much as the goal
    resolution lets it (Murray et al. 2008, :func:`~nabij.model.goals.resolve_goals`).
    """
    net = np.asarray(connect) - np.asarray(resolution) * np.asarray(risk)
    return sigmoid(params.disclosure_gain * (net - params.disclosure_threshold))


def choose_depth(will: A, topic_intimacy: A) -> FloatArray:
    """Depth disclosed: the topic's intimacy turned down by willingness (a dimmer; seed 001)."""
    return np.asarray(np.asarray(topic_intimacy, dtype=np.float64) * np.asarray(will))


def breadth(connect: A, params: Params) -> FloatArray:
    """Breadth (share of topics touched, 0-1) rises with utility alone (Omarzu 2000)."""
    return sigmoid(params.breadth_gain * (np.asarray(connect) - params.disclosure_threshold))


def emotional_edit(depth: A, expected: A, perceived: A, rejection_sensitivity: A,
                   avoidance: A, params: Params) -> FloatArray:
    """Fraction of a disclosure taken back after seeing the reaction (seed 001).

    *If* the reaction is worse than expected, *then* the person retracts or jokes it away,
    more so when rejection-sensitive or avoidant (Downey & Feldman 1996; Winterheld 2017):
    ``min(edit_max, edit_gain x shortfall x (0.5 + 0.5 RS + 0.5 AV))``; nothing is edited
    when nothing was disclosed.
    """
    shortfall = np.maximum(0.0, np.asarray(expected) - np.asarray(perceived))
    disposition = 0.5 + 0.5 * np.asarray(rejection_sensitivity) + 0.5 * np.asarray(avoidance)
    frac = np.minimum(params.edit_max, params.edit_gain * shortfall * disposition)
    return np.asarray(np.where(np.asarray(depth) > 0.0, frac, 0.0))


def suppress(tension: A, invited: A, depth: A, emotional: A, params: Params) -> FloatArray:
    """Tension after holding back: ``+ suppression_rate x (invited - said) x emotional weight``.

    Seed 003; Gross & John (2003): suppressing what one wanted to express raises stress.
    """
    held = np.maximum(0.0, np.asarray(invited) - np.asarray(depth))
    weight = 0.5 + 0.5 * np.asarray(emotional)
    return np.asarray(np.clip(np.asarray(tension) + params.suppression_rate * held * weight, 0, 1))


class Flood(NamedTuple):
    """The result of a possible flood: depth actually disclosed, whether it flooded."""

    depth: FloatArray
    flooded: BoolArray


def flood(tension: A, depth: A, params: Params) -> Flood:
    """*If* tension passes ``flood_threshold``, *then* it floods out: depth jumps to the tension.

    Seed 003: pent-up feelings come out later, all at once.
    """
    t = np.asarray(tension, dtype=np.float64)
    d = np.asarray(depth, dtype=np.float64)
    flooded = t > params.flood_threshold
    return Flood(np.asarray(np.where(flooded, np.maximum(d, t), d)), np.asarray(flooded))


def relieve(tension: A, kept_depth: A, params: Params) -> FloatArray:
    """Speaking relieves tension: ``- relief_rate x kept depth`` (Pennebaker 1997; seed 003)."""
    return np.asarray(np.maximum(0.0, np.asarray(tension) - params.relief_rate * np.asarray(kept_depth)))
