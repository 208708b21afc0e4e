"""The disclosure decision: utility vs risk (Omarzu 2000) with goals (Murray et al. 2006)."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model import (
    DyadState,
    DyadTraits,
    breadth,
    choose_depth,
    decide,
    topic_risk,
    willingness,
)
from nabij.model.traits import median_trait

P = nb.Params()
RISING = np.array([0.1, 0.5, 0.9])


def median_dyads(n: int) -> DyadTraits:
    return DyadTraits(**{name: np.full((2, n), median_trait(name))
                         for name in DyadTraits.__dataclass_fields__})


def decide_with_regard(regard: np.ndarray, topic: float = 0.6):
    n = regard.size
    traits = median_dyads(n)
    ctx = nb.Context().resolve(n)
    state = DyadState.initial(traits, ctx, P, np.zeros((2, n)))
    state.regard[0] = regard
    return decide(state, traits, ctx, 0, np.full(n, topic), 0.0, 0.5, P)


def test_decision_higher_perceived_regard_deeper_disclosure():
    out = decide_with_regard(np.array([0.1, 0.4, 0.7, 0.95]))
    assert np.all(np.diff(out.willingness) > 0)
    assert np.all(np.diff(out.depth) > 0)


def test_decision_willingness_rises_with_utility_and_falls_with_risk():
    assert np.all(np.diff(willingness(RISING * 3, 0.5, 1.0, P)) > 0)
    assert np.all(np.diff(willingness(2.0, RISING * 3, 1.0, P)) < 0)


def test_decision_willingness_is_a_probability():
    w = willingness(np.array([-50.0, 0.0, 50.0]), np.array([50.0, 0.0, -50.0]), 1.0, P)
    assert np.all((w >= 0) & (w <= 1))


def test_decision_more_intimate_topic_is_riskier():
    risk = topic_risk(0.8, RISING, 0.0, 0.5, 0.6, P)
    assert np.all(np.diff(risk) > 0)


def test_decision_negative_content_and_restrictive_norm_are_riskier():
    assert topic_risk(0.8, 0.6, -1.0, 0.5, 0.6, P) > topic_risk(0.8, 0.6, 1.0, 0.5, 0.6, P)
    restrictive = topic_risk(0.8, 0.6, 0.0, 1.0, 0.0, P)
    expressive = topic_risk(0.8, 0.6, 0.0, 1.0, 1.0, P)
    assert restrictive > expressive


def test_decision_more_intimate_topic_lowers_willingness():
    people = nb.sample_population(300, rng=1)
    light = nb.disclosure_willingness(people, 0.2)
    deep = nb.disclosure_willingness(people, 0.8)
    assert np.all(deep.willingness < light.willingness)


def test_decision_depth_is_a_dimmer_on_the_topic():
    depth = choose_depth(RISING, 0.8)
    assert np.all(np.diff(depth) > 0)
    assert np.all(depth <= 0.8)


def test_decision_power_asymmetry_lowers_depth():
    people = nb.sample_population(300, rng=2)
    equal = nb.disclosure_willingness(people, 0.6, context=nb.Context(power=0.0))
    below = nb.disclosure_willingness(people, 0.6, context=nb.Context(power=0.6))
    assert np.all(below.depth < equal.depth)
    assert np.all(below.risk > equal.risk)


def test_decision_employee_discloses_less_to_boss_than_to_friend():
    people = nb.sample_population(300, rng=3)
    friend = nb.disclosure_willingness(people, 0.6, context=nb.Context(relationship="friends"))
    boss = nb.disclosure_willingness(people, 0.6, context=nb.Context(relationship="boss_employee"))
    assert np.all(boss.depth < friend.depth)


def test_decision_power_asymmetry_lowers_depth_in_simulation():
    n = 2000
    people = nb.Population.from_mapping({}, size=n)
    rec = nb.Recorder(per_turn=["depth", "speaker"], final=["closeness"])
    equal = nb.simulate(people, nb.fixed_pairs(n), nb.thirty_six_questions(4),
                        context=nb.Context(power=0.0), rng=3, record=rec)
    below = nb.simulate(people, nb.fixed_pairs(n), nb.thirty_six_questions(4),
                        context=nb.Context(power=0.6), rng=3, record=rec)
    spk = equal.per_turn["speaker"] == 0  # person 0 is the one below
    assert below.per_turn["depth"][spk].mean() < equal.per_turn["depth"][spk].mean()


def test_decision_audience_and_identifiability_lower_willingness():
    people = nb.sample_population(300, rng=4)
    private = nb.disclosure_willingness(people, 0.6, context=nb.Context(audience=1))
    public = nb.disclosure_willingness(people, 0.6, context=nb.Context(audience=30))
    assert np.all(public.willingness < private.willingness)
    anonymous = nb.disclosure_willingness(people, 0.6, context=nb.Context(identifiability=0.0))
    assert np.all(anonymous.willingness > private.willingness)


def test_decision_breadth_rises_with_utility():
    assert np.all(np.diff(breadth(RISING * 3, P)) > 0)


def test_decision_breadth_depends_on_utility_only_not_risk():
    people = nb.sample_population(200, rng=5)
    equal = nb.disclosure_willingness(people, 0.6, context=nb.Context(power=0.0, audience=1))
    risky = nb.disclosure_willingness(people, 0.6, context=nb.Context(power=0.8, audience=20))
    intimate = nb.disclosure_willingness(people, 0.95, context=nb.Context(power=0.0, audience=1))
    np.testing.assert_array_equal(risky.breadth, equal.breadth)
    np.testing.assert_array_equal(intimate.breadth, equal.breadth)
    assert np.all(risky.depth < equal.depth)  # the context did matter for depth
    needy = nb.Population.from_mapping({"need_to_belong": [0.1, 0.9]})
    b = nb.disclosure_willingness(needy, 0.6).breadth
    assert b[1] > b[0]
