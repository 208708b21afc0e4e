"""Ratings land on the instrument's points, with the documented response error."""

import numpy as np

from nabij.lab.instruments import RESPONSE_SD, Rater, closeness_composite


def test_ratings_are_scale_points_between_one_and_seven():
    r = Rater(1)(np.linspace(0.0, 1.0, 1001))
    assert set(np.unique(r)) <= set(range(1, 8))


def test_ratings_track_the_state_with_the_documented_error():
    state = np.full(200_000, 0.5)                     # 1 + 6 x 0.5 = 4, far from the ends
    r = Rater(2)(state)
    assert abs(r.mean() - 4.0) < 0.01
    # rounding to points adds about 1/12 of variance to the response error's
    assert abs(r.var() - (RESPONSE_SD**2 + 1 / 12)) < 0.05


def test_composite_averages_two_independent_ratings():
    c = closeness_composite(np.full(100_000, 0.5), Rater(3))
    assert set(np.unique(c * 2)) <= set(range(2, 15))
    assert c.var() < Rater(4)(np.full(100_000, 0.5)).var()
