"""What the engine keeps from call to call: each kept object equals a fresh one and cannot be
changed through the cache, and bad input is refused every time."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest

import nabij as nb
from nabij.engine.recording import Recorder
from nabij.engine.simulate import _resolved, _validated
from nabij.model.context import Context
from nabij.model.state import DyadState
from nabij.model.traits import TRAIT_CORRELATIONS, _cholesky


def _same_context(a: object, b: object) -> bool:
    return all(np.array_equal(getattr(a, f.name), getattr(b, f.name)) and
               getattr(a, f.name).dtype == getattr(b, f.name).dtype for f in fields(a))  # type: ignore[arg-type]


@pytest.mark.parametrize("context", [None, Context(), Context(relationship="boss_employee", audience=3.0),
                                     Context(power=-0.5, cognitive_load=0.25, display_norm=1)])
def test_a_kept_context_equals_a_fresh_one_and_is_read_only(context: Context | None) -> None:
    kept = _resolved(context, 30)
    assert _resolved(context, 30) is kept
    assert _same_context(kept, (context or Context()).resolve(30))
    for f in fields(kept):
        with pytest.raises(ValueError, match="read-only"):
            getattr(kept, f.name)[...] = 0


def test_contexts_that_differ_only_in_type_or_size_are_kept_apart() -> None:
    assert _resolved(Context(power=0.0), 30) is not _resolved(Context(power=-0.0), 30)
    assert _resolved(Context(display_norm=1), 30) is not _resolved(Context(display_norm=1.0), 30)
    assert _resolved(None, 30).display_norm.shape == (30,)
    assert _resolved(None, 31).display_norm.shape == (31,)


def test_a_context_with_arrays_is_resolved_afresh_each_call() -> None:
    context = Context(audience=np.linspace(1.0, 4.0, 10))
    a, b = _resolved(context, 10), _resolved(context, 10)
    assert a is not b and _same_context(a, b)
    a.audience[0] = 2.0  # the caller's own copy


def test_a_bad_context_is_refused_every_time() -> None:
    for _ in range(2):
        with pytest.raises(ValueError, match="display_norm"):
            _resolved(Context(display_norm=2.0), 10)


def test_bad_parameters_are_refused_every_time_and_good_ones_pass() -> None:
    good = nb.Params()
    assert _validated(good) is good and _validated(good) is good
    bad = nb.Params().with_(closeness_rate=-1.0)
    for _ in range(2):
        with pytest.raises(ValueError, match="closeness_rate"):
            _validated(bad)


def test_the_kept_cholesky_factor_equals_a_fresh_one_and_is_read_only() -> None:
    kept = _cholesky(TRAIT_CORRELATIONS.tobytes())
    assert np.array_equal(kept, np.linalg.cholesky(TRAIT_CORRELATIONS))
    with pytest.raises(ValueError, match="read-only"):
        kept[0, 0] = 2.0
    a = nb.sample_population(50, rng=4)
    b = nb.sample_population(50, rng=4, correlations=TRAIT_CORRELATIONS.copy())
    assert all(np.array_equal(getattr(a, f.name), getattr(b, f.name)) for f in fields(a))


def test_a_correlation_matrix_that_is_not_positive_definite_is_refused_every_time() -> None:
    bad = TRAIT_CORRELATIONS.copy()
    bad[0, 1] = bad[1, 0] = 1.5
    for _ in range(2):
        with pytest.raises(ValueError, match="positive definite"):
            nb.sample_population(10, rng=1, correlations=bad)


def test_a_final_reporter_of_the_wrong_form_is_refused_every_time() -> None:
    def wrong(state: object) -> np.ndarray:
        return np.zeros(1)

    for _ in range(2):
        with pytest.raises(ValueError, match="must take"):
            Recorder(per_turn=(), final={"wrong": wrong})  # type: ignore[dict-item]


def test_a_final_reporter_that_cannot_be_hashed_still_works() -> None:
    class Reporter:
        __hash__ = None  # type: ignore[assignment]

        def __call__(self, state: DyadState, params: nb.Params, traits: object) -> np.ndarray:
            return np.asarray(state.closeness * 0.0 + 1.0)

    people = nb.sample_population(20, rng=1)
    out = nb.simulate(people, nb.fixed_pairs(20), nb.turn_taking(2), rng=1,
                      record=Recorder(per_turn=(), final={"one": Reporter()}))
    assert np.all(out.final["one"] == 1.0)


def test_a_protocols_kept_turns_key_equals_a_fresh_one() -> None:
    from nabij.engine import runs

    a = nb.thirty_six_questions()
    fresh = nb.thirty_six_questions.__wrapped__()  # type: ignore[attr-defined]  # equal turns, another object
    key = runs.turns_key(a)
    assert runs.turns_key(a) is key  # kept
    assert runs.turns_key(fresh) == key  # equal turns, equal keys, whatever the object
    assert runs.turns_key(nb.small_talk()) != key
    renamed = nb.make_protocol("other name", a.speaker, a.topic_intimacy, a.valence, a.emotional, a.gap_days)
    assert runs.turns_key(renamed) == key  # the name is only a label


def test_a_large_runs_context_is_not_kept() -> None:
    from nabij.engine.simulate import KEEP_CONTEXT_UP_TO

    n = KEEP_CONTEXT_UP_TO + 1
    a, b = _resolved(None, n), _resolved(None, n)
    assert a is not b and _same_context(a, b)
