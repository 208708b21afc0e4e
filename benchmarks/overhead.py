"""The per-call work outside the kernel: small runs, a batched sweep, the calibration's simulator.

Not part of ``make bench``: a quick before/after check for changes to the engine's per-call
Python work, on a machine that may be shared (every number is the best of ``--repeats``).

    python -m benchmarks.overhead [--repeats 7] [--profile small|sweep|t1|calibrate]

Workloads (all the 36-questions protocol, 72 turns, final outcomes only unless said):

- ``small``: one ``simulate`` call of 100 dyads (what ``small_n_penalty`` times at its small N).
- ``sweep``: 200 parameter sets x 200 dyads, a seed per point, batched (``simulate_many``)
  and one call per point (what ``batched_sweep_speedup`` times).
- ``t1``: one evaluation of T1 (the calibration's simulator: people, two protocols, two
  simulations of 60 pairs, statistics), one thread.
- ``calibrate``: 100 prior draws of the calibration problem, their simulations run together
  (``Problem.simulate_many``).
- ``gather`` / ``gather_alone``: 100 studies of two tiny simulations (4 dyads, 2 turns) run
  together (:func:`~nabij.engine.gather.run_together`) and one by one: the difference is
  what gathering itself costs per call.
"""

from __future__ import annotations

import argparse
import cProfile
import functools
import pstats
from collections.abc import Callable

import numpy as np

import nabij as nb
from benchmarks.workloads import best_of, sweep_params

__all__ = ["workloads"]


def workloads() -> dict[str, tuple[Callable[[], object], int]]:
    """Each workload's function and how many dyad-turns (or evaluations) it runs."""
    from nabij.engine.gather import run_together
    from nabij.lab.calibrate.problem import HAND_SET, Problem
    from nabij.lab.experiments import EXPERIMENTS

    proto = nb.thirty_six_questions(12)
    record = nb.Recorder(per_turn=(), final=("ios", "liking", "trust"))
    people, pairs = nb.sample_population(200, rng=1), nb.fixed_pairs(200)
    people2, pairs2 = nb.sample_population(400, rng=1), nb.fixed_pairs(400)
    params, seeds = sweep_params(200), list(nb.spawn(1, 200))
    problem = Problem(tuple(HAND_SET)[2:])
    thetas = problem.sample_prior(100, 3)
    t1 = EXPERIMENTS["T1"].run
    tiny_people, tiny_pairs, tiny = nb.sample_population(8, rng=1), nb.fixed_pairs(8), nb.turn_taking(1)
    closeness = nb.Recorder(per_turn=(), final=("closeness",))

    def study(i: int) -> None:
        for k in range(2):
            nb.simulate(tiny_people, tiny_pairs, tiny, rng=2 * i + k, record=closeness)

    studies = [functools.partial(study, i) for i in range(100)]

    return {
        "small": (lambda: nb.simulate(people, pairs, proto, rng=1, record=record), 1),
        "sweep_batched": (lambda: nb.simulate_many(people2, pairs2, proto, params, rng=seeds,
                                                   record=record), 1),
        "sweep_loop": (lambda: [nb.simulate(people2, pairs2, proto, params=p, rng=s, record=record)
                                for p, s in zip(params, seeds, strict=True)], 1),
        "t1": (lambda: [t1(np.random.SeedSequence(i), nb.Params(), 1.0) for i in range(20)], 20),
        "calibrate": (lambda: problem.simulate_many(thetas, 5), 100),
        "gather": (lambda: run_together(studies), 200),
        "gather_alone": (lambda: [f() for f in studies], 200),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--only", nargs="*", default=None, help="workload names to time")
    parser.add_argument("--profile", default=None, help="cProfile one workload (sorted by own time)")
    args = parser.parse_args()
    runs = workloads()
    for fn, _ in runs.values():
        fn()  # compile and warm every path first
    if args.profile:
        fn = runs[args.profile][0]
        profile = cProfile.Profile()
        profile.runcall(fn)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        return
    for name, (fn, per) in runs.items():
        if args.only and name not in args.only:
            continue
        seconds = best_of(args.repeats, fn)
        each = f"  ({seconds / per * 1e3:.2f} ms each)" if per > 1 else ""
        print(f"{name:14s} {seconds * 1e3:9.2f} ms{each}")


if __name__ == "__main__":
    main()
