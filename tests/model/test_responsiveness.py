"""Actual and perceived responsiveness, and intimacy (Reis & Shaver 1988; Laurenceau et al. 1998)."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model import (
    actual_responsiveness_logit,
    emotional_weight,
    intimacy_of_discloser,
    intimacy_of_listener,
    perceived_responsiveness,
)

P = nb.Params()
RISING = np.array([0.1, 0.5, 0.9])


def actual(depth=0.5, opener=0.5, security=0.5, liking=0.5, avoidance=0.2, flooded=False):
    return actual_responsiveness_logit(depth, opener, security, liking, avoidance, 0.0, flooded,
                                       0.0, P)


def test_responsiveness_higher_rejection_sensitivity_lower_perceived():
    out = perceived_responsiveness(0.3, RISING, 0.5, 0.0, P)
    assert np.all(np.diff(out) < 0)


def test_responsiveness_higher_self_esteem_higher_perceived():
    out = perceived_responsiveness(0.3, 0.5, RISING, 0.0, P)
    assert np.all(np.diff(out) > 0)


def test_responsiveness_perceived_tracks_actual():
    out = perceived_responsiveness(np.array([-2.0, 0.0, 2.0]), 0.5, 0.5, 0.0, P)
    assert np.all(np.diff(out) > 0)
    assert np.all((out > 0) & (out < 1))


def test_responsiveness_opener_skill_raises_actual():
    assert np.all(np.diff(actual(opener=RISING)) > 0)


def test_responsiveness_listener_security_and_liking_raise_actual():
    assert np.all(np.diff(actual(security=RISING)) > 0)
    assert np.all(np.diff(actual(liking=RISING)) > 0)


def test_responsiveness_deeper_disclosure_elicits_warmer_response():
    assert np.all(np.diff(actual(depth=RISING)) > 0)


def test_responsiveness_avoidant_listener_and_flooding_lower_actual():
    assert np.all(np.diff(actual(avoidance=RISING)) < 0)
    assert actual(flooded=True) < actual(flooded=False)


def test_responsiveness_emotional_disclosure_weighs_more_than_factual():
    w = emotional_weight(0.6, np.array([0.0, 0.5, 1.0]), P)
    assert np.all(np.diff(w) > 0)
    assert w[-1] == 0.6  # emotional content counts fully


def test_responsiveness_intimacy_rises_with_perceived_responsiveness():
    out = intimacy_of_discloser(0.4, 0.5, RISING, P)
    assert np.all(np.diff(out) > 0)


def test_responsiveness_intimacy_rises_with_own_and_partner_disclosure():
    assert np.all(np.diff(intimacy_of_discloser(RISING * 0.8, RISING, 0.6, P)) > 0)
    assert np.all(np.diff(intimacy_of_listener(RISING * 0.8, RISING, 0.6, P)) > 0)


def test_responsiveness_intimacy_on_unit_interval():
    strong = P.with_(intimacy_self=2.0, intimacy_responsiveness=2.0, intimacy_partner=2.0)
    assert 0 <= intimacy_of_discloser(1.0, 1.0, 1.0, strong) <= 1
    assert 0 <= intimacy_of_listener(1.0, 1.0, 1.0, strong) <= 1


def test_responsiveness_being_confided_in_raises_the_listener_intimacy():
    """Being chosen as a confidant signals being trusted and liked (Collins & Miller 1994), part
    of intimacy for the listener as being met is for the discloser (Reis & Shaver 1988)."""
    out = intimacy_of_listener(0.2, 0.3, RISING, P)
    assert np.all(np.diff(out) > 0)
    none = P.with_(intimacy_responsiveness=0.0)
    assert intimacy_of_listener(0.2, 0.3, 0.9, none) == intimacy_of_listener(0.2, 0.3, 0.1, none)


def test_responsiveness_hearing_a_disclosure_gives_intimacy_like_sharing_it():
    """Strangers expect as much closeness from hearing an answer as from giving it (Aron et al.
    1997; Sprecher, Treger & Wondra 2013): with the same depth, a listener who feels trusted as
    much as a discloser feels met gains intimacy of the same order, not a small fraction of it."""
    from nabij.model.appraisal import confided_evidence

    for depth in (0.2, 0.5, 0.8):
        weighted = emotional_weight(depth, 0.5, P)
        trusted = confided_evidence(depth, P)
        listener = intimacy_of_listener(weighted, depth, trusted, P)
        speaker = intimacy_of_discloser(weighted, depth, trusted, P)
        assert 0.5 < listener / speaker < 2.0
        assert listener > intimacy_of_listener(weighted, depth, trusted,
                                               P.with_(intimacy_responsiveness=0.0))


def test_responsiveness_simulation_rejection_sensitive_perceive_less_than_given():
    n = 2000
    people = nb.Population.from_mapping({"rejection_sensitivity": np.tile([0.1, 0.9], n // 2)})
    rec = nb.Recorder(per_turn=["actual_responsiveness", "perceived_responsiveness", "speaker"],
                      final=["left"])
    res = nb.simulate(people, nb.fixed_pairs(n), nb.turn_taking(6), rng=9, record=rec)
    gap = res.per_turn["perceived_responsiveness"] - res.per_turn["actual_responsiveness"]
    spk = res.per_turn["speaker"]
    assert gap[spk == 1].mean() < gap[spk == 0].mean()
