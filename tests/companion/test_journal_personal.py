"""Personal inference: a person's rejection sensitivity recovered from synthetic journal entries.

Entries are generated from known traits with the model's perception rule: the expectation
is the confidant's typical reaction shifted by ``-perception_rs_bias x (rs - 0.5)`` on the
logit scale, the reaction varies around it, and both are rounded to the journal's scales.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np

from nabij.companion.domain import Entry
from nabij.companion.personal import MIN_ENTRIES, trait_estimate
from nabij.model import Params


def _sigmoid(x: float) -> float:
    return float(1 / (1 + np.exp(-x)))


def synthetic_entries(rs: float, n: int, rng: np.random.Generator) -> list[Entry]:
    bias = Params().perception_rs_bias
    typical = rng.normal(0.5, 0.5)
    out = []
    for i in range(n):
        expected = _sigmoid(typical - bias * (rs - 0.5) + rng.normal(0, 0.5))
        reaction = _sigmoid(rng.normal(typical, 0.8))
        out.append(Entry(person="Sam", topic="t", depth=40, fear_before=round(100 * (1 - expected)),
                         responsiveness=round(1 + 6 * reaction),
                         when=datetime(2026, 1, 1, tzinfo=UTC) + timedelta(days=i)))
    return out


def test_rejection_sensitivity_is_recovered_within_its_interval() -> None:
    rng = np.random.default_rng(11)
    truths = rng.uniform(0.1, 0.9, 60)
    estimates = [trait_estimate(synthetic_entries(rs, 30, rng)) for rs in truths]
    inside = [e.rs_low <= rs <= e.rs_high for rs, e in zip(truths, estimates, strict=True)]
    assert 0.8 <= np.mean(inside) <= 1.0  # nominal 90%
    errors = np.array([e.rejection_sensitivity for e in estimates]) - truths
    assert np.sqrt(np.mean(errors**2)) < 0.15
    assert all(e.enough and e.rs_low <= e.rejection_sensitivity <= e.rs_high for e in estimates)


def test_more_entries_narrow_the_interval() -> None:
    rng = np.random.default_rng(5)
    few = trait_estimate(synthetic_entries(0.7, 10, rng))
    many = trait_estimate(synthetic_entries(0.7, 120, np.random.default_rng(5)))
    assert many.rs_high - many.rs_low < few.rs_high - few.rs_low


def test_not_enough_data_yet() -> None:
    est = trait_estimate(synthetic_entries(0.7, MIN_ENTRIES - 1, np.random.default_rng(1)))
    assert not est.enough and est.n == MIN_ENTRIES - 1
    empty = trait_estimate([])
    assert not empty.enough and empty.bias == 0.0 and empty.rejection_sensitivity == 0.5
