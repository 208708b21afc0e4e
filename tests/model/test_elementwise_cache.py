"""The compiled loops' cache: under the user cache folder, also when threads compile at once.

numba reads its cache folder from one process-wide setting when a function is decorated.
Batched studies run in threads; if one thread restored the setting while another was
decorating, that loop's cache landed in the working directory (and was once committed).
"""

from __future__ import annotations

import os
import threading
import time
import types
from pathlib import Path

import numpy as np
import pytest

from nabij.model import elementwise

numba = pytest.importorskip("numba")


def _scaled(x: float, y: float) -> float:
    return x * y + 1.0


def test_the_cache_setting_is_held_by_one_thread_at_a_time(tmp_path: Path) -> None:
    seen: list[str] = []
    first_inside = threading.Event()

    def second() -> None:
        first_inside.wait()
        with elementwise.numba_cache_dir(str(tmp_path / "b")):
            seen.append(numba.config.CACHE_DIR)

    before = numba.config.CACHE_DIR
    other = threading.Thread(target=second)
    other.start()
    with elementwise.numba_cache_dir(str(tmp_path / "a")):
        first_inside.set()
        time.sleep(0.2)  # the other thread tries to change the setting meanwhile
        during = numba.config.CACHE_DIR
        assert during == str(tmp_path / "a")
    other.join()
    assert seen == [str(tmp_path / "b")]
    after = numba.config.CACHE_DIR
    assert after == before


@pytest.mark.slow
def test_loops_compiled_by_many_threads_cache_in_the_cache_folder_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(elementwise.NO_NUMBA_ENV, raising=False)
    elementwise._cache_root.cache_clear()
    start = threading.Barrier(6)
    errors: list[BaseException] = []

    def compile_one(k: int) -> None:
        rule = types.FunctionType(_scaled.__code__.replace(co_name=f"scaled_{k}"), _scaled.__globals__,
                                  f"scaled_{k}")
        rule.__annotations__ = _scaled.__annotations__
        array_form = elementwise.elementwise(rule)
        start.wait()
        try:
            assert np.array_equal(array_form(np.arange(3.0), 2.0), [1.0, 3.0, 5.0])
        except BaseException as e:  # reported below, in the test's thread
            errors.append(e)

    try:
        threads = [threading.Thread(target=compile_one, args=(k,)) for k in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors, errors
        assert os.listdir(work) == []
        cached = list(elementwise.cache_folder().parent.rglob("*.nbi"))
        assert len(cached) >= 6
    finally:
        elementwise._cache_root.cache_clear()
