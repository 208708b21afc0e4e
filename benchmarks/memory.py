"""Peak memory, measured in a fresh process: ``python -m benchmarks.memory MODE DYADS TURNS_Q``.

- ``cli``: ``nabij simulate --dyads DYADS`` as a user runs it (no ``--per-turn``);
- ``single``: one ``simulate`` call of DYADS dyads, for the bytes each dyad costs.

Prints one JSON object on its last line: peak resident memory (MiB), the resident memory
before the run (after imports and compiling) and the seconds the run took.
"""

from __future__ import annotations

import json
import resource
import sys
import time

import nabij as nb
from benchmarks.workloads import time_nabij

OUTCOMES = ("ios", "liking", "trust")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def _current_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def main(mode: str, dyads: int, questions_per_set: int) -> dict[str, object]:
    protocol = nb.thirty_six_questions(questions_per_set)
    time_nabij(nb.BLOCK_SIZE, protocol, OUTCOMES, seed=0, repeats=1)  # imports, compiled kernel
    before = _current_mib()
    start = time.perf_counter()
    if mode == "cli":
        from nabij.cli import app

        app(["simulate", "--dyads", str(dyads), "--protocol", "36_questions", "--no-progress"],
            standalone_mode=False)
    elif mode == "single":
        time_nabij(dyads, protocol, OUTCOMES, seed=1, repeats=1)
    else:
        raise SystemExit(f"mode: expected 'cli' or 'single', got {mode!r}")
    return {"mode": mode, "dyads": dyads, "turns": len(protocol), "seconds": time.perf_counter() - start,
            "rss_before_mib": before, "peak_rss_mib": _peak_mib()}


if __name__ == "__main__":
    mode, dyads, questions = sys.argv[1], *map(int, sys.argv[2:4])
    print(json.dumps(main(mode, dyads, questions)))
