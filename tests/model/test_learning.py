"""Learning a partner's responsiveness so that consistency beats intensity (seed 001)."""

from __future__ import annotations

import numpy as np
import pytest

from nabij.model import (
    belief_sd,
    credible_interval,
    prior_belief,
    trust_lower_bound,
    update_belief,
)


def observe(reactions, discount=1.0, weight=1.0, prior=(0.5, 1.0)):
    belief = prior_belief(*prior)
    for x in reactions:
        belief = update_belief(belief, x, weight, discount)
    return belief


def test_learning_consistent_confidant_earns_more_trust_than_erratic_with_same_mean():
    consistent = observe([0.6] * 20)
    erratic = observe([0.2, 1.0] * 10)
    assert consistent.mean == pytest.approx(erratic.mean)
    assert belief_sd(consistent) < belief_sd(erratic)
    assert trust_lower_bound(consistent, 1.0) > trust_lower_bound(erratic, 1.0)


def test_learning_more_observations_narrow_the_credible_interval():
    widths = []
    for k in (1, 5, 25, 100):
        lo, hi = credible_interval(observe([0.6] * k), 0.9)
        widths.append(hi - lo)
    assert np.all(np.diff(widths) < 0)


def test_learning_mean_follows_the_reactions():
    assert observe([0.9] * 10).mean > 0.5 > observe([0.1] * 10).mean


def test_learning_without_discount_order_does_not_matter():
    cold_recently = observe([0.9] * 20 + [0.1] * 5, discount=1.0)
    cold_long_ago = observe([0.1] * 5 + [0.9] * 20, discount=1.0)
    assert cold_recently.mean == pytest.approx(cold_long_ago.mean)


def test_learning_discount_makes_recent_evidence_count_more():
    cold_recently = observe([0.9] * 20 + [0.1] * 5, discount=0.9)
    cold_long_ago = observe([0.1] * 5 + [0.9] * 20, discount=0.9)
    assert cold_recently.mean < cold_long_ago.mean
    assert trust_lower_bound(cold_recently, 1.0) < trust_lower_bound(cold_long_ago, 1.0)


def test_learning_zero_weight_observation_changes_nothing():
    before = observe([0.3, 0.7, 0.5])
    after = update_belief(before, 0.0, weight=0.0, discount=1.0)
    for a, b in zip(before, after, strict=True):
        np.testing.assert_array_equal(a, b)


def test_learning_trust_is_below_the_mean_and_on_unit_interval():
    belief = observe([0.2, 0.9, 0.5, 0.95])
    t = trust_lower_bound(belief, 1.0)
    assert 0 <= t < belief.mean
    assert trust_lower_bound(belief, 0.0) == pytest.approx(belief.mean)


def test_learning_invalid_prior_and_level_raise():
    with pytest.raises(ValueError, match="mean"):
        prior_belief(1.5, 1.0)
    with pytest.raises(ValueError, match="certainty"):
        prior_belief(0.5, 0.0)
    with pytest.raises(ValueError, match="level"):
        credible_interval(observe([0.5]), 1.0)
