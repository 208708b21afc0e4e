"""Verdicts are honest: constructed matches match, constructed misses miss."""

import pytest

from nabij.lab.targets import Check
from nabij.lab.verdict import Estimate, estimate, judge, worst

BAND = Check("d", "effect size", "band", paper=0.88, band=(0.5, 1.3))
UP = Check("r", "positive effect", "direction", direction=1)
DOWN = Check("r", "negative effect", "direction", direction=-1)


def est(value, low, high):
    return Estimate(value, low, high, 20)


def test_band_check_inside_band_matches():
    assert judge(BAND, est(0.9, 0.8, 1.0)) == "match"


def test_band_check_right_sign_outside_band_is_direction_match():
    assert judge(BAND, est(2.0, 1.9, 2.1)) == "direction-match"


def test_band_check_wrong_sign_misses():
    assert judge(BAND, est(-0.4, -0.6, -0.2)) == "miss"


def test_direction_check_needs_ci_excluding_zero():
    assert judge(UP, est(0.3, 0.2, 0.4)) == "match"
    assert judge(UP, est(0.3, -0.05, 0.65)) == "miss"
    assert judge(DOWN, est(-0.3, -0.4, -0.2)) == "match"
    assert judge(DOWN, est(0.3, 0.2, 0.4)) == "miss"


def test_direction_check_implausible_size_is_only_a_direction_match():
    assert judge(UP, est(2.5, 2.4, 2.6)) == "direction-match"
    assert judge(UP, est(0.05, 0.02, 0.08)) == "direction-match"


def test_target_takes_its_worst_check():
    assert worst(["match", "match"]) == "match"
    assert worst(["match", "direction-match"]) == "direction-match"
    assert worst(["direction-match", "miss", "match"]) == "miss"


def test_estimate_mean_and_interval():
    e = estimate([1.0, 2.0, 3.0])
    assert e.value == 2.0 and e.ci_low < 2.0 < e.ci_high and e.replications == 3
    with pytest.raises(ValueError, match="finite"):
        estimate([1.0, float("nan")])


def test_bad_checks_are_refused():
    with pytest.raises(ValueError, match="inside"):
        Check("d", "x", "band", paper=2.0, band=(0.5, 1.3))
    with pytest.raises(ValueError, match="direction"):
        Check("d", "x", "direction", direction=0)
    with pytest.raises(ValueError, match="kind"):
        Check("d", "x", "sideways")  # type: ignore[arg-type]
