"""Without numba the rules' array form runs the same scalar rules in Python, with the same results.

:func:`nabij.model.elementwise.elementwise` compiles a loop with numba where it can and
otherwise (numba not installed, or ``NABIJ_NO_NUMBA=1``) applies the rule element by element
in Python. Both paths must agree to 1e-12 on every rule, on broadcast shapes, on edge inputs
(0 and 1, where some rules divide by zero) and on whole simulated conversations, or the journal
(which installs without numba) would advise from a different model than the laboratory's.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

import nabij as nb
from nabij.model import Context, Params, arrays, disclosure_willingness, elementwise
from nabij.model.learning import Belief

pytest.importorskip("numba")  # the compiled path is the reference here

RULES = sorted(arrays.__all__)


def _both(monkeypatch: pytest.MonkeyPatch, call: Callable[[], Any]) -> tuple[Any, Any]:
    """``call()`` compiled with numba, then in the Python loop."""
    monkeypatch.delenv(elementwise.NO_NUMBA_ENV, raising=False)
    assert elementwise.numba_in_use()
    compiled = call()
    monkeypatch.setenv(elementwise.NO_NUMBA_ENV, "1")
    assert not elementwise.numba_in_use()
    python = call()
    return compiled, python


def _same(compiled: Any, python: Any, what: str) -> None:
    if isinstance(compiled, tuple):
        assert type(compiled) is type(python) and len(compiled) == len(python), what
        for k, (c, p) in enumerate(zip(compiled, python, strict=True)):
            _same(c, p, f"{what}[{k}]")
        return
    c, p = np.asarray(compiled), np.asarray(python)
    assert c.dtype == p.dtype and c.shape == p.shape, f"{what}: {c.dtype}{c.shape} vs {p.dtype}{p.shape}"
    np.testing.assert_allclose(p, c, rtol=0, atol=1e-12, equal_nan=True, err_msg=what)


def _inputs(rule: Callable[..., Any], rng: np.random.Generator, edges: bool) -> list[Any]:
    """Arguments for ``rule``'s array form: rows (3, 1) and columns (8,), which broadcast.

    Values are uniform on [0, 1]; with ``edges`` a third of them are exactly 0 or 1, where
    some rules divide by zero or take log(0) (numba gives inf or nan there, so must Python).
    """
    def values(shape: tuple[int, ...], low: float = 0.0, high: float = 1.0) -> Any:
        x = rng.uniform(low, high, shape)
        if edges:
            x = np.where(rng.random(shape) < 0.33, rng.integers(0, 2, shape).astype(float), x)
        return x

    shapes = iter([(3, 1), (8,)] * 20)  # every other array a row or a column
    hints = typing.get_type_hints(rule.__wrapped__)  # type: ignore[attr-defined]
    args: list[Any] = []
    for name, kind in hints.items():
        if name == "return":
            continue
        if kind is Params:
            args.append(Params())
        elif kind is bool:
            args.append(rng.random(next(shapes)) < 0.5)
        elif kind is Belief:
            args.append(Belief(values(next(shapes)), values(next(shapes), 0.0 if edges else 0.5, 5.0),
                               values(next(shapes), 0.5, 5.0),
                               values(next(shapes), 0.0 if edges else 0.1, 2.0)))
        else:
            args.append(values(next(shapes)))
    return args


@pytest.mark.parametrize("edges", [False, True], ids=["inside", "edges"])
@pytest.mark.parametrize("name", RULES)
def test_every_rule_gives_the_same_arrays_without_numba(name: str, edges: bool,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    rule = getattr(arrays, name)
    args = _inputs(rule, np.random.default_rng(sorted(RULES).index(name)), edges)
    compiled, python = _both(monkeypatch, lambda: rule(*args))
    _same(compiled, python, name)
    leaf = compiled[0] if isinstance(compiled, tuple) else compiled
    arrays_in = [x for a in args if not isinstance(a, Params) for x in (a if isinstance(a, tuple) else [a])]
    assert np.shape(leaf) == np.broadcast_shapes(*(np.shape(x) for x in arrays_in))


def test_scalars_stay_zero_dimensional_without_numba(monkeypatch: pytest.MonkeyPatch) -> None:
    compiled, python = _both(monkeypatch, lambda: arrays.willingness(0.6, 0.3, 0.5, Params()))
    _same(compiled, python, "willingness")
    assert np.shape(python) == ()


def test_a_division_by_zero_gives_inf_as_compiled_code_does(monkeypatch: pytest.MonkeyPatch) -> None:
    # belief_sd = sqrt(rate / (shape * certainty)): no certainty at all is an infinite spread
    belief = Belief(np.array([0.5, 0.5]), np.array([0.0, 2.0]), np.array([2.0, 2.0]),
                    np.array([0.1, 0.1]))
    compiled, python = _both(monkeypatch, lambda: arrays.belief_sd(belief))
    _same(compiled, python, "belief_sd")
    assert np.isinf(python[0]) and np.isfinite(python[1])


def test_a_whole_conversation_is_the_same_without_numba(monkeypatch: pytest.MonkeyPatch) -> None:
    people = nb.sample_population(40, rng=5)
    recorder = nb.Recorder(per_turn=("depth", "willingness", "ios", "expected_responsiveness",
                                     "perceived_responsiveness"), final=("ios", "liking", "left"))

    def run() -> Any:
        result = nb.simulate(people, nb.fixed_pairs(40), nb.thirty_six_questions(2), rng=7,
                             record=recorder, kernel="reference",
                             context=Context(relationship="friends", power=0.3))
        return tuple(result.per_turn[k] for k in sorted(result.per_turn)) + tuple(
            result.final[k] for k in sorted(result.final))

    compiled, python = _both(monkeypatch, run)
    _same(compiled, python, "simulate(kernel='reference')")


def test_the_disclosure_decision_is_the_same_without_numba(monkeypatch: pytest.MonkeyPatch) -> None:
    people = nb.sample_population(50, rng=2)
    compiled, python = _both(monkeypatch, lambda: disclosure_willingness(
        people, 0.7, -0.3, 0.8, Context(relationship="colleagues"), Params()))
    _same(compiled, python, "disclosure_willingness")


def test_a_python_loops_block_runs_python_and_ends_with_its_block(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(elementwise.NO_NUMBA_ENV, raising=False)
    args = (np.linspace(0, 1, 9), 0.4, np.linspace(1, 0, 9), Params())
    with elementwise.python_loops():
        assert not elementwise.numba_in_use()
        python = arrays.willingness(*args)
    assert elementwise.numba_in_use()
    _same(arrays.willingness(*args), python, "willingness")
