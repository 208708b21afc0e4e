"""Runs too large to hold at once: sampled people and results in block-aligned batches.

A call of :func:`~nabij.simulate` keeps its population, context and results for every dyad
(about 300 bytes per dyad when only final outcomes are kept), so 10 million dyads would
need some 3 GB. :func:`simulate_in_batches` samples the people of one *population batch*
of :data:`POPULATION_BATCH` dyads at a time, runs it in block-aligned parts, and yields each
part's result, so memory holds one batch whatever the number of dyads.

The numbers depend only on the seeds, never on how the parts are cut: batch ``k``'s people
come from ``child_sequence(people_rng, k)`` (batch 0 from ``people_rng`` itself, so a run that
fits one batch has the same people as ``sample_population(2 * n, people_rng)``), and every
part continues the dyads' random streams where they stand in one long run
(``block_offset``; batch-split invariance, :mod:`.streams`). :class:`RunningSummary` merges
the parts' final outcomes into the statistics :meth:`SimulationResult.summary` gives.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from nabij._rng import RngLike, as_seed_sequence, child_sequence
from nabij.engine.pairing import fixed_pairs
from nabij.engine.progress import progress_bar
from nabij.engine.recording import Recorder
from nabij.engine.result import SimulationResult
from nabij.engine.simulate import simulate
from nabij.engine.streams import BLOCK_SIZE
from nabij.engine.warm import ensure_compiled
from nabij.model.context import Context
from nabij.model.params import Params
from nabij.model.traits import sample_population
from nabij.protocols import Protocol

__all__ = ["POPULATION_BATCH", "RunningSummary", "simulate_in_batches"]

#: Dyads whose people are sampled together. Part of the reproducibility contract of a
#: batched run (a multiple of BLOCK_SIZE): changing it changes who is sampled.
POPULATION_BATCH = 64 * BLOCK_SIZE


def simulate_in_batches(
    n_dyads: int,
    protocol: Protocol,
    *,
    people_rng: RngLike,
    rng: RngLike,
    context: Context | None = None,
    params: Params | None = None,
    record: Recorder | None = None,
    part_dyads: int = POPULATION_BATCH,
    progress: bool = False,
) -> Iterator[tuple[int, SimulationResult]]:
    """Yield ``(first_dyad, result)`` for consecutive parts of ``n_dyads`` fixed pairs.

    - ``people_rng``: the seed of the people (fixed pairs: persons ``2i`` and ``2i + 1``);
    - ``rng``: the seed of the run's random streams (as in :func:`~nabij.simulate`);
    - ``context``: scalar settings only (each part resolves it for its own dyads);
    - ``part_dyads``: dyads per yielded result, a multiple of :data:`~nabij.BLOCK_SIZE` that
      divides :data:`POPULATION_BATCH` (smaller parts when recording every turn). It bounds
      memory, never the numbers.
    """
    if n_dyads < 1:
        raise ValueError(f"n_dyads: expected at least 1 dyad, got {n_dyads}")
    if part_dyads < 1 or part_dyads % BLOCK_SIZE or POPULATION_BATCH % part_dyads:
        raise ValueError(f"part_dyads: expected a multiple of {BLOCK_SIZE} that divides "
                         f"{POPULATION_BATCH}, got {part_dyads}")
    people_root = as_seed_sequence(people_rng)
    root = as_seed_sequence(rng)
    ctx = context or Context()
    ensure_compiled(announce=progress)
    with progress_bar(progress, n_dyads * len(protocol), f"{protocol.name}: {n_dyads:,} dyads") as advance:
        for batch, first in enumerate(range(0, n_dyads, POPULATION_BATCH)):
            size = min(POPULATION_BATCH, n_dyads - first)
            seed = people_root if batch == 0 else child_sequence(people_root, batch)
            people = sample_population(2 * size, seed)
            for offset in range(0, size, part_dyads):
                m = min(part_dyads, size - offset)
                start = first + offset
                part = people.take(np.arange(2 * offset, 2 * (offset + m)))
                result = simulate(part, fixed_pairs(2 * m), protocol, context=ctx,
                                  params=params, rng=root, record=record,
                                  block_offset=start // BLOCK_SIZE)
                advance(m * len(protocol))
                yield start, result


@dataclass
class _Moments:
    """Count, mean and sum of squared deviations of the values seen so far."""

    count: int = 0
    mean: float = 0.0
    m2: float = 0.0

    def add(self, x: np.ndarray) -> None:
        """Merge the values ``x`` (Chan et al.'s pairwise update)."""
        n_b, mean_b = x.size, float(x.mean())
        m2_b = float(np.sum((x - mean_b) ** 2))
        n_a, n = self.count, self.count + x.size
        delta = mean_b - self.mean
        self.mean += delta * n_b / n
        self.m2 += m2_b + delta * delta * n_a * n_b / n
        self.count = n

    @property
    def sd(self) -> float:
        return float(np.sqrt(self.m2 / (self.count - 1))) if self.count > 1 else 0.0


@dataclass
class RunningSummary:
    """What :meth:`SimulationResult.summary` gives for the whole run, merged part by part.

    Per outcome it keeps the moments of the persons' values (``sd``) and of the pair means
    (the mean and its 95% interval, the pair as the unit), each merged from parts seen once.
    """

    _persons: dict[str, _Moments] = field(default_factory=dict)
    _pairs: dict[str, _Moments] = field(default_factory=dict)

    def add(self, result: SimulationResult) -> None:
        """Merge every final outcome of ``result``."""
        for name, arr in result.final.items():
            values = arr.astype(np.float64)
            per_pair = values.mean(axis=0) if values.ndim == 2 else values.reshape(-1)
            self._persons.setdefault(name, _Moments()).add(values.reshape(-1))
            self._pairs.setdefault(name, _Moments()).add(per_pair)

    def frame(self) -> pd.DataFrame:
        """One row per outcome: outcome, mean, sd, ci_low, ci_high, pairs (as ``summary()``)."""
        rows = []
        for name, pairs in self._pairs.items():
            half = 1.96 * pairs.sd / np.sqrt(pairs.count)
            rows.append({"outcome": name, "mean": pairs.mean, "sd": self._persons[name].sd,
                         "ci_low": pairs.mean - half, "ci_high": pairs.mean + half,
                         "pairs": pairs.count})
        frame = pd.DataFrame(rows)
        frame.attrs["interval"] = "95% interval of the mean with the pair as the unit (n = pairs)"
        return frame
