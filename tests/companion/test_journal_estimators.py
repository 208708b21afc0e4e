"""Estimator directions: consistency beats intensity, recency, depth, fear calibration."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from nabij.companion.domain import Entry
from nabij.companion.estimators import (
    comfortable_depth,
    fear_calibration,
    responsiveness_estimate,
)

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _entries(reactions: list[int], depth: int = 50, fear: int = 50,
             gap_days: float = 2.0, **kw: object) -> list[Entry]:
    n = len(reactions)
    return [Entry("X", "t", depth, fear, r, when=NOW - timedelta(days=gap_days * (n - i)),
                  **kw)  # type: ignore[arg-type]
            for i, r in enumerate(reactions)]


def test_consistent_partner_earns_a_higher_lower_bound_than_an_erratic_one() -> None:
    steady = responsiveness_estimate(_entries([5] * 8), now=NOW)
    erratic = responsiveness_estimate(_entries([7, 3] * 4), now=NOW)
    assert abs(steady.mean - erratic.mean) < 0.2  # same mean ...
    assert steady.lower_bound > erratic.lower_bound + 0.3  # ... more trust
    assert steady.ci_high - steady.ci_low < erratic.ci_high - erratic.ci_low


def test_interval_contains_the_mean_and_stays_on_scale() -> None:
    est = responsiveness_estimate(_entries([6, 7, 6]), now=NOW)
    assert 1 <= est.ci_low <= est.lower_bound <= est.mean <= est.ci_high <= 7
    assert est.n == 3 and est.last_when is not None


def test_recent_evidence_counts_more_than_old() -> None:
    old_bad = _entries([1, 6, 6, 6], gap_days=20)
    recent_bad = _entries([6, 6, 6, 1], gap_days=20)
    assert (responsiveness_estimate(old_bad, now=NOW).mean
            > responsiveness_estimate(recent_bad, now=NOW).mean)


def test_evidence_ages_until_now() -> None:
    es = _entries([6, 6, 6, 6])
    fresh = responsiveness_estimate(es, now=NOW)
    stale = responsiveness_estimate(es, now=NOW + timedelta(days=120))
    assert stale.lower_bound < fresh.lower_bound


def test_deeper_disclosures_are_more_diagnostic() -> None:
    deep = responsiveness_estimate(_entries([7, 7, 7], depth=90), now=NOW)
    shallow = responsiveness_estimate(_entries([7, 7, 7], depth=5), now=NOW)
    assert deep.mean > shallow.mean


def test_no_evidence_gives_the_neutral_prior() -> None:
    est = responsiveness_estimate([], now=NOW)
    assert est.n == 0 and abs(est.mean - 4.0) < 1e-9 and est.last_when is None


def test_comfortable_depth_ignores_hurtful_and_frightening_entries() -> None:
    es = [*_entries([6, 6], depth=30), *_entries([1], depth=80),
          *_entries([6], depth=70, fear_after=90)]
    assert abs(comfortable_depth(es, now=NOW) - 30) < 1e-9  # type: ignore[operator]
    assert comfortable_depth(_entries([1, 2]), now=NOW) is None


def test_fear_calibration_bias_sign() -> None:
    pessimist = fear_calibration(_entries([6, 6, 7], fear=90))  # feared 0.1, got ~0.9
    assert pessimist.bias > 0.5
    optimist = fear_calibration(_entries([1, 2, 2], fear=5))
    assert optimist.bias < -0.5
    stated = fear_calibration(_entries([4, 4], fear=90, expected_reaction=4))
    assert abs(stated.bias) < 1e-9  # the stated expectation wins over the fear proxy


def test_calibration_curve_and_months() -> None:
    es = [*_entries([6, 6], fear=80), *_entries([3, 3], fear=20)]
    cal = fear_calibration(es)
    assert cal.n == 4 and sum(b.n for b in cal.curve) == 4
    low = min(cal.curve, key=lambda b: b.expected)
    assert low.observed > low.expected  # feared much, got kindness
    assert cal.by_month and sum(n for _, n, _ in cal.by_month) == 4
    assert fear_calibration([]).n == 0
