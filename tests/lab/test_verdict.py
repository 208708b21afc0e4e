"""Verdicts can fail: for every metric a constructed match matches, a constructed
direction-only result direction-matches and a constructed miss misses."""

import math

import numpy as np
import pytest

from nabij.lab.targets import METRICS, SIGNED, WINDOWS, Check, load_targets
from nabij.lab.verdict import Estimate, discrepancy, estimate, judge, worst


def est(value, low, high, pred=(math.nan, math.nan), sd=0.0):
    return Estimate(value, low, high, 100, sd=sd, predictive_low=pred[0], predictive_high=pred[1])


def direction_check(metric, sign=1):
    return Check("q", "x", metric, direction=sign)


def quantitative_check(metric, paper, sign=1):
    return Check("q", "x", metric, direction=0 if metric == "level" else sign, paper=paper, paper_n=50)


@pytest.mark.parametrize("metric", sorted(SIGNED))
@pytest.mark.parametrize("sign", [1, -1])
def test_direction_check_per_metric(metric, sign):
    low, high = WINDOWS[metric]
    mid = sign * (low + high) / 2
    check = direction_check(metric, sign)
    # match: right sign, interval off zero, size inside the metric's window
    assert judge(check, est(mid, mid - 0.01 * sign, mid + 0.01 * sign)) == "match"
    # direction only: right sign, but the size is outside the window (too small or too large)
    tiny = sign * low / 2
    assert judge(check, est(tiny, tiny * 0.5, tiny * 1.5)) == "direction-match"
    if high < 1.0:  # a share difference cannot exceed its window
        huge = sign * (high + 0.2)
        assert judge(check, est(huge, huge - 0.01, huge + 0.01)) == "direction-match"
    # miss: the wrong sign, or an interval that includes zero
    assert judge(check, est(-mid, -mid - 0.01, -mid + 0.01)) == "miss"
    assert judge(check, est(mid, -0.05, 0.05 + abs(mid))) == "miss"


def test_r_window_cannot_accept_a_large_correlation():
    """The issue's case: r = .65 is no longer a plausible-size match (it was under the d window)."""
    assert judge(direction_check("r"), est(0.65, 0.63, 0.67)) == "direction-match"


@pytest.mark.parametrize("metric", sorted(SIGNED))
def test_quantitative_signed_check_per_metric(metric):
    paper = 0.3
    check = quantitative_check(metric, paper)
    # match: the paper's value is inside the model's predictive interval
    assert judge(check, est(0.35, 0.33, 0.37, pred=(0.1, 0.6), sd=0.12)) == "match"
    # direction only: outside the predictive interval, but the model's mean is on the paper's side
    assert judge(check, est(0.9, 0.88, 0.92, pred=(0.7, 1.1), sd=0.1)) == "direction-match"
    # miss: outside the predictive interval with the wrong sign
    assert judge(check, est(-0.4, -0.42, -0.38, pred=(-0.6, -0.2), sd=0.1)) == "miss"
    # a predictive interval that covers the paper but a mean of the wrong sign is not a match
    assert judge(check, est(-0.05, -0.07, -0.03, pred=(-0.5, 0.4), sd=0.2)) == "miss"


def test_level_check_match_and_miss():
    check = quantitative_check("level", 3.25)
    assert judge(check, est(3.1, 3.0, 3.2, pred=(2.6, 3.6), sd=0.25)) == "match"
    # the case: a composite of 2.20 against the paper's 3.25 is a miss, not a direction-match
    assert judge(check, est(2.2, 2.15, 2.25, pred=(1.9, 2.5), sd=0.15)) == "miss"
    assert judge(check, est(4.5, 4.4, 4.6, pred=(4.0, 5.0), sd=0.2)) == "miss"


def test_every_metric_is_covered():
    assert set(METRICS) == SIGNED | {"level"}


def test_meta_analytic_value_is_judged_against_its_ci():
    check = Check("r", "x", "r", direction=1, paper=0.14, paper_ci=(0.10, 0.18))
    assert judge(check, est(0.15, 0.14, 0.16)) == "match"
    assert judge(check, est(0.50, 0.49, 0.51)) == "direction-match"  # T4's r = .50 case
    assert judge(check, est(-0.2, -0.21, -0.19)) == "miss"
    assert discrepancy(check, est(0.50, 0.49, 0.51)) == pytest.approx((0.14 - 0.50) / (0.08 / 3.919928))


def test_discrepancy_is_standardized_by_the_spread_of_studies():
    check = quantitative_check("d", 0.88)
    assert discrepancy(check, est(0.5, 0.48, 0.52, pred=(0.1, 0.9), sd=0.2)) == pytest.approx(1.9)
    assert discrepancy(direction_check("d"), est(0.5, 0.4, 0.6)) is None


def test_predictive_interval_does_not_shrink_with_replications():
    rng = np.random.default_rng(1)
    few = estimate(rng.normal(0.5, 0.2, 100))
    many = estimate(rng.normal(0.5, 0.2, 4000))
    assert many.ci_high - many.ci_low < (few.ci_high - few.ci_low) / 4
    width_few = few.predictive_high - few.predictive_low
    width_many = many.predictive_high - many.predictive_low
    assert abs(width_many - width_few) < 0.25 * width_many
    assert few.mc_se > many.mc_se and few.mc_se_low > 0


def test_target_takes_its_worst_check():
    assert worst(["match", "match"]) == "match"
    assert worst(["match", "direction-match"]) == "direction-match"
    assert worst(["direction-match", "miss", "match"]) == "miss"


def test_estimate_mean_and_interval():
    e = estimate([1.0, 2.0, 3.0])
    assert e.value == 2.0 and e.ci_low < 2.0 < e.ci_high and e.replications == 3
    assert e.predictive_low < e.value < e.predictive_high
    with pytest.raises(ValueError, match="finite"):
        estimate([1.0, float("nan")])


def test_bad_checks_are_refused():
    with pytest.raises(ValueError, match="level"):
        Check("d", "x", "level")
    with pytest.raises(ValueError, match="direction"):
        Check("d", "x", "d", direction=0)
    with pytest.raises(ValueError, match="metric"):
        Check("d", "x", "sideways", direction=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="opposite sign"):
        Check("d", "x", "d", direction=1, paper=-0.3, paper_n=40)
    with pytest.raises(ValueError, match="N"):
        Check("d", "x", "d", direction=1, paper=0.3)
    with pytest.raises(ValueError, match="contain"):
        Check("d", "x", "d", direction=1, paper=0.3, paper_ci=(0.4, 0.5))


def test_targets_toml_refuses_a_per_check_window():
    bad = """
[[target]]
id = "T0"
source = "x"
finding = "x"
design = "x"
  [[target.check]]
  quantity = "d"
  description = "x"
  metric = "d"
  direction = 1
  size = [0.0, 9.0]
"""
    with pytest.raises(ValueError, match="unknown check field"):
        load_targets(bad)
