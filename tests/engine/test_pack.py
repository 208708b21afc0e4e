"""How runs are packed into tiles: every dyad placed once, no tile over-full, threads evenly loaded."""

from __future__ import annotations

import numpy as np
import pytest

import nabij as nb
from nabij.engine.fused import TILE
from nabij.engine.kernel import SUB
from nabij.engine.recording import Recorder
from nabij.engine.runs import Run
from nabij.engine.simulate import _resolved
from nabij.engine.tiles import _pack
from nabij.model.start import Start


def _runs(sizes: list[int]) -> list[Run]:
    people = nb.sample_population(2 * max(sizes), rng=1)
    out = []
    for n in sizes:
        pairs = nb.fixed_pairs(2 * n)
        out.append(Run(people, pairs, nb.thirty_six_questions(), _resolved(None, n), nb.Params(),
                       nb.spawn(1, 1)[0], Start().resolve(n), 0, Recorder(per_turn=(), final=())))
    return out


@pytest.mark.parametrize("sizes", [[60] * 200, [200] * 200, [100], [100, 100], [3 * nb.BLOCK_SIZE + 70],
                                   [5, 900, 4096, 17, 2 * nb.BLOCK_SIZE, 33] * 3])
@pytest.mark.parametrize("workers", [1, 2, 3])
def test_every_dyad_is_placed_once_and_no_tile_overflows(sizes: list[int], workers: int) -> None:
    runs = _runs(sizes)
    tiles = _pack(runs, workers)
    seen = {r: 0 for r in range(len(runs))}
    for tile in tiles:
        end = 0
        for seg in tile:
            assert seg.offset == end and seg.offset % SUB == 0  # in order, at sub-tile boundaries
            end += seg.slots
            seen[seg.run] += seg.size
        assert end <= TILE
    assert seen == {r: run.n for r, run in enumerate(runs)}


@pytest.mark.parametrize("workers", [2, 3])
def test_many_small_runs_are_spread_evenly_over_the_threads(workers: int) -> None:
    tiles = _pack(_runs([60] * 200), workers)
    loads = [sum(seg.slots for seg in tile) for tile in tiles]
    assert len(tiles) % workers == 0
    assert max(loads) - min(loads) <= 64  # within one run's slots


@pytest.mark.parametrize("threads", [1, 2])
def test_a_small_run_gives_the_same_numbers_alone_and_packed_with_others(threads: int) -> None:
    # alone, its tile is nearly empty and the kernel runs all 72 turns in one call; packed
    # with 40 other runs (tiles of about 2,300 slots), 57 and then 15 turns a call: the
    # block draws the same numbers either way
    people, pairs = nb.sample_population(200, rng=5), nb.fixed_pairs(200)
    protocol = nb.thirty_six_questions()
    record = nb.Recorder(per_turn=(), final=("closeness", "trust", "left"))
    alone = nb.simulate(people, pairs, protocol, rng=7, record=record, threads=threads)
    packed = nb.simulate_many(people, pairs, protocol, [nb.Params()] * 41, rng=[7, *range(100, 140)],
                              record=record, threads=threads)[0]
    for name in alone.final:
        assert np.array_equal(alone.final[name], packed.final[name]), name
