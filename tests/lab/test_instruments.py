"""Ratings land on the instrument's points, with the documented response error, on any scale."""

import numpy as np
import pytest

import nabij
from nabij.lab.instruments import RESPONSE_SD, SCALES, Rater, Scale, closeness_composite, rate


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


@pytest.mark.parametrize("name", ["0-5", "1-7", "1-10", "0-100"])
def test_every_scale_rates_on_its_own_points_and_range(name):
    scale = SCALES[name]
    r = rate(np.linspace(-0.2, 1.2, 5001), 5, name)
    assert r.min() >= scale.low and r.max() <= scale.high
    assert np.allclose((r - scale.low) / scale.step, np.rint((r - scale.low) / scale.step))
    # the ends of the scale are reachable from states at the ends of 0-1
    assert r.min() == scale.low and r.max() == scale.high


@pytest.mark.parametrize("name", ["0-5", "1-10", "0-100"])
def test_response_error_is_the_same_share_of_every_scale(name):
    scale = SCALES[name]
    r = rate(np.full(200_000, 0.5), 6, scale)
    assert abs(r.mean() - scale.true_score(0.5)) < 0.01 * scale.width
    # on the model's 0-1 scale every instrument has the same error (rounding aside)
    sd01 = scale.to_state(r).std()
    assert abs(sd01 - RESPONSE_SD / 6) < 0.01 + scale.step / scale.width


def test_ratings_rise_with_the_state_on_every_scale():
    states = np.repeat([0.2, 0.5, 0.8], 20_000)
    for name in SCALES:
        means = rate(states, 7, name).reshape(3, -1).mean(axis=1)
        assert means[0] < means[1] < means[2]


def test_a_continuous_custom_scale_and_an_error_free_one():
    r = rate(np.full(1000, 0.25), 8, Scale(0, 1, step=0))
    assert len(np.unique(r)) > 900                    # no rounding
    exact = rate(np.array([0.0, 0.5, 1.0]), 9, Scale(1, 5, response_sd=0))
    assert exact.tolist() == [1.0, 3.0, 5.0]


def test_bad_scales_say_what_is_wrong():
    with pytest.raises(ValueError, match="low < high"):
        Scale(7, 1)
    with pytest.raises(ValueError, match="step"):
        Scale(1, 7, step=-1)
    with pytest.raises(ValueError, match="unknown scale '1-5'"):
        rate([0.5], 1, "1-5")


def test_a_rater_keeps_its_scale_and_one_stream():
    rater = Rater(10, "0-100")
    a = rater(np.full(5, 0.5))
    assert set(np.unique(a)) <= set(range(0, 101))
    assert rater(np.full(5, 0.5), "0-5").max() <= 5
    assert not np.array_equal(a, rater(np.full(5, 0.5)))   # the stream moves on


def test_the_measurement_model_is_public():
    assert nabij.rate is rate and nabij.Rater is Rater and nabij.SCALES is SCALES and nabij.Scale is Scale
