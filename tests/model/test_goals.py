"""The goal balance: connectedness vs self-protection (Murray et al. 2006, 2008)."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model import (
    anticipated_rejection,
    audience_exposure,
    connectedness_goal,
    resolve_goals,
    self_protection_goal,
)

P = nb.Params()
RISING = np.array([0.1, 0.5, 0.9])


def connect(**kw):
    args = dict(need_to_belong=0.5, expected=0.5, regard=0.5, liking=0.5, partner_depth=0.0,
                tension=0.0, avoidance=0.2, n_close=3.0)
    args.update(kw)
    return connectedness_goal(**args, params=P)


def protect(**kw):
    args = dict(trust=0.4, regard=0.5, closeness=0.3, rejection_sensitivity=0.3,
                self_compassion=0.5, power_down=0.0, identifiability=1.0, audience=1.0)
    args.update(kw)
    exposure = audience_exposure(args.pop("identifiability"), args.pop("audience"))
    return self_protection_goal(**args, exposure=exposure, params=P)


def test_goals_need_to_belong_raises_connectedness():
    assert np.all(np.diff(connect(need_to_belong=RISING)) > 0)


def test_goals_expected_responsiveness_raises_connectedness():
    assert np.all(np.diff(connect(expected=RISING)) > 0)


def test_goals_perceived_regard_raises_connectedness():
    assert np.all(np.diff(connect(regard=RISING)) > 0)


def test_goals_partner_disclosure_invites_connectedness():
    assert np.all(np.diff(connect(partner_depth=RISING)) > 0)


def test_goals_avoidance_lowers_connectedness():
    assert np.all(np.diff(connect(avoidance=RISING)) < 0)


def test_goals_many_close_relationships_saturate_connectedness():
    assert np.all(np.diff(connect(n_close=np.array([0.0, 3.0, 20.0]))) < 0)


def test_goals_anticipated_rejection_falls_with_trust_and_regard():
    assert np.all(np.diff(anticipated_rejection(RISING, 0.5)) < 0)
    assert np.all(np.diff(anticipated_rejection(0.5, RISING)) < 0)


def test_goals_rejection_sensitivity_raises_self_protection():
    assert np.all(np.diff(protect(rejection_sensitivity=RISING)) > 0)


def test_goals_self_compassion_lowers_self_protection():
    assert np.all(np.diff(protect(self_compassion=RISING)) < 0)


def test_goals_closeness_raises_stakes_and_self_protection():
    assert np.all(np.diff(protect(closeness=RISING)) > 0)


def test_goals_power_and_exposure_raise_self_protection():
    assert np.all(np.diff(protect(power_down=RISING)) > 0)
    assert np.all(np.diff(protect(audience=np.array([1.0, 5.0, 50.0]))) > 0)
    assert np.all(np.diff(protect(identifiability=RISING)) > 0)


def test_goals_with_control_high_self_esteem_resolves_toward_connection():
    res = resolve_goals(RISING, 0.0, P)
    assert np.all(np.diff(res) < 0)  # less of the risk holds high-SE people back


def test_goals_cognitive_load_shrinks_self_esteem_gap():
    loads = np.array([0.0, 0.5, 1.0])
    gap = resolve_goals(0.2, loads, P) - resolve_goals(0.8, loads, P)
    assert np.all(gap >= 0)
    assert np.all(np.diff(gap) < 0)


def test_goals_low_self_esteem_approaches_more_under_load():
    res = resolve_goals(0.2, np.array([0.0, 0.5, 1.0]), P)
    assert np.all(np.diff(res) < 0)


def test_goals_low_self_esteem_discloses_more_under_load():
    """Murray et al. (2008): without executive control low-SE people approach more."""
    people = nb.Population.from_mapping({"self_esteem": [0.2, 0.8]})
    calm = nb.disclosure_willingness(people, 0.7, context=nb.Context(cognitive_load=0.0))
    loaded = nb.disclosure_willingness(people, 0.7, context=nb.Context(cognitive_load=0.9))
    assert loaded.willingness[0] > calm.willingness[0]
    gap_calm = calm.willingness[1] - calm.willingness[0]
    gap_loaded = loaded.willingness[1] - loaded.willingness[0]
    assert abs(gap_loaded) < abs(gap_calm)


def test_goals_risk_activates_both_goals():
    """Murray et al. (2008): risk calls up self-protection *and* connectedness."""
    from nabij.model import goal_activation

    connect, protect = goal_activation(np.full(3, 1.0), np.array([0.1, 0.5, 0.9]), P)
    assert np.all(np.diff(connect) > 0) and np.all(np.diff(protect) > 0)
    none, _ = goal_activation(np.full(3, 1.0), np.array([0.1, 0.5, 0.9]), P.with_(dual_activation=0.0))
    assert np.ptp(none) == 0.0
