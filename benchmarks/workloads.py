"""The timed workloads: nabij's engine, its peers (Mesa, whole-array rules) and batched sweeps.

Every timing is the best of the same number of repeats (``[timing] repeats``), for nabij
and for each peer alike: the run least disturbed by other load on the machine.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import nabij as nb
from nabij.engine.simulate import Kernel

__all__ = ["best_of", "sweep_params", "time_mesa", "time_nabij", "time_param_sets", "time_sweep"]


def best_of(repeats: int, run: Callable[[], object]) -> float:
    """The shortest wall-clock time of ``repeats`` calls of ``run``."""
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _record(outcomes: tuple[str, ...]) -> nb.Recorder:
    return nb.Recorder(per_turn=(), final=outcomes)


def time_nabij(n: int, protocol: nb.Protocol, outcomes: tuple[str, ...], seed: int, repeats: int,
               kernel: Kernel = "fused", threads: int | None = None) -> float:
    """Seconds for ``n`` dyads through ``protocol`` (people sampled before timing)."""
    people, pairs, record = nb.sample_population(2 * n, rng=seed), nb.fixed_pairs(2 * n), _record(outcomes)
    return best_of(repeats, lambda: nb.simulate(people, pairs, protocol, rng=seed, record=record,
                                                kernel=kernel, threads=threads))


def sweep_params(points: int) -> list[nb.Params]:
    """A one-dimensional grid over ``closeness_rate`` (a parameter of the turn)."""
    return [nb.Params(closeness_rate=0.03 + 0.04 * k / max(1, points - 1)) for k in range(points)]


def time_sweep(points: int, n: int, protocol: nb.Protocol, outcomes: tuple[str, ...], seed: int,
               repeats: int, batched: bool, common_seed: bool) -> float:
    """Seconds for a grid of ``points`` parameter sets x ``n`` dyads.

    ``batched``: one :func:`~nabij.simulate_many` call, else one ``simulate`` call per point.
    ``common_seed``: every point runs with the same seed (common random numbers); else point
    i with child i of the seed, as ``nabij sweep`` seeds its points.
    """
    people, pairs, record = nb.sample_population(2 * n, rng=seed), nb.fixed_pairs(2 * n), _record(outcomes)
    params = sweep_params(points)
    seeds: list[nb.RngLike] = [seed] * points if common_seed else list(nb.spawn(seed, points))
    if batched:
        return best_of(repeats, lambda: nb.simulate_many(people, pairs, protocol, params, rng=seeds,
                                                         record=record))
    return best_of(repeats, lambda: [nb.simulate(people, pairs, protocol, params=p, rng=s, record=record)
                                     for p, s in zip(params, seeds, strict=True)])


def time_param_sets(sets: int, n: int, protocol: nb.Protocol, outcomes: tuple[str, ...], seed: int,
                    repeats: int) -> float:
    """Seconds for ``sets`` parameter sets x ``n`` dyads in one batched call (one seed)."""
    people, pairs, record = nb.sample_population(2 * n, rng=seed), nb.fixed_pairs(2 * n), _record(outcomes)
    params = sweep_params(sets)
    return best_of(repeats, lambda: nb.simulate_many(people, pairs, protocol, params, rng=seed,
                                                     record=record))


def time_mesa(n: int, protocol: nb.Protocol, seed: int, repeats: int) -> float:
    """Seconds for the Mesa model: building the agents and stepping every turn."""
    from benchmarks.mesa_model import DisclosureModel

    people = nb.sample_population(2 * n, rng=seed)
    return best_of(repeats, lambda: DisclosureModel(people, protocol, seed=seed).run())
