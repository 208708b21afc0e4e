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

import numpy as np
import numpy.typing as npt

from nabij.model.params import Params
from nabij.model.signaling import rejection_stakes

FloatArray = npt.NDArray[np.float64]
A = npt.ArrayLike

__all__ = ["anticipated_rejection", "connectedness_goal", "goal_activation", "resolve_goals",
           "self_protection_goal"]


def connectedness_goal(
    need_to_belong: A, expected: A, regard: A, liking: A, partner_depth: A, tension: A,
    avoidance: A, n_close: A, params: Params,
) -> FloatArray:
    """Strength of the wish to connect (and to disclose) with this partner now.

    Sources: need to belong (Baumeister & Leary 1995); expected responsiveness (Murray et
    al. 2006; Ruan et al. 2020); perceived regard (Gaucher et al. 2012); liking (Collins &
    Miller 1994); the partner's last disclosure invites one's own (Dindia et al. 2002);
    pent-up tension seeks relief (Omarzu 2000); avoidance curbs dependence (Winterheld
    2017); existing close relationships saturate the need (seed 000).
    """
    nc = np.asarray(n_close, dtype=np.float64)
    p = params
    return np.asarray(
        p.belong_weight * np.asarray(need_to_belong)
        + p.expectation_weight * np.asarray(expected)
        + p.regard_weight * np.asarray(regard)
        + p.liking_weight * np.asarray(liking)
        + p.reciprocity_weight * np.asarray(partner_depth)
        + p.relief_weight * np.asarray(tension)
        - p.avoidance_weight * np.asarray(avoidance)
        - p.network_weight * nc / (nc + 3.0),
        dtype=np.float64,
    )


def anticipated_rejection(trust: A, regard: A) -> FloatArray:
    """How likely a rejection seems: one minus the mean of trust and perceived regard.

    Trust is the lower bound of the learned belief, so an inconsistent partner is feared
    more than a consistent one with the same average (seed 001).
    """
    return np.asarray(1.0 - 0.5 * (np.asarray(trust) + np.asarray(regard)), dtype=np.float64)


def self_protection_goal(
    trust: A, regard: A, closeness: A, rejection_sensitivity: A, self_compassion: A,
    power_down: A, identifiability: A, audience: A, params: Params,
) -> FloatArray:
    """The subjective risk of opening up fully to this partner here.

    ``stakes x anticipated rejection x (1 + RS amplification) x (1 - SC cushion)`` (Murray et
    al. 2006; Downey & Feldman 1996; Neff 2003) plus the risk of being below the partner in
    power (Tardy, Dindia & Hargie 2006) and of being identifiable to an audience (Omarzu
    2000; Joinson 2001).
    """
    p = params
    core = (
        rejection_stakes(closeness, p)
        * anticipated_rejection(trust, regard)
        * (1.0 + p.risk_rs_amplification * np.asarray(rejection_sensitivity))
        * (1.0 - p.self_compassion_buffer * np.asarray(self_compassion))
    )
    exposure = np.asarray(identifiability) * (0.5 + np.log(np.asarray(audience, dtype=np.float64)))
    return np.asarray(
        core + p.power_risk * np.asarray(power_down) + p.exposure_risk * exposure, dtype=np.float64
    )


def resolve_goals(self_esteem: A, cognitive_load: A, params: Params) -> FloatArray:
    """How much of the risk actually holds a person back (a multiplier on topic risk).

    Murray et al. (2008): ``1 - dual_activation`` (risk also calls for connection), minus,
    with executive control ``1 - load``, ``reflective_resolution x (2 SE - 1)`` (high SE
    resolves toward connection, low SE toward protection), minus, without control,
    ``impulsive_approach`` (the impulsive tendency is to approach).
    """
    p = params
    control = 1.0 - np.asarray(cognitive_load, dtype=np.float64)
    se = np.asarray(self_esteem, dtype=np.float64)
    return np.asarray(
        1.0
        - p.dual_activation
        - control * p.reflective_resolution * (2.0 * se - 1.0)
        - (1.0 - control) * p.impulsive_approach
    )


def goal_activation(connect: A, risk: A, params: Params) -> tuple[FloatArray, FloatArray]:
    """How strongly each goal is active when facing a disclosure of this risk.

    Murray, Derrick, Leder & Holmes (2008): risk activates *both* goals - the
    self-protection goal with the risk itself, the connectedness goal with
    ``dual_activation x risk`` on top of the standing wish to connect. Returns
    ``(connectedness, self_protection)``.
    """
    r = np.asarray(risk, dtype=np.float64)
    return (np.asarray(np.asarray(connect) + params.dual_activation * r, dtype=np.float64), r)
