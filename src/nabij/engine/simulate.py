"""Run N dyads through a protocol: the engine that steps the model.

``simulate(population, pairing, protocol, ...)`` validates its inputs, cuts the dyads into
chunks (memory stays bounded), and for each chunk creates the initial state, lets days pass
where the protocol says so, takes every turn (:func:`nabij.model.turn.take_turn`) and calls
the declared reporters. Randomness comes from per-block streams (:mod:`.streams`), so the
result depends only on the seed, never on the chunking.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Literal, Protocol, TypeVar

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_seed_sequence, describe, spawn
from nabij.engine.pairing import Pairing
from nabij.engine.progress import progress_bar
from nabij.engine.recording import Recorder
from nabij.engine.result import SimulationResult
from nabij.engine.streams import BLOCK_SIZE, BlockStreams
from nabij.engine.warm import ensure_compiled
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

__all__ = ["replicate", "simulate"]

#: Dyads stepped together by the reference kernel; a multiple of BLOCK_SIZE. Bounds memory,
#: not results. (The fused kernel steps one tile of BLOCK_SIZE dyads at a time.)
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
) -> SimulationResult:
    """Simulate every dyad of ``pairing`` through ``protocol``; return the recorded result.

    - ``population``: the people (:func:`~nabij.sample_population`).
    - ``pairing``: who meets whom (:func:`~nabij.fixed_pairs`, ``round_robin``, ...).
    - ``protocol``: a :class:`~nabij.Protocol` or a name from ``nabij.PROTOCOLS``.
    - ``context``: the situation (default: strangers, equal power).
    - ``params``: model parameters (default: :class:`~nabij.Params`).
    - ``rng``: seed, SeedSequence or Generator; the result keeps it (``rng_state``).
    - ``record``: what to keep (default: depth, perceived responsiveness and intimacy per
      turn, every outcome at the end).
    - ``block_offset``: the index of the first random-stream block, to run a block-aligned
      part of a larger run exactly as it would run inside it.
    - ``kernel``: ``"fused"`` (fast, the default) or ``"reference"`` (the per-rule numpy
      functions, the documented form of the model); the two agree to float rounding.
    - ``start``: starting values and inputs per dyad or per person (initial liking, regard,
      expected responsiveness, an instruction, attitude similarity; :class:`~nabij.Start`);
      anything left out starts where the model puts it.
    """
    if not isinstance(population, Population):
        raise TypeError("population: expected a nabij.Population (see nabij.sample_population)")
    pairs = _as_pairing(pairing)
    pairs.check_population(len(population))
    proto = get_protocol(protocol) if isinstance(protocol, str) else protocol
    if not isinstance(proto, TurnProtocol):
        raise TypeError("protocol: expected a nabij.Protocol or the name of one")
    prm = (params or Params()).validate()
    ctx = (context or Context()).resolve(len(pairs))
    rec = record or Recorder()
    if block_offset < 0:
        raise ValueError(f"block_offset: must be >= 0, got {block_offset}")
    if kernel not in ("fused", "reference"):
        raise ValueError(f"kernel: expected 'fused' or 'reference', got {kernel!r}")
    if start is not None and not isinstance(start, Start):
        raise TypeError("start: expected a nabij.Start (or None for the model's own start)")
    given = (start or Start()).resolve(len(pairs))
    root = as_seed_sequence(rng)
    if kernel == "fused":
        ensure_compiled(announce=progress)

    n, n_turns = len(pairs), len(proto)
    per_turn: dict[str, np.ndarray] = {}
    final: dict[str, np.ndarray] = {}
    turn_list = list(proto.turns())

    with progress_bar(progress, n * n_turns, f"{proto.name}: {n:,} dyads") as advance:
        chunk = BLOCK_SIZE if kernel == "fused" else CHUNK_DYADS
        for first in range(0, n, chunk):
            stop = min(n, first + chunk)
            index = np.arange(first, stop)
            streams = BlockStreams(root, block_offset + first // BLOCK_SIZE, stop - first)
            traits = DyadTraits.pair(population, pairs.persons[first:stop])
            cctx = ctx.take(index)
            noise = streams.normal_rows(3)  # the pair's chemistry, then each person's taste
            initial = DyadState.initial(traits, cctx, prm, noise[0], noise[1:], given.take(index))
            stepper = _stepper(kernel, initial, traits, cctx, prm)
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
                    if name not in per_turn:
                        per_turn[name] = np.empty((n_turns, *value.shape[:-1], n), value.dtype)
                    per_turn[name][t, ..., first:stop] = value
                advance(stop - first)
            for name in rec.final_reporters:
                value = np.asarray(rec.call_final(name, state, prm, traits))
                if name not in final:
                    final[name] = np.empty((*value.shape[:-1], n), value.dtype)
                final[name][..., first:stop] = value

    return SimulationResult(
        protocol=proto, pairing=pairs, per_turn=per_turn, final=final, params=prm,
        population=population,
        rng_state={**describe(root), "block_size": BLOCK_SIZE, "block_offset": block_offset},
    )


class _Stepper(Protocol):
    """Steps one chunk of dyads: fill the two noise arrays, then ``step``; ``outcome`` after."""

    state: DyadState
    noise_actual: FloatArray
    noise_perceived: FloatArray

    def step(self, turn: TurnInput) -> None: ...

    def outcome(self, turn: TurnInput) -> TurnOutcome: ...


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


def _stepper(kernel: Kernel, state: DyadState, traits: DyadTraits, ctx: ResolvedContext,
             params: Params) -> _Stepper:
    if kernel == "reference":
        return _ReferenceStepper(state, traits, ctx, params)
    from nabij.extras import require

    require("numba", "lab", "The fast simulation kernel (kernel='fused'; kernel='reference' runs without it)")
    from nabij.engine.fused import Tile  # imported here: numba loads in ~0.5 s

    return Tile(state, traits, ctx, params)


def replicate(run: Callable[[np.random.SeedSequence], R], rng: RngLike,
              replications: int) -> list[R]:
    """Run ``run(seed)`` once per seed spawned from ``rng`` (independent replications)."""
    seeds: Sequence[np.random.SeedSequence] = spawn(rng, replications)
    return [run(seed) for seed in seeds]
