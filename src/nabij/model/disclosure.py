"""The disclosure decision, emotional editing and suppression.

Omarzu (2000): a disclosure decision weighs subjective utility against subjective risk;
risk sets depth, utility sets breadth and duration. Seed ``001``: vulnerability is a
dimmer, not a switch, and people "edit" - share a little, watch the reaction, then make it
lighter or joke it away. Seed ``003`` (and Gross & John 2003): what is held back builds
tension that later relieves itself in speech, or floods out.
"""

from __future__ import annotations

from typing import NamedTuple

from nabij.model._math import clip01, sigmoid
from nabij.model.params import Params

__all__ = [
    "Flood",
    "breadth",
    "choose_depth",
    "emotional_edit",
    "flood",
    "relieve",
    "self_paced_topic",
    "suppress",
    "topic_risk",
    "willingness",
]


def self_paced_topic(partner_depth: float, params: Params) -> float:
    """In free talk, the next topic goes ``self_paced_step`` deeper than the partner's last.

    Altman & Taylor (1973); seed 001 ("share 10% more"): reciprocal escalation, capped at 1.
    """
    return min(1.0, partner_depth + params.self_paced_step)


def topic_risk(protect: float, topic_intimacy: float, valence: float, emotional: float,
               display_norm: float, params: Params) -> float:
    """Subjective risk of disclosing this topic: it grows with the topic's intimacy.

    ``intimacy x (protect x (1 + negative_valence_risk x negativity) + norm_risk x
    (1 - display_norm) x emotional)`` (Omarzu 2000; negative content: Gaucher et al. 2012;
    display norms: Matsumoto 1990).
    """
    p = params
    norm = p.norm_risk * (1.0 - display_norm) * emotional
    return topic_intimacy * (protect * (1.0 + p.negative_valence_risk * max(0.0, -valence)) + norm)


def willingness(connect: float, risk: float, resolution: float, params: Params) -> float:
    """How willing a person is to disclose: ``sigmoid(gain x (utility - resolved risk - threshold))``.

    Omarzu (2000) weighs utility against risk; the risk counts as much as the goal
    resolution lets it (Murray et al. 2008, :func:`~nabij.model.goals.resolve_goals`).
    """
    return sigmoid(params.disclosure_gain * (connect - resolution * risk
                                             - params.disclosure_threshold))


def choose_depth(will: float, topic_intimacy: float) -> float:
    """Depth disclosed: the topic's intimacy turned down by willingness (a dimmer; seed 001)."""
    return topic_intimacy * will


def breadth(connect: float, params: Params) -> float:
    """Breadth (share of topics touched, 0-1) rises with utility alone (Omarzu 2000)."""
    return sigmoid(params.breadth_gain * (connect - params.disclosure_threshold))


def emotional_edit(depth: float, expected: float, perceived: float, rejection_sensitivity: float,
                   avoidance: float, params: Params) -> float:
    """Fraction of a disclosure taken back after seeing the reaction (seed 001).

    *If* the reaction is worse than expected, *then* the person retracts or jokes it away,
    more so when rejection-sensitive or avoidant (Downey & Feldman 1996; Winterheld 2017):
    ``min(edit_max, edit_gain x shortfall x (0.5 + 0.5 RS + 0.5 AV))``; nothing is edited
    when nothing was disclosed.
    """
    if depth <= 0.0:
        return 0.0
    shortfall = max(0.0, expected - perceived)
    disposition = 0.5 + 0.5 * rejection_sensitivity + 0.5 * avoidance
    return min(params.edit_max, params.edit_gain * shortfall * disposition)


def suppress(tension: float, invited: float, said: float, emotional: float,
             params: Params) -> float:
    """Tension after holding back: ``+ suppression_rate x (invited - said) x (0.5 + 0.5 x emotional)``.

    Seed 003; Gross & John (2003): suppressing what one wanted to express raises stress.
    ``said`` is what stands after editing: a disclosure taken back or joked away (seed 001)
    is held back as much as one never made. Emotional content weighs double (the factor
    runs from 0.5 for facts to 1 for feelings; docs/model.md, fixed constants).
    """
    held = max(0.0, invited - said)
    return clip01(tension + params.suppression_rate * held * (0.5 + 0.5 * emotional))


class Flood(NamedTuple):
    """The result of a possible flood: depth actually disclosed, whether it flooded."""

    depth: float
    flooded: bool


def flood(tension: float, depth: float, params: Params) -> Flood:
    """*If* tension passes ``flood_threshold``, *then* it floods out: depth jumps to the tension.

    Seed 003: pent-up feelings come out later, all at once.
    """
    if tension > params.flood_threshold:
        return Flood(max(depth, tension), True)
    return Flood(depth, False)


def relieve(tension: float, kept_depth: float, params: Params) -> float:
    """Speaking relieves tension: ``- relief_rate x kept depth`` (Pennebaker 1997; seed 003)."""
    return max(0.0, tension - params.relief_rate * kept_depth)
