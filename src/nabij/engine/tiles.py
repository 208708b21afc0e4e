"""The fast path of :func:`~nabij.simulate`: runs cut into tiles, tiles run on every core.

Each run's dyads are cut into *segments*, one per random-stream block (:mod:`.streams`).
Segments are packed into tiles of :data:`~nabij.engine.fused.TILE` slots, each starting at
a sub-tile boundary, so a tile can hold the small runs of many parameter sets
(:func:`~nabij.engine.simulate.simulate_many`). A tile's task builds its segments' starting
states (numpy, the model's own code), then runs the compiled turn loop
(:func:`~nabij.engine.kernel.run_turns`) over spans of turns: a span breaks where days pass
(:func:`~nabij.model.turn.pass_days`) and, only when a recorder asks for per-turn data,
after every turn. Tiles go to a thread pool; the kernel releases the GIL.

**Same numbers however the work is cut.** A dyad's numbers depend only on its run (people,
context, parameters, seed) and its block: each segment draws from its block's own
generator, in the block's fixed order (starting noise, then per turn one normal per dyad
for the actual and one for the perceived reaction), and a dyad never reads another's
slot. So the thread count, the packing and the batching of parameter sets change nothing
(``tests/engine/test_tiles.py``).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from nabij.engine.fused import (
    _NS,
    _NT,
    _OUTCOME_FIELDS,
    _PARAM_NAMES,
    _STATE_FIELDS,
    _TRAIT_FIELDS,
    DISPLAY,
    EXPOSURE,
    INTIMACY,
    LOAD,
    N_ROWS,
    OUTCOME,
    POWER_DOWN,
    ROW,
    STATE,
    TILE,
    TRAITS,
)
from nabij.engine.kernel import SUB, run_turns
from nabij.engine.runs import Run
from nabij.engine.streams import BLOCK_SIZE, BlockStreams
from nabij.model.state import DyadState, DyadTraits
from nabij.model.turn import TurnOutcome, pass_days
from nabij.protocols import Protocol

FloatArray = npt.NDArray[np.float64]

__all__ = ["MAX_SPAN", "default_threads", "run_tiles"]

#: The most turns one kernel call runs (bounds the noise drawn ahead: 2 MB a tile).
MAX_SPAN = 32
_LEFT = _STATE_FIELDS.index("left")


def default_threads() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@dataclass
class _Segment:
    """Dyads ``first .. stop - 1`` of run ``run`` (one block), at slot ``offset`` of its tile."""

    run: int
    first: int
    stop: int
    offset: int = 0

    @property
    def size(self) -> int:
        return self.stop - self.first

    @property
    def slots(self) -> int:
        return -(-self.size // SUB) * SUB


def _pack(runs: list[Run]) -> list[list[_Segment]]:
    """Every run's blocks as segments, packed in order into tiles at sub-tile boundaries."""
    tiles: list[list[_Segment]] = []
    used = TILE
    for r, run in enumerate(runs):
        for first in range(0, run.n, BLOCK_SIZE):
            seg = _Segment(r, first, min(run.n, first + BLOCK_SIZE))
            if used + seg.slots > TILE:
                tiles.append([])
                used = 0
            seg.offset = used
            used += seg.slots
            tiles[-1].append(seg)
    return tiles


def _spans(protocol: Protocol, every_turn: bool) -> list[tuple[int, int]]:
    """Runs of turns without days passing inside them (single turns when recording each)."""
    cuts = [t for t in range(len(protocol)) if every_turn or t == 0 or protocol.gap_days[t] > 0]
    spans = []
    for a, b in zip(cuts, [*cuts[1:], len(protocol)], strict=True):
        spans += [(t, min(t + MAX_SPAN, b)) for t in range(a, b, MAX_SPAN)]
    return spans


def _turn_table(protocol: Protocol) -> FloatArray:
    return np.ascontiguousarray(np.stack([
        protocol.speaker.astype(np.float64), protocol.topic_intimacy, protocol.valence,
        protocol.emotional, protocol.feedback, protocol.relevance], axis=1), dtype=np.float64)


class _Buffers(threading.local):
    """Each thread's tile and noise arrays, reused from tile to tile."""

    def __init__(self) -> None:
        self.tile = np.empty(N_ROWS * ROW)
        self.noise = np.zeros((MAX_SPAN, 2, TILE))


_buffers = _Buffers()


class _Placed:
    """One segment placed in a tile: its state as views of the tile, its generator."""

    def __init__(self, seg: _Segment, run: Run, rows: FloatArray) -> None:
        self.seg, self.run = seg, run
        a, m = seg.offset, seg.size
        index = np.arange(seg.first, seg.stop)
        streams = BlockStreams(run.root, run.block_offset + seg.first // BLOCK_SIZE, m)
        self.generator = streams.generators[0]
        self.traits = DyadTraits.pair(run.population, run.pairs.persons[seg.first:seg.stop])
        ctx = run.ctx.take(index)
        noise = streams.normal_rows(3)  # the pair's chemistry, then each person's taste
        initial = DyadState.initial(self.traits, ctx, run.params, noise[0], noise[1:],
                                    run.start.take(index))

        def pair(row: int, stride: int) -> FloatArray:
            return rows[row:row + stride + 1:stride, a:a + m]

        views: dict[str, Any] = {name: pair(STATE + k, _NS) for k, name in enumerate(_STATE_FIELDS)}
        for name, view in views.items():
            view[...] = getattr(initial, name)
        views["left"] = initial.left
        self.left_rows = pair(STATE + _LEFT, _NS)
        self.state = DyadState(**views)
        for k, name in enumerate(_TRAIT_FIELDS):
            pair(TRAITS + k, _NT)[...] = getattr(self.traits, name)
        rows[POWER_DOWN:POWER_DOWN + 2, a:a + m] = ctx.power_down
        rows[LOAD:LOAD + 2, a:a + m] = ctx.cognitive_load
        rows[DISPLAY, a:a + m] = ctx.display_norm
        # the dyad's exposure term of the self-protection goal (goals.self_protection_goal)
        rows[EXPOSURE, a:a + m] = ctx.identifiability * (0.5 + np.log(ctx.audience))
        self._rows = rows

    def outcome(self, t: int) -> TurnOutcome:
        a, m = self.seg.offset, self.seg.size
        values: dict[str, Any] = {name: self._rows[OUTCOME + k, a:a + m]
                                  for k, name in enumerate(_OUTCOME_FIELDS)}
        values["flooded"] = values["flooded"] != 0.0
        return TurnOutcome(speaker=int(self.run.protocol.speaker[t]),
                           intimacy=self._rows[INTIMACY:INTIMACY + 2, a:a + m], **values)


def _store(out: dict[str, np.ndarray], name: str, value: npt.ArrayLike, lead: tuple[int, ...],
           n: int, where: tuple[Any, ...], lock: threading.Lock) -> None:
    """``out[name][where] = value``, creating ``out[name]`` (shape ``lead + value's + (n,)``) once."""
    arr = np.asarray(value)
    if name not in out:
        with lock:
            if name not in out:
                out[name] = np.empty((*lead, *arr.shape[:-1], n), arr.dtype)
    out[name][where] = arr


def _run_tile(segments: list[_Segment], runs: list[Run], turns: FloatArray,
              spans: list[tuple[int, int]], lock: threading.Lock,
              advance: Callable[[int], None]) -> None:
    data, noise = _buffers.tile, _buffers.noise
    rows = data.reshape(N_ROWS, ROW)
    used = segments[-1].offset + segments[-1].slots
    rows[:, :used] = 0.5  # padding dyads compute harmless values
    noise[:, :, :used] = 0.0
    members = sorted({seg.run for seg in segments})
    params = np.array([[float(getattr(runs[r].params, name)) for name in _PARAM_NAMES]
                       for r in members])
    sub_set = np.concatenate([np.full(seg.slots // SUB, members.index(seg.run), dtype=np.int64)
                              for seg in segments])
    placed = [_Placed(seg, runs[seg.run], rows) for seg in segments]
    protocol = runs[segments[0].run].protocol
    for t0, t1 in spans:
        for p in placed:
            pass_days(p.state, p.traits, float(protocol.gap_days[t0]), p.run.params)
            p.left_rows[...] = p.state.left
            a, m = p.seg.offset, p.seg.size
            noise[:t1 - t0, :, a:a + m] = p.generator.standard_normal((t1 - t0, 2, m))
        run_turns(data, params, sub_set, len(sub_set), turns, t0, t1, noise)
        for p in placed:
            np.not_equal(p.left_rows, 0.0, out=p.state.left)
            reporters = p.run.record.turn_reporters
            if reporters:
                outcome = p.outcome(t0)
                for name, reporter in reporters.items():
                    _store(p.run.per_turn, name, reporter(p.state, outcome, p.run.params),
                           (len(protocol),), p.run.n, (t0, ..., slice(p.seg.first, p.seg.stop)), lock)
        advance(sum(seg.size for seg in segments) * (t1 - t0))
    for p in placed:
        for name in p.run.record.final_reporters:
            _store(p.run.final, name, p.run.record.call_final(name, p.state, p.run.params, p.traits),
                   (), p.run.n, (..., slice(p.seg.first, p.seg.stop)), lock)


def run_tiles(runs: list[Run], threads: int | None, advance: Callable[[int], None]) -> None:
    """Run every dyad of ``runs`` (one protocol, one recorder) and fill their outputs.

    ``threads``: worker threads (``None``: every core of this process). The numbers do not
    depend on it.
    """
    if not runs:
        return
    protocol, record = runs[0].protocol, runs[0].record
    if any(r.protocol is not protocol or r.record is not record for r in runs):
        raise ValueError("runs: a batch shares one protocol and one recorder")
    n_threads = default_threads() if threads is None else threads
    if n_threads < 1:
        raise ValueError(f"threads: expected at least 1, got {n_threads}")
    tiles = _pack(runs)
    turns = _turn_table(protocol)
    spans = _spans(protocol, every_turn=bool(record.turn_reporters))
    lock = threading.Lock()
    if n_threads == 1 or len(tiles) == 1:
        for segments in tiles:
            _run_tile(segments, runs, turns, spans, lock, advance)
        return
    with ThreadPoolExecutor(max_workers=min(n_threads, len(tiles))) as pool:
        for future in [pool.submit(_run_tile, segments, runs, turns, spans, lock, advance)
                       for segments in tiles]:
            future.result()
