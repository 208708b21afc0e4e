"""The compiled turn loop: many turns for the filled part of a tile, without the GIL.

:mod:`.fused` compiles the model's turn for one dyad and lays a tile of dyads out in one
array. This module runs that turn over a *span* of turns in one call:

- **Sub-tiles.** A tile is walked in fixed sub-tiles of :data:`SUB` dyads, and only the
  sub-tiles that hold dyads are computed, so 100 dyads cost seven sub-tiles of 16, not a
  tile of 4,096. The inner loop keeps its fixed length, which keeps it vectorized (a loop over a
  variable number of dyads measured 4-5x slower).
- **Parameter sets per sub-tile.** Each sub-tile names the row of ``params`` its dyads run
  with, so one call can advance dyads of many parameter sets (batched sweeps).
- **The turn loop inside.** Turns ``t0 .. t1 - 1`` of the protocol run in one call; the
  two standard normals each dyad needs per turn are read from ``noise`` (drawn beforehand
  by numpy from each block's own generator, in the order the block always draws them).
- **No GIL** (``nogil=True``): tiles run in parallel threads.
"""

from __future__ import annotations

from typing import Any

try:
    import numba
except ImportError as _absent:  # a light install (the journal): say which extra brings it
    from nabij.extras import missing

    raise missing("numba", "lab", "The fast simulation kernel (nabij.engine.kernel)") from _absent

from nabij.engine import fused
from nabij.engine.fused import (
    DISPLAY,
    EXPOSURE,
    INTIMACY,
    LOAD,
    NOISE_ACTUAL,
    NOISE_PERCEIVED,
    OUTCOME,
    POWER_DOWN,
    ROW,
    _dyad_turn,
    _make_params,
    _person,
    _put,
    _store,
    _traits,
)
from nabij.model.elementwise import numba_cache_dir

__all__ = ["SUB", "run_turns"]

#: Dyads per sub-tile: the fixed length of the vectorized inner loop. 16 rather than 64:
#: as fast per dyad on a full tile, and a run pads to a multiple of 16 dyads, not of 64
#: (200 dyads fill 208 slots, not 256: a sweep of 200-dyad points measured 9% faster).
SUB = 16


@numba.njit(error_model="numpy", inline="always")
def _sub_turn(w: Any, p: Any, s: int, lst: int, base: int, topic: float, valence: float,
              emotional: float, feedback: float, relevance: float, cost: float) -> None:
    """One turn for the :data:`SUB` dyads from ``base`` on, speaker ``s`` (constant once inlined)."""
    for k in range(SUB):
        i = base + k
        me, you, v = _dyad_turn(
            _person(w, s, i), _person(w, lst, i), _traits(w, s, i), _traits(w, lst, i),
            w[(POWER_DOWN + s) * ROW + i], w[(LOAD + s) * ROW + i], w[DISPLAY * ROW + i],
            w[EXPOSURE * ROW + i], topic, valence, emotional, feedback, relevance, cost,
            w[NOISE_ACTUAL * ROW + i], w[NOISE_PERCEIVED * ROW + i], p)
        _store(w, s, i, me)
        _store(w, lst, i, you)
        _put(w, OUTCOME * ROW + i,
             (v.topic_intimacy, v.willingness, v.depth, v.kept_depth, v.breadth, v.edited,
              1.0 if v.flooded else 0.0, v.actual_responsiveness, v.perceived_responsiveness,
              v.new_hurt))
        w[(INTIMACY + s) * ROW + i] = v.intimacy_speaker
        w[(INTIMACY + lst) * ROW + i] = v.intimacy_listener


def _compile() -> Any:
    with numba_cache_dir(fused._cache_dir()):  # the setting numba reads, held against other threads
        @numba.njit(cache=True, error_model="numpy", nogil=True)
        def run_turns(w: Any, params: Any, sub_set: Any, n_sub: int, turns: Any, t0: int, t1: int,
                      noise: Any) -> None:
            """Turns ``t0 .. t1 - 1`` for sub-tiles ``0 .. n_sub - 1`` of the tile ``w``.

            ``params[sub_set[j]]`` are sub-tile j's parameters; ``turns`` is the protocol,
            one row per turn (speaker, topic intimacy, valence, emotional, feedback,
            relevance, cost); ``noise[t - t0, 0 or 1, i]`` dyad i's actual and perceived noise.
            A view of a tile that starts at a sub-tile boundary is a tile of the sub-tiles
            from there on (the rows keep their distance), so calls on disjoint ranges of
            sub-tiles touch disjoint dyads and may run at once. (Loop bounds that start at 0
            and a fixed-length inner loop: a range ``j0 .. j1`` measured 18% slower.)
            """
            n = n_sub * SUB
            for t in range(t0, t1):
                for i in range(n):
                    w[NOISE_ACTUAL * ROW + i] = noise[t - t0, 0, i]
                    w[NOISE_PERCEIVED * ROW + i] = noise[t - t0, 1, i]
                speaker = turns[t, 0]
                topic, valence, emotional = turns[t, 1], turns[t, 2], turns[t, 3]
                feedback, relevance, cost = turns[t, 4], turns[t, 5], turns[t, 6]
                for j in range(n_sub):
                    p = _make_params(params[sub_set[j]])
                    if speaker == 0.0:
                        _sub_turn(w, p, 0, 1, j * SUB, topic, valence, emotional, feedback,
                                  relevance, cost)
                    else:
                        _sub_turn(w, p, 1, 0, j * SUB, topic, valence, emotional, feedback,
                                  relevance, cost)
        return run_turns


run_turns = _compile()
