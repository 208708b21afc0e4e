"""Named protocols are built once per set of arguments: the cached one equals a fresh build and
cannot be changed through the cache."""

from __future__ import annotations

from dataclasses import fields

import numpy as np
import pytest

import nabij as nb
from nabij.protocols import PROTOCOLS, make_protocol


def _same(a: nb.Protocol, b: nb.Protocol) -> bool:
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray):
            if x.dtype != y.dtype or not np.array_equal(x, y, equal_nan=True):
                return False
        elif x != y:
            return False
    return True


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_a_cached_protocol_equals_a_fresh_build(name: str) -> None:
    builder = PROTOCOLS[name]
    cached = builder()
    fresh = builder.__wrapped__()  # type: ignore[attr-defined]  # the builder without its cache
    assert builder() is cached
    assert fresh is not cached and _same(cached, fresh)


@pytest.mark.parametrize("name", sorted(PROTOCOLS))
def test_a_protocol_cannot_be_changed_after_it_is_validated(name: str) -> None:
    protocol = PROTOCOLS[name]()
    for f in fields(protocol):
        value = getattr(protocol, f.name)
        if isinstance(value, np.ndarray):
            with pytest.raises(ValueError, match="read-only"):
                value[...] = 0
    assert _same(PROTOCOLS[name](), PROTOCOLS[name].__wrapped__())  # type: ignore[attr-defined]


def test_different_arguments_give_different_protocols() -> None:
    assert len(nb.thirty_six_questions(3)) == 18 and len(nb.thirty_six_questions(12)) == 72
    assert nb.small_talk(topic_intimacy=0.2).topic_intimacy.max() == 0.2
    assert nb.small_talk(topic_intimacy=0.4).topic_intimacy.max() == 0.4
    assert nb.turn_taking(4, 1) is not nb.turn_taking(4, 1.0)  # told apart by type


def test_bad_arguments_still_raise_each_time() -> None:
    for _ in range(2):
        with pytest.raises(ValueError, match="questions_per_set"):
            nb.thirty_six_questions(0)


def test_an_unhashable_argument_builds_a_fresh_protocol() -> None:
    emotional = np.array(0.4)  # an array is not hashable: built anew at each call
    a, b = nb.free_conversation(10, emotional), nb.free_conversation(10, emotional)  # type: ignore[arg-type]
    assert a is not b and _same(a, b) and len(a) == 10


def test_the_callers_arrays_are_copied_not_frozen() -> None:
    speaker, depth = np.array([0, 1, 0]), np.array([0.2, 0.4, 0.6])
    make_protocol("mine", speaker, depth)
    speaker[0], depth[0] = 1, 0.3  # the caller's own arrays stay writable
    assert speaker.flags.writeable and depth.flags.writeable
