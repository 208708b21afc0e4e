"""The estimators the experiments report, checked on data with known answers."""

import numpy as np
import pytest

from nabij.lab.stats import cohens_d, correlation, mediation, paired_d, srm_variances, standardized_slopes

RNG = np.random.default_rng(11)


def test_cohens_d_recovers_a_known_shift():
    a, b = RNG.normal(0.5, 1.0, 20_000), RNG.normal(0.0, 1.0, 20_000)
    assert cohens_d(a, b) == pytest.approx(0.5, abs=0.03)
    assert cohens_d(b, a) == pytest.approx(-cohens_d(a, b))


def test_cohens_d_needs_two_per_group():
    with pytest.raises(ValueError, match="at least 2"):
        cohens_d([1.0], [1.0, 2.0])


def test_paired_d_and_correlation_signs():
    before = RNG.normal(size=5000)
    after = before + 0.3 + RNG.normal(0, 1.0, 5000)
    assert paired_d(after, before) == pytest.approx(0.3, abs=0.05)
    assert correlation(before, after) > 0
    assert correlation(before, np.ones(5000)) == 0.0


def test_standardized_slopes_and_mediation_recover_paths():
    n = 50_000
    x = RNG.normal(size=n)
    m = 0.6 * x + RNG.normal(0, 0.8, n)
    y = 0.3 * x + 0.5 * m + RNG.normal(0, 0.7, n)
    med = mediation(x, m, y)
    assert med.a == pytest.approx(0.6, abs=0.02)  # var(m) = 1, so the slope is standardized
    assert med.indirect > 0 and med.direct > 0
    assert med.total == pytest.approx(med.direct + med.indirect * np.std(m) / np.std(m), abs=0.02)
    b = standardized_slopes(y, x, m)
    assert b.shape == (2,) and (b > 0).all()


def test_srm_recovers_known_variance_components():
    groups, n = 3000, 6
    actor = RNG.normal(0, 1.0, (groups, n, 1))        # variance 1
    partner = RNG.normal(0, 0.5, (groups, 1, n))      # variance 0.25
    rel = RNG.normal(0, np.sqrt(0.5), (groups, n, n))  # variance 0.5
    var = srm_variances(actor + partner + rel)
    assert var.actor == pytest.approx(1.0, rel=0.08)
    assert var.partner == pytest.approx(0.25, rel=0.15)
    assert var.relationship == pytest.approx(0.5, rel=0.08)


def test_srm_rejects_small_or_misshaped_groups():
    with pytest.raises(ValueError, match="n >= 4"):
        srm_variances(np.zeros((2, 3, 3)))
