"""First sight (zero acquaintance): the starting state of every pair, with the engine's streams."""

from __future__ import annotations

import numpy as np
import pytest

from nabij.engine import round_robin
from nabij.engine.first_sight import first_sight
from nabij.model import sample_population


def test_the_same_seed_gives_the_same_impressions_and_another_seed_others() -> None:
    people = sample_population(12, 3)
    a = first_sight(people, round_robin(12), rng=7)
    b = first_sight(people, round_robin(12), rng=7)
    c = first_sight(people, round_robin(12), rng=8)
    assert a.liking.shape == (2, 66)
    np.testing.assert_array_equal(a.liking, b.liking)
    assert not np.allclose(a.liking, c.liking)


def test_perceived_regard_follows_own_liking_more_than_the_partners() -> None:
    """Regard at first sight is projected (Kenny 1994): it tracks one's own liking of the
    partner more closely than the partner's liking of oneself."""
    people = sample_population(40, 11)
    s = first_sight(people, round_robin(40), rng=2)
    projection = np.corrcoef(s.regard.ravel(), s.liking.ravel())[0, 1]
    accuracy = np.corrcoef(s.regard.ravel(), s.liking[::-1].ravel())[0, 1]
    assert projection > accuracy


def test_a_pairing_of_the_wrong_shape_is_refused_with_the_shape_it_needs() -> None:
    with pytest.raises(ValueError, match=r"\(dyads, 2\)"):
        first_sight(sample_population(4, 1), np.arange(6), rng=1)
