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

import itertools
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
from nabij.engine.runs import Run, turns_key
from nabij.engine.streams import BLOCK_SIZE, BlockStreams
from nabij.model.context import ResolvedContext
from nabij.model.elementwise import param_values
from nabij.model.params import Params
from nabij.model.start import ResolvedStart
from nabij.model.state import DyadState, DyadTraits
from nabij.model.turn import TurnOutcome, pass_days
from nabij.protocols import Protocol

FloatArray = npt.NDArray[np.float64]

__all__ = ["MAX_SPAN", "default_threads", "run_tiles"]

#: The most turns one kernel call runs on a full tile; a tile with fewer slots runs
#: proportionally more (100 dyads: every turn of the 36 questions in one call), so the noise
#: drawn ahead stays within MAX_SPAN x 2 x TILE numbers (2 MB) and small runs make one
#: kernel call, one draw per block and one hand-over to a helper thread per session.
MAX_SPAN = 32
#: The least kernel work (dyad slots x turns) worth sharing between threads: below it,
#: handing half to another thread (tens of microseconds) costs more than it saves.
MIN_SPLIT = 1024
#: Up to this many tiles recorded every turn run one after another (see run_tiles).
SERIAL_TILES = 4
_LEFT = _STATE_FIELDS.index("left")
_FLOODED = _OUTCOME_FIELDS.index("flooded")


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


def _pack(runs: list[Run], workers: int = 1) -> list[list[_Segment]]:
    """Every run's blocks as segments, packed in order into tiles at sub-tile boundaries.

    Tiles hold up to :data:`TILE` slots; a segment is never split. Many small segments (a
    batch of small runs) are spread evenly over a number of tiles that is a multiple of
    ``workers``, so that every thread gets the same work (three full tiles and a small one
    would keep one thread busy twice as long as the other); where segments are too coarse
    for that (whole blocks), tiles are filled one after another.
    """
    segments = [_Segment(r, first, min(run.n, first + BLOCK_SIZE))
                for r, run in enumerate(runs) for first in range(0, run.n, BLOCK_SIZE)]
    total = sum(seg.slots for seg in segments)
    n_tiles = -(-total // TILE)
    n_tiles = -(-n_tiles // workers) * workers
    groups: list[list[_Segment]] = [[] for _ in range(n_tiles)]
    start = 0
    for seg in segments:  # by where the segment starts: n_tiles runs of about total / n_tiles
        groups[start * n_tiles // total].append(seg)
        start += seg.slots
    tiles = [g for g in groups if g]
    if any(sum(seg.slots for seg in g) > TILE for g in tiles):
        tiles = _fill(segments)
    for tile in tiles:
        used = 0
        for seg in tile:
            seg.offset = used
            used += seg.slots
    return tiles


def _fill(segments: list[_Segment]) -> list[list[_Segment]]:
    """The segments in order, a new tile whenever the next one does not fit."""
    tiles: list[list[_Segment]] = []
    used = TILE
    for seg in segments:
        if used + seg.slots > TILE:
            tiles.append([])
            used = 0
        used += seg.slots
        tiles[-1].append(seg)
    return tiles


def _vector(params: Params) -> tuple[float, ...]:
    """The parameters in the kernel's order (converted once per parameter set)."""
    values: tuple[float, ...] = param_values(params)
    return values


def _sessions(protocol: Protocol, every_turn: bool) -> list[tuple[int, int]]:
    """Runs of turns without days passing inside them (single turns when recording each)."""
    cuts = [t for t in range(len(protocol)) if every_turn or t == 0 or protocol.gap_days[t] > 0]
    return list(zip(cuts, [*cuts[1:], len(protocol)], strict=True))


def _spans(sessions: list[tuple[int, int]], longest: int) -> list[tuple[int, int]]:
    """The sessions cut into spans of at most ``longest`` turns (one kernel call each)."""
    return [(t, min(t + longest, b)) for a, b in sessions for t in range(a, b, longest)]


def _turn_table(protocol: Protocol) -> FloatArray:
    return np.ascontiguousarray(np.stack([
        protocol.speaker.astype(np.float64), protocol.topic_intimacy, protocol.valence,
        protocol.emotional, protocol.feedback, protocol.relevance, protocol.cost], axis=1),
        dtype=np.float64)


#: The turn tables and spans of protocols run lately, by identity (a protocol's arrays are
#: read-only, so what is derived from them stays right; each entry holds its protocol). The
#: kernel only reads the table.
_TABLES: dict[tuple[int, bool], tuple[Protocol, FloatArray, list[tuple[int, int]]]] = {}


def _tables(protocol: Protocol, every_turn: bool) -> tuple[FloatArray, list[tuple[int, int]]]:
    """:func:`_turn_table` and :func:`_sessions` of ``protocol``, derived once per protocol."""
    key = (id(protocol), every_turn)
    entry = _TABLES.get(key)
    if entry is None or entry[0] is not protocol:
        if len(_TABLES) >= 256:
            _TABLES.clear()
        entry = _TABLES[key] = (protocol, _turn_table(protocol), _sessions(protocol, every_turn))
    return entry[1], list(entry[2])


class _Buffers(threading.local):
    """Each thread's tile and noise arrays, reused from tile to tile."""

    def __init__(self) -> None:
        self.tile = np.empty(N_ROWS * ROW)
        self.noise = np.zeros((MAX_SPAN, 2, TILE))


_buffers = _Buffers()


#: A starting state and the parameters it was built with.
_Start = tuple[Params, DyadState]


class _Shared:
    """What the segments of one tile compute once and share.

    Runs of a batch may share their people, pairing, context and start; runs with the same
    seed also share each block's random stream, and runs with equal parameters the
    starting state itself. A sweep with common random numbers thus draws its numbers once
    per block, not once per grid point. Sharing changes no number.
    """

    def __init__(self) -> None:
        self.inputs: dict[tuple[Any, ...], tuple[DyadTraits, ResolvedContext, ResolvedStart]] = {}
        self.streams: dict[tuple[Any, ...], tuple[np.random.Generator, FloatArray]] = {}
        self.starts: dict[tuple[Any, ...], list[_Start]] = {}

    def prepare(self, seg: _Segment,
                run: Run) -> tuple[DyadTraits, ResolvedContext, DyadState, tuple[Any, ...]]:
        """The segment's traits, context and starting state, and the key of its random stream."""
        in_key = (id(run.population), id(run.pairs), id(run.ctx), id(run.start), seg.first, seg.stop)
        if in_key not in self.inputs:
            index = np.arange(seg.first, seg.stop)
            self.inputs[in_key] = (DyadTraits.pair(run.population, run.pairs.persons[seg.first:seg.stop]),
                                   run.ctx.take(index), run.start.take(index))
        traits, ctx, start = self.inputs[in_key]
        block = run.block_offset + seg.first // BLOCK_SIZE
        stream_key = (repr(run.root.entropy), tuple(run.root.spawn_key), run.root.pool_size, block, seg.size)
        if stream_key not in self.streams:
            streams = BlockStreams(run.root, block, seg.size)
            # the pair's chemistry, then each person's taste: drawn before any turn
            self.streams[stream_key] = (streams.generators[0], streams.normal_rows(3))
        noise = self.streams[stream_key][1]
        candidates = self.starts.setdefault((in_key, stream_key), [])
        for params, state in candidates:
            if params is run.params or params == run.params:
                return traits, ctx, state, stream_key
        initial = DyadState.initial(traits, ctx, run.params, noise[0], noise[1:], start)
        candidates.append((run.params, initial))
        return traits, ctx, initial, stream_key


class _Placed:
    """One segment placed in a tile: its state as views of the tile, its random stream."""

    def __init__(self, seg: _Segment, run: Run, rows: FloatArray, shared: _Shared) -> None:
        self.seg, self.run = seg, run
        a, m = seg.offset, seg.size
        self.traits, ctx, initial, self.stream = shared.prepare(seg, run)

        def pair(row: int, stride: int) -> FloatArray:
            return rows[row:row + stride + 1:stride, a:a + m]

        views: dict[str, Any] = {name: pair(STATE + k, _NS) for k, name in enumerate(_STATE_FIELDS)}
        for name, view in views.items():
            view[...] = getattr(initial, name)
        views["left"] = initial.left.copy()
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
        self._outcome: TurnOutcome | None = None

    def outcome(self, t: int) -> TurnOutcome:
        """What turn ``t`` (the last one run) did: views of the tile, valid until the next."""
        a, m = self.seg.offset, self.seg.size
        if self._outcome is None:
            values: dict[str, Any] = {name: self._rows[OUTCOME + k, a:a + m]
                                      for k, name in enumerate(_OUTCOME_FIELDS)}
            self._outcome = TurnOutcome(speaker=0, intimacy=self._rows[INTIMACY:INTIMACY + 2, a:a + m],
                                        **values)
        flooded = self._rows[OUTCOME + _FLOODED, a:a + m] != 0.0
        return self._outcome._replace(speaker=int(self.run.protocol.speaker[t]), flooded=flooded)


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
              sessions: list[tuple[int, int]], lock: threading.Lock,
              advance: Callable[[int], None], helpers: tuple[ThreadPoolExecutor, int] | None = None) -> None:
    """Run one tile. ``helpers``: a pool and how many of its threads share the kernel's work."""
    data = _buffers.tile
    rows = data.reshape(N_ROWS, ROW)
    used = segments[-1].offset + segments[-1].slots
    rows[:, :used] = 0.5  # padding dyads compute harmless values
    longest = MAX_SPAN * TILE // used  # turns per kernel call: the noise stays within the buffer
    spans = _spans(sessions, longest)
    longest = max(t1 - t0 for t0, t1 in spans)
    noise = _buffers.noise.reshape(-1)[:longest * 2 * used].reshape(longest, 2, used)
    members = sorted({seg.run for seg in segments})
    params = np.array([_vector(runs[r].params) for r in members])
    sub_set = np.concatenate([np.full(seg.slots // SUB, members.index(seg.run), dtype=np.int64)
                              for seg in segments])
    shared = _Shared()
    placed = [_Placed(seg, runs[seg.run], rows, shared) for seg in segments]
    protocol = runs[segments[0].run].protocol
    parts = min(len(sub_set), 1 + helpers[1]) if helpers is not None else 1
    cuts = [len(sub_set) * k // parts for k in range(parts + 1)]
    for t0, t1 in spans:
        days = float(protocol.gap_days[t0])
        for p in placed if days > 0 else ():
            pass_days(p.state, p.traits, days, p.run.params)
            p.left_rows[...] = p.state.left
        drawn = {key: generator.standard_normal((t1 - t0, 2, key[-1]))
                 for key, (generator, _) in shared.streams.items()}
        for p in placed:
            a, m = p.seg.offset, p.seg.size
            noise[:t1 - t0, :, a:a + m] = drawn[p.stream]
            noise[:t1 - t0, :, a + m:a + p.seg.slots] = 0.0  # the padding dyads' noise
        if len(cuts) == 2 or (t1 - t0) * len(sub_set) * SUB < MIN_SPLIT:
            run_turns(data, params, sub_set, len(sub_set), turns, t0, t1, noise)
        else:  # sub-tiles split between this thread and helper threads (disjoint dyads)
            assert helpers is not None
            others = []
            for j0, j1 in itertools.pairwise(cuts[1:]):
                part = np.ascontiguousarray(noise[:t1 - t0, :, j0 * SUB:j1 * SUB])  # a tile from j0 on
                others.append(helpers[0].submit(run_turns, data[j0 * SUB:], params, sub_set[j0:j1],
                                                j1 - j0, turns, t0, t1, part))
            run_turns(data, params, sub_set, cuts[1], turns, t0, t1, noise)
            for future in others:
                future.result()
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
    """Run every dyad of ``runs`` (the same turns; each its own recorder) and fill their outputs.

    ``threads``: worker threads (``None``: every core of this process). The numbers do not
    depend on it.
    """
    if not runs:
        return
    protocol, every_turn = runs[0].protocol, bool(runs[0].record.turn_reporters)
    if any(bool(r.record.turn_reporters) != every_turn for r in runs):
        raise ValueError("runs: a batch records per turn in all its runs or in none")
    if any(r.protocol is not protocol for r in runs):
        key = turns_key(protocol)
        if any(turns_key(r.protocol) != key for r in runs if r.protocol is not protocol):
            raise ValueError("runs: a batch shares one protocol (the same turns)")
    n_threads = default_threads() if threads is None else threads
    if n_threads < 1:
        raise ValueError(f"threads: expected at least 1, got {n_threads}")
    # spans of one turn (per-turn recording) leave the kernel little to share: one thread's
    # tiles then, and Python's per-turn work is not split between threads that wait on the GIL
    tiles = _pack(runs, 1 if every_turn else n_threads)
    turns, sessions = _tables(protocol, every_turn)
    lock = threading.Lock()
    if n_threads == 1:
        for segments in tiles:
            _run_tile(segments, runs, turns, sessions, lock, advance)
        return
    if len(tiles) == 1 or (every_turn and len(tiles) <= SERIAL_TILES):
        # a small run, or a few tiles stepped one turn at a time: tile by tile in this
        # thread (tiles in parallel would wait on each other's Python work for the GIL),
        # each tile's sub-tiles shared between the cores where a span has enough work
        for segments in tiles:
            _run_tile(segments, runs, turns, sessions, lock, advance, (_pool(n_threads - 1), n_threads - 1))
        return
    pool = _pool(min(n_threads, len(tiles)))
    for future in [pool.submit(_run_tile, segments, runs, turns, sessions, lock, advance)
                   for segments in tiles]:
        future.result()


_pools: dict[int, ThreadPoolExecutor] = {}
_pools_lock = threading.Lock()


def _pool(workers: int) -> ThreadPoolExecutor:
    """A pool of ``workers`` threads, kept for the process (their tile buffers stay warm)."""
    with _pools_lock:
        if workers not in _pools:
            _pools[workers] = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="nabij-tile")
        return _pools[workers]
