"""The goal balance: connectedness versus self-protection (Murray et al. 2006, 2008).

Seed ``000``: people weigh *seeking closeness* against *protecting themselves*. The
connectedness goal grows with the need to belong, expected responsiveness, perceived
regard, liking and the partner's own openness; it shrinks with attachment avoidance and
with many existing close relationships. The self-protection goal is the anticipated cost
of rejection. Murray, Derrick, Leder & Holmes (2008): risk activates *both* goals; with
executive control, high self-esteem resolves the conflict toward connection and low
self-esteem toward protection; under cognitive load the impulsive approach tendency shows.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from nabij.model.params import Params
from nabij.model.signaling import rejection_stakes

__all__ = ["GoalActivation", "anticipated_rejection", "audience_exposure", "connectedness_goal",
           "goal_activation", "resolve_goals", "self_protection_goal"]


def connectedness_goal(need_to_belong: float, expected: float, regard: float, liking: float,
                       partner_depth: float, tension: float, avoidance: float, n_close: float,
                       params: Params) -> float:
    """Strength of the wish to connect (and to disclose) with this partner now.

    Sources: need to belong (Baumeister & Leary 1995); expected responsiveness (Murray et
    al. 2006; Ruan et al. 2020); perceived regard (Gaucher et al. 2012); liking (Collins &
    Miller 1994); the partner's last disclosure invites one's own (Dindia et al. 2002);
    pent-up tension seeks relief (Omarzu 2000); avoidance curbs dependence (Winterheld
    2017); existing close relationships saturate the need (seed 000).
    """
    p = params
    return (p.belong_weight * need_to_belong + p.expectation_weight * expected
            + p.regard_weight * regard + p.liking_weight * liking
            + p.reciprocity_weight * partner_depth + p.relief_weight * tension
            - p.avoidance_weight * avoidance
            - p.network_weight * n_close / (n_close + p.network_half_saturation))


def anticipated_rejection(trust: float, regard: float) -> float:
    """How likely a rejection seems: one minus the mean of trust and perceived regard.

    Trust is the lower bound of the learned belief, so an inconsistent partner is feared
    more than a consistent one with the same average (seed 001).
    """
    return 1.0 - 0.5 * (trust + regard)


def audience_exposure(identifiability: float, audience: float) -> float:
    """How exposed a disclosure is: ``identifiability x (0.5 + log audience)``.

    Omarzu (2000); Joinson (2001): being identifiable raises the risk, and more so the
    more people hear it (one listener: half the identifiability).
    """
    return identifiability * (0.5 + math.log(audience))


def self_protection_goal(trust: float, regard: float, closeness: float,
                         rejection_sensitivity: float, self_compassion: float,
                         power_down: float, exposure: float, params: Params) -> float:
    """The subjective risk of opening up fully to this partner here.

    ``stakes x anticipated rejection x (1 + RS amplification) x (1 - SC cushion)`` (Murray et
    al. 2006; Downey & Feldman 1996; Neff 2003) plus the risk of being below the partner in
    power (Tardy, Dindia & Hargie 2006) and of being identifiable to an audience
    (``exposure``, :func:`audience_exposure`; Omarzu 2000; Joinson 2001).
    """
    p = params
    core = (rejection_stakes(closeness, p) * anticipated_rejection(trust, regard)
            * (1.0 + p.risk_rs_amplification * rejection_sensitivity)
            * (1.0 - p.self_compassion_buffer * self_compassion))
    return core + p.power_risk * power_down + p.exposure_risk * exposure


def resolve_goals(self_esteem: float, cognitive_load: float, params: Params) -> float:
    """How much of the risk actually holds a person back (a multiplier on topic risk, > 0).

    Murray et al. (2008): ``exp(-(dual_activation + control x reflective_resolution x (2 SE
    - 1) + (1 - control) x impulsive_approach))`` with executive control ``1 - load``: risk
    also calls for connection (dual activation); with control, high SE resolves the conflict
    toward connection and low SE toward protection; without control, the impulsive tendency
    is to approach. The exponential keeps the multiplier positive for every parameter in
    its range (risk never *raises* willingness) and equals the linear form ``1 - ...`` to
    first order near no resolution.
    """
    p = params
    control = 1.0 - cognitive_load
    return math.exp(-(p.dual_activation
                      + control * p.reflective_resolution * (2.0 * self_esteem - 1.0)
                      + (1.0 - control) * p.impulsive_approach))


class GoalActivation(NamedTuple):
    """How strongly each goal is active: connectedness and self-protection."""

    connectedness: float
    self_protection: float


def goal_activation(connect: float, risk: float, params: Params) -> GoalActivation:
    """How strongly each goal is active when facing a disclosure of this risk.

    Murray, Derrick, Leder & Holmes (2008): risk activates *both* goals - the
    self-protection goal with the risk itself, the connectedness goal with
    ``dual_activation x risk`` on top of the standing wish to connect. Returns
    ``(connectedness, self_protection)``.
    """
    return GoalActivation(connect + params.dual_activation * risk, risk)
