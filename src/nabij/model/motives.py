"""Goals beyond intimacy and relief, and the closeness a person wants.

Omarzu (2000): besides intimacy and relief of distress, situations make three more goals of
disclosure salient - *social approval* (being liked: disclose what presents one well),
*identity clarification* (saying it to understand oneself: emotional, self-relevant talk)
and *social control* (disclosing strategically to gain influence, e.g. with someone who
has power over one; seed 000). Each adds to the subjective utility of a disclosure,
weighted by how active the goal is (0-1, set by the situation or an instruction).

Desired closeness (Frost & Forrester 2013; Mikulincer & Shaver 2007): everyone has an ideal
distance to a partner. Anxiously attached people want more closeness, avoidant people less
(rejection sensitivity stands in for attachment anxiety; Downey & Feldman 1996). Wanting
more closeness than one has draws a person toward the partner; having more than one wants
pushes them away.

Each rule is one scalar function (floats in, a float out).
"""

from __future__ import annotations

from nabij.model.params import Params

__all__ = ["closeness_gap_pull", "desired_closeness", "other_goals_utility"]


def other_goals_utility(approval: float, identity: float, control: float, valence: float,
                        emotional: float, power_down: float, params: Params) -> float:
    """Utility added to the connectedness goal by Omarzu's (2000) other goals.

    ``approval_weight x approval x valence`` (approval favours disclosing what presents one
    well and penalises the negative; Baumeister 1982) ``+ identity_weight x identity x
    emotional`` (clarifying oneself by putting feelings into words; Pennebaker 1997) ``+
    control_weight x control x power_down`` (strategic disclosure up the hierarchy; Tardy,
    Dindia & Hargie 2006; seed 000).
    """
    return (params.approval_weight * approval * valence + params.identity_weight * identity * emotional
            + params.control_weight * control * power_down)


def desired_closeness(rejection_sensitivity: float, avoidance: float, params: Params) -> float:
    """The closeness a person would like with a partner (0-1; IOS = 1 + 6 x closeness).

    ``clip(desired_closeness_base + desire_anxiety x (RS - 0.5) - desire_avoidance x (AV - 0.5))``
    (Frost & Forrester 2013; Mikulincer & Shaver 2007).
    """
    x = (params.desired_closeness_base + params.desire_anxiety * (rejection_sensitivity - 0.5)
         - params.desire_avoidance * (avoidance - 0.5))
    return min(1.0, max(0.0, x))


def closeness_gap_pull(desired: float, closeness: float, params: Params) -> float:
    """The pull of the gap between desired and actual closeness on the connectedness goal.

    ``closeness_gap_weight x (desired - closeness)``: positive when a person wants more
    closeness than they have, negative when the partner is already closer than they want.
    """
    return params.closeness_gap_weight * (desired - closeness)
