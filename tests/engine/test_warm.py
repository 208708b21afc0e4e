"""Cold start (engine/warm.py): a message while compiling, once, and old builds cleared."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from nabij.engine import warm


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    current = tmp_path / "numba" / "current"
    monkeypatch.setattr(warm, "_current", lambda: current)
    monkeypatch.setattr(warm, "_rules_current", lambda: tmp_path / "numba-rules" / "current")
    monkeypatch.setattr(warm, "_checked", False)
    return current


def test_cold_start_says_it_compiles_and_how_long(cache: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    calls = []

    def fake_warm() -> float:
        calls.append(1)
        cache.mkdir(parents=True)
        (cache / "kernel.nbi").write_text("")
        return 12.0

    monkeypatch.setattr(warm, "warm", fake_warm)
    warm.ensure_compiled(announce=True)
    assert "compiling the simulation kernel once (about" in capsys.readouterr().err
    assert warm.is_compiled()
    warm.ensure_compiled(announce=True)  # once a process
    assert calls == [1]
    monkeypatch.setattr(warm, "_checked", False)
    warm.ensure_compiled(announce=True)  # cached now: nothing to say, nothing to compile
    assert calls == [1] and capsys.readouterr().err == ""
    assert warm._expected_seconds() == 12.0  # the next message quotes this machine's time


def test_stale_builds_are_removed_and_recent_ones_kept(cache: Path) -> None:
    cache.mkdir(parents=True)
    old, recent = cache.parent / "old", cache.parent / "recent"
    for folder in (old, recent):
        folder.mkdir()
        (folder / "kernel.nbi").write_text("")
    long_ago = time.time() - 2 * warm.STALE_AFTER_S
    os.utime(old, (long_ago, long_ago))
    os.utime(cache, (long_ago, long_ago))
    assert warm.clean_stale_caches() == [old]
    assert not old.exists() and recent.exists() and cache.exists()


def test_stale_builds_of_the_rules_array_form_are_removed_too(cache: Path) -> None:
    # nabij.model.elementwise caches its compiled loops in numba-rules/<hash of the model>
    rules = warm._rules_current()
    long_ago = time.time() - 2 * warm.STALE_AFTER_S
    old, recent = rules.parent / "old", rules.parent / "recent"
    for folder in (rules, old, recent):
        folder.mkdir(parents=True)
        (folder / "loop.nbi").write_text("")
    os.utime(old, (long_ago, long_ago))
    os.utime(rules, (long_ago, long_ago))  # the current build is kept however old it looks
    assert warm.clean_stale_caches() == [old]
    assert not old.exists() and recent.exists() and rules.exists()


def test_the_rules_cache_in_use_is_the_one_elementwise_writes_to(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from nabij.model import elementwise

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    elementwise._cache_root.cache_clear()
    try:
        root = elementwise._cache_root()
        assert root is not None and root == warm._rules_current()
        assert root.parent.name == "numba-rules" and root.is_relative_to(tmp_path)
    finally:
        elementwise._cache_root.cache_clear()
