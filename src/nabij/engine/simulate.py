"""Run N dyads through a protocol: the engine that steps the model.

``simulate(population, pairing, protocol, ...)`` validates its inputs, cuts the dyads into
chunks (memory stays bounded), and for each chunk creates the initial state, lets days pass
where the protocol says so, takes every turn (:func:`nabij.model.turn.take_turn`) and calls
the declared reporters. Randomness comes from per-block streams (:mod:`.streams`), so the
result depends only on the seed, never on the chunking.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import fields
from typing import Literal, TypeVar

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_seed_sequence, describe, spawn
from nabij.engine.gather import gathering
from nabij.engine.pairing import Pairing
from nabij.engine.progress import progress_bar
from nabij.engine.recording import Recorder
from nabij.engine.result import SimulationResult
from nabij.engine.runs import Run
from nabij.engine.streams import BLOCK_SIZE, BlockStreams
from nabij.model.context import Context, ResolvedContext
from nabij.model.params import Params
from nabij.model.start import Start
from nabij.model.state import DyadState, DyadTraits
from nabij.model.traits import Population
from nabij.model.turn import TurnInput, TurnOutcome, pass_days, take_turn
from nabij.protocols import Protocol as TurnProtocol
from nabij.protocols import get_protocol

R = TypeVar("R")
FloatArray = npt.NDArray[np.float64]

__all__ = ["replicate", "simulate", "simulate_many"]

#: Dyads stepped together by the reference kernel; a multiple of BLOCK_SIZE. Bounds memory,
#: not results. (The fused kernel runs tiles of BLOCK_SIZE dyads; :mod:`.tiles`.)
CHUNK_DYADS = 64 * BLOCK_SIZE

#: How a turn is computed: ``"fused"`` (one compiled, vectorized loop; :mod:`.fused`) or
#: ``"reference"`` (:func:`~nabij.model.turn.take_turn`, one numpy expression per rule).
Kernel = Literal["fused", "reference"]


def _as_pairing(pairing: Pairing | npt.ArrayLike) -> Pairing:
    return pairing if isinstance(pairing, Pairing) else Pairing(np.asarray(pairing))


def simulate(
    population: Population,
    pairing: Pairing | npt.ArrayLike,
    protocol: TurnProtocol | str,
    context: Context | None = None,
    params: Params | None = None,
    rng: RngLike = None,
    record: Recorder | None = None,
    progress: bool = False,
    block_offset: int = 0,
    *,
    kernel: Kernel = "fused",
    start: Start | None = None,
    threads: int | None = None,
) -> SimulationResult:
    """Simulate every dyad of ``pairing`` through ``protocol``; return the recorded result.

    - ``population``: the people (:func:`~nabij.sample_population`).
    - ``pairing``: who meets whom (:func:`~nabij.fixed_pairs`, ``round_robin``, ...).
    - ``protocol``: a :class:`~nabij.Protocol` or a name from ``nabij.PROTOCOLS``.
    - ``context``: the situation (default: strangers, equal power).
    - ``params``: model parameters (default: :class:`~nabij.Params`).
    - ``rng``: seed, SeedSequence or Generator; the result keeps it (``rng_state``).
    - ``record``: what to keep (default: depth, perceived responsiveness and intimacy per
      turn, every outcome at the end). Recording every turn costs a kernel call per turn.
    - ``block_offset``: the index of the first random-stream block, to run a block-aligned
      part of a larger run exactly as it would run inside it.
    - ``kernel``: ``"fused"`` (fast, the default) or ``"reference"`` (the per-rule array
      functions, the documented form of the model); the two agree to float rounding.
    - ``start``: starting values and inputs per dyad or per person (initial liking, regard,
      expected responsiveness, an instruction, attitude similarity; :class:`~nabij.Start`);
      anything left out starts where the model puts it.
    - ``threads``: worker threads of the fused kernel (default: every core); the result
      is the same for any number.
    """
    return simulate_many(population, pairing, protocol, [params or _default_params()], context, [rng],
                         record, progress, block_offset, kernel=kernel, start=start,
                         threads=threads)[0]


def simulate_many(
    population: Population,
    pairing: Pairing | npt.ArrayLike,
    protocol: TurnProtocol | str,
    params: Sequence[Params],
    context: Context | None = None,
    rng: RngLike | Sequence[RngLike] = None,
    record: Recorder | None = None,
    progress: bool = False,
    block_offset: int = 0,
    *,
    kernel: Kernel = "fused",
    start: Start | None = None,
    threads: int | None = None,
) -> list[SimulationResult]:
    """One simulation per parameter set, run as one batch: ``[simulate(..., params=p) ...]``.

    The same people, pairing, protocol, context and start for every set; ``rng`` is one
    seed for all sets or a sequence with one seed per set. The fused kernel packs the
    sets' dyads together into its tiles, so many small runs (a sweep over a grid, a
    calibration's simulations) cost what one large run costs; each result is identical to
    that of its own :func:`simulate` call (``tests/engine/test_tiles.py``).
    """
    if not isinstance(population, Population):
        raise TypeError("population: expected a nabij.Population (see nabij.sample_population)")
    pairs = _as_pairing(pairing)
    pairs.check_population(len(population))
    proto = get_protocol(protocol) if isinstance(protocol, str) else protocol
    if not isinstance(proto, TurnProtocol):
        raise TypeError("protocol: expected a nabij.Protocol or the name of one")
    if isinstance(params, Params) or not all(isinstance(p, Params) for p in params):
        raise TypeError("params: expected a sequence of nabij.Params, one per simulation")
    prms = [_validated(p) for p in params]
    seeds = list(rng) if isinstance(rng, Sequence) else [rng] * len(prms)
    if len(seeds) != len(prms):
        raise ValueError(f"rng: expected one seed or {len(prms)} (one per parameter set), got {len(seeds)}")
    ctx = _resolved(context, len(pairs))
    rec = record or Recorder()
    if block_offset < 0:
        raise ValueError(f"block_offset: must be >= 0, got {block_offset}")
    if kernel not in ("fused", "reference"):
        raise ValueError(f"kernel: expected 'fused' or 'reference', got {kernel!r}")
    if start is not None and not isinstance(start, Start):
        raise TypeError("start: expected a nabij.Start (or None for the model's own start)")
    given = (start or Start()).resolve(len(pairs))
    runs = [Run(population, pairs, proto, ctx, prm, as_seed_sequence(seed), given, block_offset, rec)
            for prm, seed in zip(prms, seeds, strict=True)]
    if kernel == "fused":
        from nabij.engine.warm import ensure_compiled  # here: `python -m nabij.engine.warm` runs it

        ensure_compiled(announce=progress)
    total = sum(r.n for r in runs) * len(proto)
    label = f"{proto.name}: {len(pairs):,} dyads" + (f" x {len(runs)} sets" if len(runs) > 1 else "")
    with progress_bar(progress, total, label) as advance:
        gatherer = gathering() if kernel == "fused" and not progress else None
        if gatherer is not None:  # inside run_together: run with the other studies' calls
            gatherer.submit(runs)
        elif kernel == "fused":
            from nabij.engine.tiles import run_tiles  # imported here: numba loads in ~0.5 s

            run_tiles(runs, threads, advance)
        else:
            for run in runs:
                _run_reference(run, advance)
    return [SimulationResult(
        protocol=proto, pairing=pairs, per_turn=run.per_turn, final=run.final, params=run.params,
        population=population,
        rng_state={**describe(run.root), "block_size": BLOCK_SIZE, "block_offset": block_offset},
    ) for run in runs]


@functools.cache
def _default_params() -> Params:
    """The model's defaults, built once (a Params is frozen: one object serves every call)."""
    return Params()


#: Parameter sets found valid lately, by identity (each entry holds its object, so the id is
#: not reused while the entry lives; a Params is frozen, so it stays valid).
_VALID: dict[int, Params] = {}
_VALID_MAX = 256


def _validated(params: Params) -> Params:
    """``params.validate()``: the same check, against ranges read once (it runs every call).

    Only when a value is out of range, or not a finite number, does ``validate`` run, to
    raise its own error. A parameter set checked lately is not checked again.
    """
    if _VALID.get(id(params)) is params:
        return params
    for name, low, high in _ranges():
        value = getattr(params, name)
        if not (isinstance(value, int | float) and low <= value <= high and math.isfinite(value)):
            return params.validate()
    if len(_VALID) >= _VALID_MAX:
        _VALID.clear()
    _VALID[id(params)] = params
    return params


#: Contexts are kept for runs up to this many dyads (64 bytes a dyad: at most half a MB an
#: entry); a larger run spends far longer in the kernel than in resolving its context.
KEEP_CONTEXT_UP_TO = 8192


def _resolved(context: Context | None, n: int) -> ResolvedContext:
    """``context.resolve(n)``, kept for contexts given as plain numbers and names (the usual
    case: most studies simulate strangers at the defaults, call after call).

    The arrays of a kept context are read-only, so no caller can change another's. A
    context holding arrays, or one for more than :data:`KEEP_CONTEXT_UP_TO` dyads, is
    resolved afresh.
    """
    ctx = context or Context()
    values = tuple(getattr(ctx, f.name) for f in fields(ctx))
    if n > KEEP_CONTEXT_UP_TO or not all(v is None or type(v) in (str, int, float) for v in values):
        return ctx.resolve(n)
    return _resolved_plain(tuple(map(repr, values)), ctx, n)  # repr: 1 != 1.0, 0.0 != -0.0


@functools.lru_cache(maxsize=64)
def _resolved_plain(key: tuple[str, ...], context: Context, n: int) -> ResolvedContext:
    resolved = context.resolve(n)
    for f in fields(resolved):
        getattr(resolved, f.name).flags.writeable = False
    return resolved


@functools.cache
def _ranges() -> tuple[tuple[str, float, float], ...]:
    from nabij.model import param_specs

    return tuple((s.name, s.low, s.high) for s in param_specs())


def _run_reference(run: Run, advance: Callable[[int], None]) -> None:
    """The reference kernel (:func:`~nabij.model.turn.take_turn`), chunk by chunk."""
    n, n_turns, prm, rec = run.n, len(run.protocol), run.params, run.record
    turn_list = list(run.protocol.turns())
    for first in range(0, n, CHUNK_DYADS):
        stop = min(n, first + CHUNK_DYADS)
        index = np.arange(first, stop)
        streams = BlockStreams(run.root, run.block_offset + first // BLOCK_SIZE, stop - first)
        traits = DyadTraits.pair(run.population, run.pairs.persons[first:stop])
        cctx = run.ctx.take(index)
        noise = streams.normal_rows(3)  # the pair's chemistry, then each person's taste
        initial = DyadState.initial(traits, cctx, prm, noise[0], noise[1:], run.start.take(index))
        stepper = _ReferenceStepper(initial, traits, cctx, prm)
        state = stepper.state
        for t, (gap, turn) in enumerate(turn_list):
            pass_days(state, traits, gap, prm)
            streams.normal(stepper.noise_actual)
            streams.normal(stepper.noise_perceived)
            stepper.step(turn)
            if rec.turn_reporters:
                outcome = stepper.outcome(turn)
            for name, reporter in rec.turn_reporters.items():
                value = np.asarray(reporter(state, outcome, prm))
                if name not in run.per_turn:
                    run.per_turn[name] = np.empty((n_turns, *value.shape[:-1], n), value.dtype)
                run.per_turn[name][t, ..., first:stop] = value
            advance(stop - first)
        for name in rec.final_reporters:
            value = np.asarray(rec.call_final(name, state, prm, traits))
            if name not in run.final:
                run.final[name] = np.empty((*value.shape[:-1], n), value.dtype)
            run.final[name][..., first:stop] = value


class _ReferenceStepper:
    """The reference kernel: :func:`~nabij.model.turn.take_turn`."""

    def __init__(self, state: DyadState, traits: DyadTraits, ctx: ResolvedContext,
                 params: Params) -> None:
        self.state, self._traits, self._ctx, self._params = state, traits, ctx, params
        self.noise_actual = np.empty(state.n_dyads)
        self.noise_perceived = np.empty(state.n_dyads)
        self._outcome: TurnOutcome | None = None

    def step(self, turn: TurnInput) -> None:
        self._outcome = take_turn(self.state, self._traits, self._ctx, turn, self.noise_actual,
                                  self.noise_perceived, self._params)

    def outcome(self, turn: TurnInput) -> TurnOutcome:
        assert self._outcome is not None, "outcome() before step()"
        return self._outcome


def replicate(run: Callable[[np.random.SeedSequence], R], rng: RngLike,
              replications: int) -> list[R]:
    """Run ``run(seed)`` once per seed spawned from ``rng`` (independent replications)."""
    seeds: Sequence[np.random.SeedSequence] = spawn(rng, replications)
    return [run(seed) for seed in seeds]
