"""The limit reference: the least work a dyad-turn can cost on this machine, timed like the engine.

Per dyad-turn it does only what no implementation of the model can avoid: draw the same two
standard normals with the same generators (:class:`~nabij.engine.streams.BlockStreams`, block
by block), read every number of the dyad state once and write it back once. The state has
the engine's shape and dtype - the 13 float64 arrays of :class:`~nabij.model.state.DyadState`
for both people, laid out in tiles exactly as the fused kernel lays them out - and the update
``x + eps * (noise_a + noise_p)`` (``eps = 0`` at run time) keeps the compiler from skipping
the reads, the writes or the draws. Nothing else: no traits, no rules, no recording.
"""

from __future__ import annotations

import time
from dataclasses import fields
from typing import Any

import numba
import numpy as np

from nabij.engine.fused import NOISE_ACTUAL, NOISE_PERCEIVED, ROW, STATE, TILE
from nabij.engine.streams import BLOCK_SIZE, BlockStreams
from nabij.model.state import DyadState

__all__ = ["STATE_ROWS", "run_limit"]

#: Rows of dyad state: every field of DyadState, for both people.
STATE_ROWS = 2 * len(fields(DyadState))


@numba.njit(error_model="numpy")  # not cached: it freezes the engine's tile layout
def _touch_state(w: Any, eps: float) -> None:
    """Read and write every state number of the tile once, mixing in this turn's noise."""
    for i in range(TILE):
        noise = eps * (w[NOISE_ACTUAL * ROW + i] + w[NOISE_PERCEIVED * ROW + i])
        for r in range(STATE, STATE + STATE_ROWS):
            w[r * ROW + i] = w[r * ROW + i] + noise


def run_limit(n_dyads: int, n_turns: int, seed: int = 0) -> float:
    """Run the limit kernel over ``n_dyads`` x ``n_turns``; return the seconds it took."""
    root = np.random.SeedSequence(seed)
    work = np.full((NOISE_PERCEIVED + 1) * ROW, 0.5)
    rows = work.reshape(-1, ROW)
    _touch_state(work, 0.0)  # compile before timing
    start = time.perf_counter()
    for first in range(0, n_dyads, BLOCK_SIZE):
        m = min(BLOCK_SIZE, n_dyads - first)
        streams = BlockStreams(root, first // BLOCK_SIZE, m)
        for _ in range(n_turns):
            streams.normal(rows[NOISE_ACTUAL, :m])
            streams.normal(rows[NOISE_PERCEIVED, :m])
            _touch_state(work, 0.0)
    return time.perf_counter() - start
