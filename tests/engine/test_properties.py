"""Property tests: any valid traits, context and parameters keep every state in bounds."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import nabij as nb
from nabij.model.traits import SCORE_TRAITS

SETTINGS = settings(max_examples=30, deadline=None)

UNIT = st.floats(0.0, 1.0, allow_nan=False)

#: per-turn and final quantities that live on [0, 1]
UNIT_STATES = {
    "topic_intimacy", "willingness", "depth", "kept_depth", "breadth", "edited",
    "actual_responsiveness", "perceived_responsiveness", "new_hurt", "intimacy", "closeness",
    "liking", "regard", "trust", "security", "tension", "hurt", "expected_responsiveness",
}
SEVEN_POINT = {"ios", "liking_7pt"}
RECORD_ALL = nb.Recorder(per_turn={**nb.TURN_REPORTERS, "left": lambda st, o, p: st.left.copy()},
                         final=tuple(nb.FINAL_REPORTERS))


@st.composite
def populations(draw, n_people: int):
    traits = {name: draw(st.lists(UNIT, min_size=n_people, max_size=n_people))
              for name in SCORE_TRAITS}
    traits["n_close"] = draw(st.lists(st.integers(0, 20), min_size=n_people, max_size=n_people))
    return nb.Population.from_mapping(traits)


@st.composite
def contexts(draw):
    return nb.Context(
        relationship=draw(st.sampled_from([r.name for r in nb.RELATIONSHIPS])),
        power=draw(st.one_of(st.none(), st.floats(-1.0, 1.0))),
        display_norm=draw(UNIT),
        identifiability=draw(UNIT),
        audience=draw(st.floats(1.0, 1e6)),
        cognitive_load=draw(UNIT),
    )


@st.composite
def params(draw):
    values = {s.name: draw(st.floats(s.low, s.high)) for s in nb.param_specs()}
    return nb.Params(**values)


@st.composite
def protocols(draw):
    base = draw(st.sampled_from([
        nb.small_talk(3), nb.thirty_six_questions(1), nb.free_conversation(6), nb.turn_taking(3),
        nb.extended_turns(3), nb.graded_exposure(3),
    ]))
    sessions = draw(st.integers(1, 3))
    if sessions == 1:
        return base
    return nb.repeat(base, sessions, gap_days=draw(st.floats(0.01, 3650.0)))


def _check_bounds(name: str, arr: np.ndarray) -> None:
    values = arr.astype(np.float64)
    assert np.isfinite(values).all(), f"{name}: NaN or inf"
    if name in UNIT_STATES:
        assert values.min() >= 0.0 and values.max() <= 1.0, f"{name} outside [0, 1]"
    if name in SEVEN_POINT:
        assert values.min() >= 1.0 and values.max() <= 7.0, f"{name} outside [1, 7]"


@SETTINGS
@given(data=st.data())
def test_property_states_stay_in_bounds_for_any_valid_input(data):
    n_people = data.draw(st.sampled_from([2, 4, 6]))
    people = data.draw(populations(n_people))
    res = nb.simulate(people, nb.fixed_pairs(n_people), data.draw(protocols()),
                      context=data.draw(contexts()), params=data.draw(params()),
                      rng=data.draw(st.integers(0, 2**32)),
                      record=RECORD_ALL)
    for name, arr in {**res.per_turn, **res.final}.items():
        _check_bounds(name, arr)
    # leaving is permanent: per person, `left` never goes back
    left = res.per_turn["left"]
    assert np.all(left[1:] >= left[:-1])


@SETTINGS
@given(people=populations(4), context=contexts(), prm=params(),
       topic=UNIT, valence=st.floats(-1.0, 1.0), emotional=UNIT)
def test_property_disclosure_decision_is_bounded(people, context, prm, topic, valence, emotional):
    d = nb.disclosure_willingness(people, topic, valence, emotional, context=context, params=prm)
    for name in ("willingness", "depth", "breadth"):
        arr = getattr(d, name)
        assert np.isfinite(arr).all() and (arr >= 0).all() and (arr <= 1).all(), name
    assert (d.depth <= topic + 1e-12).all()
