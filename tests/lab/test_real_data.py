"""The real-data experiments' own statistics do what they say (V1-V3)."""

import numpy as np
import pytest

from nabij.engine import FINAL_REPORTERS
from nabij.lab.experiments.v01_round_robin import dyadic_correlation, relationship_effects
from nabij.lab.experiments.v03_shared_reality import rated_state


def test_relationship_effects_remove_every_rater_and_target_mean():
    rng = np.random.default_rng(1)
    n = 12
    actor, partner = rng.normal(size=n), rng.normal(size=n)
    x = 3.0 + actor[:, None] + partner[None, :]
    effects = relationship_effects(x)
    off = ~np.eye(n, dtype=bool)
    assert np.allclose(effects[off], 0.0) and np.isnan(effects[~off]).all()


def test_relationship_effects_keep_what_belongs_to_the_pair():
    rng = np.random.default_rng(2)
    n = 30
    pair = rng.normal(size=(n, n))
    pair = (pair + pair.T) / 2                      # perfectly reciprocal pair effects
    x = rng.normal(size=n)[:, None] + pair          # plus a strong rater effect
    assert dyadic_correlation(relationship_effects(x)) > 0.9
    assert dyadic_correlation(x) < dyadic_correlation(relationship_effects(x))


def test_dyadic_correlation_is_one_for_symmetric_and_minus_one_for_antisymmetric_ratings():
    rng = np.random.default_rng(3)
    a = rng.normal(size=(10, 10))
    assert dyadic_correlation(a + a.T) == pytest.approx(1.0)
    assert dyadic_correlation(a - a.T) == pytest.approx(-1.0)


def test_shared_reality_is_rated_when_the_model_has_it(monkeypatch):
    assert rated_state() in ("shared_reality", "closeness")
    monkeypatch.setitem(FINAL_REPORTERS, "shared_reality", FINAL_REPORTERS["closeness"])
    assert rated_state() == "shared_reality"
