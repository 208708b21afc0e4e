"""The timed workloads: nabij's engine, the Mesa model, and batched runs for memory."""

from __future__ import annotations

import time
from collections.abc import Iterator

import numpy as np

import nabij as nb
from nabij.engine.simulate import Kernel

__all__ = ["batched_means", "best_of", "time_mesa", "time_nabij"]


def best_of(repeats: int, seconds: Iterator[float]) -> float:
    """The shortest of ``repeats`` timings (the one least disturbed by other load)."""
    return min(next(seconds) for _ in range(repeats))


def _nabij_runs(n: int, protocol: nb.Protocol, outcomes: tuple[str, ...], seed: int,
                params: list[nb.Params], kernel: Kernel) -> Iterator[float]:
    people = nb.sample_population(2 * n, rng=seed)
    pairs = nb.fixed_pairs(2 * n)
    record = nb.Recorder(per_turn=(), final=outcomes)
    while True:
        start = time.perf_counter()
        for prm in params:
            nb.simulate(people, pairs, protocol, params=prm, rng=seed, record=record, kernel=kernel)
        yield time.perf_counter() - start


def time_nabij(n: int, protocol: nb.Protocol, outcomes: tuple[str, ...], seed: int,
               repeats: int, parameter_sets: int = 1, kernel: Kernel = "fused") -> float:
    """Seconds for ``parameter_sets`` x ``n`` dyads through ``protocol`` (best of ``repeats``).

    Parameter sets differ (a calibration sweep over ``closeness_rate``); the population is
    sampled before timing, as an experiment would hold it.
    """
    params = [nb.Params(closeness_rate=0.03 + 0.04 * k / max(1, parameter_sets - 1))
              for k in range(parameter_sets)]
    return best_of(repeats, _nabij_runs(n, protocol, outcomes, seed, params, kernel))


def time_mesa(n: int, protocol: nb.Protocol, seed: int, repeats: int) -> float:
    """Seconds for the Mesa model: building the agents and stepping every turn."""
    from benchmarks.mesa_model import DisclosureModel

    people = nb.sample_population(2 * n, rng=seed)

    def runs() -> Iterator[float]:
        while True:
            start = time.perf_counter()
            DisclosureModel(people, protocol, seed=seed).run()
            yield time.perf_counter() - start

    return best_of(repeats, runs())


def batched_means(n: int, batch: int, protocol: nb.Protocol, outcomes: tuple[str, ...],
                  seed: int) -> tuple[dict[str, float], float]:
    """Run ``n`` dyads in block-aligned batches; return each outcome's mean, and the seconds
    spent in ``simulate`` (sampling the people of each batch excluded).

    Each batch samples its own people and continues the random streams where the previous
    batch stopped (``block_offset``), so the dyads are those one ``simulate`` call of size
    ``n`` would run (batch-split invariance) while memory holds only one batch.
    """
    sums = dict.fromkeys(outcomes, 0.0)
    seconds = 0.0
    people_seeds = nb.spawn(seed, -(-n // batch))
    for k, start in enumerate(range(0, n, batch)):
        size = min(batch, n - start)
        people = nb.sample_population(2 * size, rng=people_seeds[k])
        start_time = time.perf_counter()
        result = nb.simulate(people, nb.fixed_pairs(2 * size), protocol, rng=seed,
                             record=nb.Recorder(per_turn=(), final=outcomes),
                             block_offset=start // nb.BLOCK_SIZE)
        seconds += time.perf_counter() - start_time
        for name in outcomes:
            sums[name] += float(np.sum(result.final[name], dtype=np.float64))
        del people, result
    return {name: total / (2 * n) for name, total in sums.items()}, seconds
