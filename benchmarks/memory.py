"""Peak memory, measured in a fresh process: ``python -m benchmarks.memory MODE DYADS TURNS_Q BATCH``.

- ``batched``: DYADS dyads in block-aligned batches of BATCH (:func:`batched_means`);
- ``single``: one ``simulate`` call of DYADS dyads, for the bytes each dyad costs.

Prints one JSON object: peak resident memory (MiB), the resident memory before the run
(after imports and compiling), the seconds the run took and those spent in ``simulate``.
"""

from __future__ import annotations

import json
import resource
import sys
import time

import nabij as nb
from benchmarks.workloads import batched_means, time_nabij

OUTCOMES = ("ios", "liking", "trust")


def _peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: KiB


def _current_mib() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * resource.getpagesize() / 2**20


def main(mode: str, dyads: int, questions_per_set: int, batch: int) -> dict[str, object]:
    protocol = nb.thirty_six_questions(questions_per_set)
    time_nabij(nb.BLOCK_SIZE, protocol, OUTCOMES, seed=0, repeats=1)  # imports, compiled kernel
    before = _current_mib()
    start = time.perf_counter()
    if mode == "batched":
        means, simulate_seconds = batched_means(dyads, batch, protocol, OUTCOMES, seed=1)
    elif mode == "single":
        simulate_seconds = time_nabij(dyads, protocol, OUTCOMES, seed=1, repeats=1)
        means = {}
    else:
        raise SystemExit(f"mode: expected 'batched' or 'single', got {mode!r}")
    seconds = time.perf_counter() - start
    return {"mode": mode, "dyads": dyads, "turns": len(protocol), "seconds": seconds,
            "simulate_seconds": simulate_seconds,
            "rss_before_mib": before, "peak_rss_mib": _peak_mib(), "means": means}


if __name__ == "__main__":
    mode, dyads, questions, batch = sys.argv[1], *map(int, sys.argv[2:5])
    print(json.dumps(main(mode, dyads, questions, batch)))
