"""Contingency rule 3, dependence regulation (Murray et al. 2006; Collins & Miller 1994)."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model import decide_to_leave, regulate_dependence

P = nb.Params()


def regulate(closeness=0.4, liking=0.6, intimacy=0.0, hurt=0.0, regard=0.5, security=0.5,
             received=0.0, kept=0.0, perceived=0.0, params=P):
    return regulate_dependence(closeness, liking, intimacy, hurt, regard, security, received, kept,
                               perceived, params)


def test_regulation_intimacy_raises_closeness():
    out = regulate(intimacy=np.array([0.0, 0.4, 0.8]))
    assert out.closeness[0] == 0.4
    assert np.all(np.diff(out.closeness) > 0)


def test_regulation_hurt_when_valued_draws_closer():
    out = regulate(hurt=0.5, regard=0.8)
    assert out.closeness > 0.4


def test_regulation_hurt_when_undervalued_distances():
    out = regulate(hurt=0.5, regard=0.2)
    assert out.closeness < 0.4


def test_regulation_hurt_when_undervalued_devalues_partner():
    out = regulate(hurt=0.5, regard=0.2)
    assert out.liking < 0.6
    valued = regulate(hurt=0.5, regard=0.8)
    assert valued.liking == 0.6


def test_regulation_distancing_grows_with_hurt_and_undervaluation():
    by_hurt = regulate(hurt=np.array([0.1, 0.5, 0.9]), regard=0.2)
    assert np.all(np.diff(by_hurt.closeness) < 0)
    assert np.all(np.diff(by_hurt.liking) < 0)
    by_regard = regulate(hurt=0.5, regard=np.array([0.1, 0.3, 0.45]))
    assert np.all(np.diff(by_regard.closeness) > 0)


def test_regulation_being_confided_in_raises_liking():
    out = regulate(received=np.array([0.0, 0.5, 1.0]))
    assert np.all(np.diff(out.liking) > 0)


def test_regulation_confiding_well_received_raises_liking():
    out = regulate(kept=0.6, perceived=np.array([0.0, 0.5, 1.0]))
    assert np.all(np.diff(out.liking) > 0)


def test_regulation_stays_on_unit_interval():
    strong = P.with_(closeness_rate=1.0, threat_response=2.0, devalue_rate=2.0, liking_receive=1.0)
    out = regulate(closeness=np.array([0.0, 1.0, 0.5, 0.5]), liking=np.array([1.0, 0.0, 0.5, 0.5]),
                   intimacy=1.0, hurt=1.0, regard=np.array([0.0, 1.0, 0.0, 1.0]), security=1.0,
                   received=1.0, kept=1.0, perceived=1.0, params=strong)
    for arr in out:
        assert np.all((arr >= 0) & (arr <= 1))


def test_leave_only_when_regard_very_low_and_hurt_high():
    regard = np.array([0.05, 0.05, 0.5, 0.5])
    hurt = np.array([0.9, 0.1, 0.9, 0.1])
    left = decide_to_leave(np.zeros(4, dtype=bool), regard, hurt, P)
    np.testing.assert_array_equal(left, [True, False, False, False])


def test_leave_is_permanent_at_rule_level():
    left = decide_to_leave(np.array([True, True]), np.array([1.0, 0.9]), np.array([0.0, 0.0]), P)
    assert left.all()


def test_leave_is_permanent_in_the_simulation():
    n = 2000
    # person 0 insecure, person 1 secure; thresholds loosened so that leaving is common
    people = nb.Population.from_mapping({"self_esteem": np.tile([0.2, 0.8], n // 2),
                                         "rejection_sensitivity": np.tile([0.8, 0.2], n // 2)})
    prm = P.with_(leave_regard=0.45, leave_hurt=0.25)
    rec = nb.Recorder(per_turn={"left": lambda st, o, p: st.left.copy(),
                                "depth": nb.TURN_REPORTERS["depth"]}, final=["left"])
    res = nb.simulate(people, nb.fixed_pairs(n), nb.thirty_six_questions(4), params=prm, rng=5,
                      record=rec)
    left = res.per_turn["left"]  # (turns, 2, n)
    dyad_left = left.any(axis=1)  # (turns, n)
    # non-vacuous: some dyads end, some later than the first turn, some never
    assert dyad_left[-1].any() and not dyad_left[-1].all()
    assert (dyad_left[-1] & ~dyad_left[0]).any()
    # the insecure person is the one who leaves (self-protection; Murray et al. 2006)
    assert left[-1, 0].sum() > left[-1, 1].sum()
    # once left, stays left (per person)
    assert np.all(left[1:] >= left[:-1])
    np.testing.assert_array_equal(res.final["left"], left[-1])
    # after the turn in which a dyad ended, nobody discloses anything in it
    depth = res.per_turn["depth"]
    assert np.all(depth[1:][dyad_left[:-1]] == 0.0)
