"""Two bounds on one core, timed like the engine: what a dyad-turn cannot cost less than.

- **Draws and one pass** (:func:`draws_and_pass_seconds`): per dyad-turn only the two
  standard normals every implementation of the model must draw (the same generators, block
  by block, as :class:`~nabij.engine.streams.BlockStreams`), and one read and one write of
  every number of the dyad state, in the engine's own tile layout. The update
  ``x + eps * (noise_a + noise_p)`` (``eps = 0`` at run time) keeps the compiler from
  skipping the reads, the writes or the draws. No traits, no rules, no recording.
- **The rules in cache** (:func:`rules_in_cache_seconds`): the engine's own compiled turn
  loop (:func:`nabij.engine.kernel.run_turns`) over one full tile again and again, with its
  noise drawn beforehand: every rule's arithmetic on data already in the CPU's cache, and
  nothing else (no draws, no per-tile set-up, no Python between tiles).

nabij on one core sits above both: the first bounds what the random numbers and the state's
memory traffic cost, the second what the rules' arithmetic costs.
"""

from __future__ import annotations

import time
from dataclasses import fields
from typing import Any

import numba
import numpy as np

import nabij as nb
from nabij.engine.fused import _PARAM_NAMES, N_ROWS, NOISE_ACTUAL, NOISE_PERCEIVED, ROW, STATE, TILE
from nabij.engine.kernel import SUB, run_turns
from nabij.engine.runs import Run
from nabij.engine.streams import BLOCK_SIZE, BlockStreams
from nabij.engine.tiles import _Placed, _Segment, _Shared, _turn_table
from nabij.model.state import DyadState

__all__ = ["STATE_ROWS", "draws_and_pass_seconds", "rules_in_cache_seconds"]

#: Rows of dyad state: every field of DyadState, for both people.
STATE_ROWS = 2 * len(fields(DyadState))


@numba.njit(error_model="numpy")  # not cached: it freezes the engine's tile layout
def _touch_state(w: Any, noise: Any, m: int, eps: float) -> None:
    """Per turn: read and write every state number of the tile once, mixing in the turn's noise."""
    for t in range(noise.shape[0]):
        for i in range(m):
            w[NOISE_ACTUAL * ROW + i] = noise[t, 0, i]
            w[NOISE_PERCEIVED * ROW + i] = noise[t, 1, i]
        for i in range(TILE):
            mix = eps * (w[NOISE_ACTUAL * ROW + i] + w[NOISE_PERCEIVED * ROW + i])
            for r in range(STATE, STATE + STATE_ROWS):
                w[r * ROW + i] = w[r * ROW + i] + mix


def draws_and_pass_seconds(n_dyads: int, n_turns: int, seed: int = 0) -> float:
    """Seconds for the draws and one pass over the state of ``n_dyads`` x ``n_turns``.

    Like the engine, each block draws all its turns' normals in one call (the block's stream
    in its own order) and one compiled call walks the turns.
    """
    root = np.random.SeedSequence(seed)
    work = np.full((NOISE_PERCEIVED + 1) * ROW, 0.5)
    _touch_state(work, np.zeros((1, 2, TILE)), TILE, 0.0)  # compile before timing
    start = time.perf_counter()
    for first in range(0, n_dyads, BLOCK_SIZE):
        m = min(BLOCK_SIZE, n_dyads - first)
        generator = BlockStreams(root, first // BLOCK_SIZE, m).generators[0]
        _touch_state(work, generator.standard_normal((n_turns, 2, m)), m, 0.0)
    return time.perf_counter() - start


def rules_in_cache_seconds(protocol: nb.Protocol, tiles: int, seed: int = 0) -> float:
    """Seconds for the compiled turn loop over ``tiles`` passes of one full tile (no draws)."""
    people = nb.sample_population(2 * TILE, rng=seed)
    pairs = nb.fixed_pairs(2 * TILE)
    run = Run(people, pairs, protocol, nb.Context().resolve(TILE), nb.Params().validate(),
              np.random.SeedSequence(seed), nb.Start().resolve(TILE), 0,
              nb.Recorder(per_turn=(), final=()))
    data = np.full(N_ROWS * ROW, 0.5)
    _Placed(_Segment(0, 0, TILE), run, data.reshape(N_ROWS, ROW), _Shared())
    params = np.array([[float(getattr(run.params, name)) for name in _PARAM_NAMES]])
    sub_set = np.zeros(TILE // SUB, dtype=np.int64)
    turns = _turn_table(protocol)
    noise = np.random.default_rng(seed).standard_normal((len(protocol), 2, TILE))
    run_turns(data, params, sub_set, len(sub_set), turns, 0, len(protocol), noise)  # warm the cache
    start = time.perf_counter()
    for _ in range(tiles):
        run_turns(data, params, sub_set, len(sub_set), turns, 0, len(protocol), noise)
    return time.perf_counter() - start
