"""Contingency rule 1, appraisal: reading the partner's regard (Murray, Holmes & Collins 2006)."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model import appraise_regard, diagnosticity

P = nb.Params()


def appraise(regard=0.5, evidence=0.6, weight=1.0, params=P):
    return appraise_regard(regard, evidence, weight, params)


def test_appraisal_higher_evidence_gives_higher_regard():
    evidence = np.linspace(0.1, 0.9, 9)
    out = appraise(evidence=evidence)
    assert np.all(np.diff(out) > 0)


def test_appraisal_moves_regard_toward_the_evidence():
    assert appraise(regard=0.3, evidence=0.8) > 0.3
    assert appraise(regard=0.8, evidence=0.3) < 0.8


def test_appraisal_reads_evidence_as_given_without_a_second_bias():
    """Self-esteem and rejection sensitivity colour a reaction once, when it is perceived
    (perceived_responsiveness); appraisal moves regard to what was perceived, no further."""
    assert appraise(regard=0.6, evidence=0.6) == 0.6
    assert appraise(regard=0.6, evidence=0.6, weight=0.3) == 0.6


def test_appraisal_zero_weight_leaves_regard_unchanged():
    regard = np.array([0.0, 0.2, 0.5, 0.9, 1.0])
    out = appraise(regard=regard, evidence=np.array([1.0, 0.0, 1.0, 0.0, 0.3]), weight=0.0)
    np.testing.assert_array_equal(out, regard)


def test_appraisal_more_diagnostic_situation_moves_regard_further():
    weights = np.array([0.1, 0.5, 1.0])
    out = appraise(regard=0.3, evidence=0.9, weight=weights)
    assert np.all(np.diff(out) > 0)


def test_appraisal_stays_on_unit_interval_for_extreme_inputs():
    strong = P.with_(appraisal_rate=1.0)
    out = appraise(regard=np.array([0.0, 1.0]), evidence=np.array([1.0, 0.0]), weight=5.0,
                   params=strong)
    assert np.all((out >= 0) & (out <= 1))


def test_diagnosticity_deeper_disclosure_is_more_diagnostic():
    d = diagnosticity(np.array([0.0, 0.5, 1.0]), P)
    assert np.all(np.diff(d) > 0)
    assert d[0] == P.evidence_floor
    assert d[-1] == 1.0


def test_appraisal_simulation_low_self_esteem_ends_with_lower_regard():
    """Murray, Holmes & Griffin (2000): with the same kind of partner, low-SE people end up
    feeling less valued. Person 1 of every dyad has median self-esteem; person 0 low or high."""
    n = 2000
    se = np.tile([0.2, 0.5, 0.8, 0.5], n // 4)
    people = nb.Population.from_mapping({"self_esteem": se})
    res = nb.simulate(people, nb.fixed_pairs(n), nb.thirty_six_questions(4), rng=11)
    regard = res.final["regard"][0]
    assert regard[0::2].mean() < regard[1::2].mean()


def test_regard_follows_own_liking_as_it_changes():
    """Assumed reciprocity keeps working during an interaction (Kenny 1994; Lemay & Clark 2008):
    liking the partner more makes one assume more regard, liking them less, less."""
    from nabij.model import project_liking

    assert project_liking(0.5, 0.5, 0.7, P) > 0.5
    assert project_liking(0.5, 0.5, 0.3, P) < 0.5
    assert project_liking(0.5, 0.4, 0.4, P) == 0.5
    assert project_liking(0.5, 0.5, 0.9, P.with_(projection=0.0)) == 0.5
    bounded = project_liking(np.array([0.95, 0.05]), np.array([0.0, 1.0]), np.array([1.0, 0.0]), P)
    assert np.all((bounded >= 0) & (bounded <= 1))


def test_regard_after_a_chat_is_more_projected_than_accurate():
    """Perceived regard tracks one's own liking of the partner more than the partner's actual
    liking of oneself: assumed reciprocity exceeds meta-accuracy (Kenny & DePaulo 1993; Kenny
    1994; Lemay, Clark & Feeney 2007)."""
    n = 4000
    people = nb.sample_population(2 * n, 11)
    res = nb.simulate(people, nb.fixed_pairs(n), nb.free_conversation(6), rng=12,
                      record=nb.Recorder(per_turn=(), final=("liking", "regard")))
    liking, regard = res.final["liking"], res.final["regard"]
    own = np.corrcoef(regard.ravel(), liking.ravel())[0, 1]
    partner = np.corrcoef(regard.ravel(), liking[::-1].ravel())[0, 1]
    assert own > partner + 0.2


def test_in_a_turn_the_listener_who_comes_to_like_the_speaker_assumes_more_regard():
    """Being confided in raises the listener's liking (Collins & Miller 1994), and through
    projection the regard they assume (Lemay & Clark 2008); without projection only the
    (weak) reading of being confided in moves it."""
    import math

    from nabij.model.person import PersonState, PersonTraits
    from nabij.model.turn import dyad_turn

    st = PersonState(**{f: 0.5 for f in PersonState._fields})._replace(
        closeness=0.3, tension=0.0, hurt=0.0, belief_certainty=5.0, belief_shape=2.0,
        belief_rate=0.08, last_depth=0.6, left=False, chemistry=0.0, instruction=0.0,
        approval_goal=0.0, identity_goal=0.0, control_goal=0.0)
    tr = PersonTraits(**{f: 0.5 for f in PersonTraits._fields})._replace(n_close=3.0)

    def listener(params):
        _, you, _ = dyad_turn(st, st, tr, tr, 0.0, 0.0, 0.6, 0.5, 0.6, 0.0, 0.8, 0.8,
                              math.nan, 0.0, 0.0, 0.0, params)
        return you

    with_projection, without = listener(P), listener(P.with_(projection=0.0))
    assert with_projection.liking > st.liking
    assert with_projection.regard > without.regard
