"""Contingency rule 1, appraisal: reading the partner's regard (Murray, Holmes & Collins 2006)."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model import appraise_regard, diagnosticity

P = nb.Params()


def appraise(regard=0.5, evidence=0.6, weight=1.0, se=0.5, rs=0.5, params=P):
    return appraise_regard(regard, evidence, weight, se, rs, params)


def test_appraisal_higher_evidence_gives_higher_regard():
    evidence = np.linspace(0.1, 0.9, 9)
    out = appraise(evidence=evidence)
    assert np.all(np.diff(out) > 0)


def test_appraisal_moves_regard_toward_the_evidence():
    assert appraise(regard=0.3, evidence=0.8) > 0.3
    assert appraise(regard=0.8, evidence=0.3) < 0.8


def test_appraisal_low_self_esteem_underestimates_regard():
    se = np.array([0.1, 0.5, 0.9])
    out = appraise(se=se)
    assert np.all(np.diff(out) > 0)
    # a low-SE person reads the same evidence as less regard than it is
    assert appraise(regard=0.6, evidence=0.6, se=0.1) < 0.6


def test_appraisal_rejection_sensitivity_lowers_appraised_regard():
    rs = np.array([0.1, 0.5, 0.9])
    out = appraise(rs=rs)
    assert np.all(np.diff(out) < 0)
    assert appraise(regard=0.6, evidence=0.6, rs=0.9) < 0.6


def test_appraisal_zero_weight_leaves_regard_unchanged():
    regard = np.array([0.0, 0.2, 0.5, 0.9, 1.0])
    out = appraise(regard=regard, evidence=np.array([1.0, 0.0, 1.0, 0.0, 0.3]), weight=0.0,
                   se=0.1, rs=0.9)
    np.testing.assert_array_equal(out, regard)


def test_appraisal_more_diagnostic_situation_moves_regard_further():
    weights = np.array([0.1, 0.5, 1.0])
    out = appraise(regard=0.3, evidence=0.9, weight=weights)
    assert np.all(np.diff(out) > 0)


def test_appraisal_stays_on_unit_interval_for_extreme_inputs():
    strong = P.with_(appraisal_rate=1.0, appraisal_self_esteem_bias=1.0, appraisal_rs_bias=1.0)
    out = appraise(regard=np.array([0.0, 1.0]), evidence=np.array([1.0, 0.0]), se=np.array([1.0, 0.0]),
                   rs=np.array([0.0, 1.0]), weight=5.0, params=strong)
    assert np.all((out >= 0) & (out <= 1))


def test_diagnosticity_deeper_disclosure_is_more_diagnostic():
    d = diagnosticity(np.array([0.0, 0.5, 1.0]), P)
    assert np.all(np.diff(d) > 0)
    assert d[0] == P.evidence_floor
    assert d[-1] == 1.0


def test_appraisal_simulation_low_self_esteem_ends_with_lower_regard():
    n = 2000
    people = nb.Population.from_mapping({"self_esteem": np.tile([0.2, 0.8], n // 2)})
    res = nb.simulate(people, nb.fixed_pairs(n), nb.thirty_six_questions(4), rng=11)
    low, high = res.final["regard"].mean(axis=1)
    assert low < high
