"""The array form's call path: parameters converted once per parameter set, arguments broadcast.

The array form keeps the last parameter sets it converted (by identity) and passes the
compiled loop their values as one array; it broadcasts arguments without numpy's generic
helper when it can. None of this may change a value.
"""

from __future__ import annotations

import numpy as np
import pytest

from nabij.model import Params, arrays
from nabij.model.elementwise import ParamValues, elementwise, param_values, python_loops
from nabij.model.learning import Belief
from nabij.model.state import _relationship_table


def _fresh(params: Params) -> ParamValues:
    names: tuple[str, ...] = ParamValues._fields
    return ParamValues(*(float(getattr(params, name)) for name in names))


def test_a_kept_conversion_equals_a_fresh_one_for_every_parameter_set() -> None:
    sets = [Params().with_(closeness_rate=0.01 + 0.001 * k) for k in range(100)]  # more than are kept
    for params in sets + sets[:5]:
        assert param_values(params) == _fresh(params)
    assert param_values(sets[0]) != param_values(sets[1])


def test_the_compiled_loop_reads_each_parameter_set_it_is_given() -> None:
    traits = np.random.default_rng(1).random((3, 2, 50))
    low, high = Params(), Params().with_(impression_expressiveness=0.9, impression_warmth=0.05)
    for params in (low, high, low):
        compiled = arrays.target_appeal(*traits, params)
        with python_loops():
            python = arrays.target_appeal(*traits, params)
        assert np.array_equal(compiled, python)
    assert not np.array_equal(arrays.target_appeal(*traits, low), arrays.target_appeal(*traits, high))


def _mix(a: float, b: float, c: float, params: Params) -> float:
    return a * params.closeness_rate + b - c


@pytest.mark.parametrize("shapes", [[(2, 5), (2, 5), (2, 5)], [(), (2, 5), (5,)], [(1, 5), (2, 1), ()],
                                    [(), (), ()]])
def test_arguments_broadcast_as_numpy_broadcasts_them(shapes: list[tuple[int, ...]]) -> None:
    rng = np.random.default_rng(2)
    args = [rng.random(s) for s in shapes]
    got = elementwise(_mix)(*args, Params())
    want = args[0] * Params().closeness_rate + args[1] - args[2]
    assert got.shape == np.broadcast_shapes(*shapes)
    assert np.array_equal(got, want)


def test_keywords_and_positional_arguments_give_the_same_result() -> None:
    belief = Belief(*(np.full(4, v) for v in (0.6, 3.0, 2.0, 0.1)))  # type: ignore[arg-type]
    by_position = arrays.trust_lower_bound(belief, 1.0)
    assert np.array_equal(by_position, arrays.trust_lower_bound(belief=belief, z=1.0))


def test_the_relationship_table_cannot_be_changed_through_its_cache() -> None:
    table = _relationship_table()
    with pytest.raises(ValueError, match="read-only"):
        table["liking"][0] = 1.0
