"""Learning a partner's responsiveness so that consistency beats intensity (seed 001)."""

from __future__ import annotations

import numpy as np
import pytest

import nabij as nb
from nabij.model import (
    belief_sd,
    credible_interval,
    predictive_sd,
    prior_belief,
    trust_lower_bound,
    update_belief,
)

P = nb.Params()
HORIZON = 200


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


def _trust_path(reactions):
    """Trust after each reaction (prior 0.45 worth one observation, the model's discount)."""
    belief = prior_belief(0.45, 1.0)
    path = []
    for x in reactions:
        belief = update_belief(belief, x, 1.0, P.evidence_discount)
        path.append(float(trust_lower_bound(belief, P.trust_z)))
    return np.array(path)


def _alternating(low, high, n):
    return [low if i % 2 == 0 else high for i in range(n)]


def test_learning_steady_partner_beats_warmer_erratic_one_at_every_horizon():
    """Seed 001: a steady 0.6 outranks 0.4/1.0 (mean 0.7), however long both are known."""
    steady = _trust_path([0.6] * HORIZON)
    cold_first = _trust_path(_alternating(0.4, 1.0, HORIZON))
    warm_first = _trust_path(_alternating(1.0, 0.4, HORIZON))
    assert np.all(steady > cold_first)
    pairs = np.arange(1, HORIZON, 2)  # after each complete warm-cold pair: observed mean 0.7
    assert np.all(steady[pairs] > warm_first[pairs])
    assert np.all(steady[HORIZON // 2:] > warm_first[HORIZON // 2:])


def test_learning_erratic_partner_stays_unpredictable_however_long_known():
    """The predictive spread keeps the partner's own variance: it does not vanish with evidence."""
    steady = observe([0.6] * HORIZON, discount=P.evidence_discount)
    erratic = observe(_alternating(0.4, 1.0, HORIZON), discount=P.evidence_discount)
    assert predictive_sd(erratic) > 0.25 > 0.05 > predictive_sd(steady)
    assert predictive_sd(erratic) > belief_sd(erratic)


def test_learning_much_warmer_slightly_erratic_partner_is_still_trusted_more():
    """Consistency is weighed, not absolute: the crossover exists (docs/model.md, section 11)."""
    steady = _trust_path([0.6] * 50)
    warmer = _trust_path(_alternating(0.7, 0.9, 50))
    assert warmer[-1] > steady[-1]


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
