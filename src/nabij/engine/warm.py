"""Compile the simulation kernel once, say so while it happens, and clear out old builds.

numba compiles the fused kernel the first time it runs and caches the machine code under
the user cache directory, in a folder named after a hash of the model's and the engine's
source (:func:`nabij.engine.fused._cache_dir`), so edited rules never run stale code. That
first compilation takes some seconds; :func:`ensure_compiled` runs it up front with a
message instead of letting a progress bar sit at 0 %, and ``python -m nabij.engine.warm``
(run by ``make demo`` after installing) does it before anyone waits for a result.

Each source change leaves a folder behind, for the kernel and for the model's array form
(:func:`nabij.model.elementwise.cache_folder`, ``numba-rules``); :func:`clean_stale_caches`
removes those not used for :data:`STALE_AFTER_S` seconds.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sys
import time
from pathlib import Path

__all__ = ["STALE_AFTER_S", "clean_stale_caches", "ensure_compiled", "is_compiled", "warm"]

#: A cached build not used for this long (one day) is removed when a new one is compiled.
STALE_AFTER_S = 24 * 3600.0
#: What the message says compiling takes before this machine has measured it.
DEFAULT_COMPILE_S = 15.0

_log = logging.getLogger("nabij")
_checked = False


def _current() -> Path:
    from nabij.engine.fused import _cache_dir  # numba loads in ~0.5 s: only when needed

    return Path(_cache_dir())


def _timing_file() -> Path:
    return _current().parent / "compile_seconds.json"


def is_compiled() -> bool:
    """Whether this source's kernel is already in numba's cache (no compiling needed)."""
    current = _current()
    return current.is_dir() and any(current.rglob("*.nbi"))


def _expected_seconds() -> float:
    try:
        return float(json.loads(_timing_file().read_text())["seconds"])
    except (OSError, ValueError, KeyError, TypeError):
        return DEFAULT_COMPILE_S


def warm() -> float:
    """Compile (or load) every kernel a run uses by simulating two dyads; return the seconds."""
    import nabij as nb

    global _checked
    _checked = True  # the run below must not come back here
    start = time.perf_counter()
    people = nb.sample_population(4, rng=0)
    nb.simulate(people, nb.fixed_pairs(4), nb.thirty_six_questions(1), rng=0,
                record=nb.Recorder(per_turn=("depth",), final=("ios",)))
    return time.perf_counter() - start


def _rules_current() -> Path:
    from nabij.model.elementwise import cache_folder

    return cache_folder()


def clean_stale_caches(now: float | None = None) -> list[Path]:
    """Remove other builds' cache folders not used for :data:`STALE_AFTER_S`; return them.

    Both caches: the kernel's (``numba/``) and the model's array form (``numba-rules/``).
    A folder in use is touched when its build is loaded (:func:`ensure_compiled`,
    ``elementwise._cache_root``), so its time stamp says when it was last used.
    """
    now = time.time() if now is None else now
    removed = []
    for current in (_current(), _rules_current()):
        for folder in sorted(current.parent.iterdir()) if current.parent.is_dir() else ():
            if folder == current or not folder.is_dir():
                continue
            if now - folder.stat().st_mtime > STALE_AFTER_S:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
    return removed


def ensure_compiled(announce: bool) -> None:
    """Before a run: if the kernel is not cached, compile it now, saying so (once a process).

    ``announce`` prints the message on stderr (the command line, progress bars); otherwise
    it goes to the ``nabij`` logger.
    """
    global _checked
    if _checked:
        return
    from nabij.extras import require

    require("numba", "lab", "The fast simulation kernel (kernel='fused'; kernel='reference' runs without it)")
    _checked = True
    if is_compiled():
        os.utime(_current())  # marks the build as in use (see clean_stale_caches)
        return
    message = f"compiling the simulation kernel once (about {_expected_seconds():.0f} s)"
    if announce:
        print(message + " ...", file=sys.stderr, flush=True)
    else:
        _log.info(message)
    seconds = warm()
    try:
        _timing_file().write_text(json.dumps({"seconds": round(seconds, 1)}))
        clean_stale_caches()
    except OSError:
        pass  # a read-only cache costs only the estimate and the clean-up
    if announce:
        print(f"compiled in {seconds:.0f} s; later runs start at once", file=sys.stderr, flush=True)


def main() -> int:
    """``python -m nabij.engine.warm``: compile now if needed, and say what happened."""
    from nabij.extras import MissingExtraError

    try:
        if is_compiled():
            print("nabij: the simulation kernel is already compiled")
            return 0
        ensure_compiled(announce=True)
    except MissingExtraError as e:
        print(f"nabij: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
