"""Meetings in rounds: people who carry their own state from one meeting to the next.

In a round robin (speed dating, a get-acquainted session) every person meets several
partners one after another. What belongs to a person - traits, felt security, pent-up
tension - goes with them into the next meeting; what belongs to a pair (liking, regard,
closeness, chemistry) starts fresh with each new partner, from the first impression.
:func:`meet_in_rounds` schedules the dyads into rounds in which nobody meets two partners at
once, runs each round with :func:`~nabij.engine.simulate.simulate`, and hands each person's
carried state to their next meeting through :class:`~nabij.model.start.Start`.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_seed_sequence, child_sequence, describe
from nabij.engine.pairing import Pairing
from nabij.engine.recording import FinalReporter, Recorder
from nabij.engine.result import SimulationResult
from nabij.engine.simulate import Kernel, simulate
from nabij.model.context import Context
from nabij.model.params import Params
from nabij.model.start import Start
from nabij.model.state import DyadState
from nabij.model.traits import Population
from nabij.protocols import Protocol, get_protocol

IntArray = npt.NDArray[np.intp]

__all__ = ["CARRIED", "meet_in_rounds", "schedule_rounds"]

#: The person-level states a person takes from one meeting into the next (by default).
CARRIED: tuple[str, ...] = ("security", "tension")


def schedule_rounds(pairing: Pairing) -> list[IntArray]:
    """The dyads of ``pairing`` in rounds: in each round every person meets at most one partner.

    Dyads keep their order of appearance; each goes to the first round in which neither of
    its people is busy (greedy edge colouring: a full round robin of n people needs n - 1
    or n rounds). A pair listed twice raises an error: a pair that meets again is one dyad
    with a multi-session protocol (:func:`nabij.protocols.repeat`).
    """
    persons = pairing.persons
    seen: set[tuple[int, int]] = set()
    busy: list[set[int]] = []
    rounds: list[list[int]] = []
    for d, (a, b) in enumerate(persons.tolist()):
        key = (min(a, b), max(a, b))
        if key in seen:
            raise ValueError(f"pairing: persons {a} and {b} meet twice; to let a pair meet again, "
                             "give them one dyad and a multi-session protocol (nabij.repeat)")
        seen.add(key)
        r = next((k for k, taken in enumerate(busy) if a not in taken and b not in taken),
                 len(busy))
        if r == len(busy):
            busy.append(set())
            rounds.append([])
        busy[r].update((a, b))
        rounds[r].append(d)
    return [np.asarray(r, dtype=np.intp) for r in rounds]


def _with_gap(protocol: Protocol, days: float) -> Protocol:
    gaps = protocol.gap_days.copy()
    gaps[0] += days
    return replace(protocol, gap_days=gaps)


def meet_in_rounds(
    population: Population,
    pairing: Pairing | npt.ArrayLike,
    protocol: Protocol | str,
    context: Context | None = None,
    params: Params | None = None,
    rng: RngLike = None,
    record: Recorder | None = None,
    *,
    carry: tuple[str, ...] = CARRIED,
    gap_days: float = 0.0,
    kernel: Kernel = "fused",
) -> SimulationResult:
    """Every dyad of ``pairing`` meets through ``protocol``, round after round; people carry state.

    - ``carry``: the person-level states (fields of :class:`~nabij.model.start.Start` that a
      person has, e.g. ``security``, ``tension``) that a person takes from the end of one
      meeting into the start of their next. Everything about the pair starts fresh.
    - ``gap_days``: days between two rounds (0 = back to back, as in speed dating); the
      carried states recover over them as between sessions (:func:`~nabij.model.turn.pass_days`).
    - ``context`` must be the same for every dyad (scalar fields).
    - The other arguments are :func:`~nabij.engine.simulate.simulate`'s. Round ``r`` draws
      from child ``r`` of the root seed, so the result depends only on the seed.

    Returns one :class:`SimulationResult` over all dyads in ``pairing``'s order, with the
    round of each dyad in ``final["round"]``.
    """
    pairs = pairing if isinstance(pairing, Pairing) else Pairing(np.asarray(pairing))
    pairs.check_population(len(population))
    proto = get_protocol(protocol) if isinstance(protocol, str) else protocol
    allowed = {"security", "tension"}
    unknown = set(carry) - allowed
    if unknown:
        raise ValueError(f"carry: {sorted(unknown)} cannot be carried; a person carries "
                         f"{sorted(allowed)} (what belongs to a pair starts fresh)")
    if gap_days < 0:
        raise ValueError(f"gap_days: must be >= 0, got {gap_days}")
    if context is not None:
        for name in ("relationship", "power", "display_norm", "identifiability", "audience",
                     "cognitive_load"):
            value = getattr(context, name)
            if value is not None and np.ndim(value) > 0:
                raise ValueError(f"context.{name}: meet_in_rounds takes one context for every "
                                 "dyad (a scalar); run simulate per condition instead")
    root = as_seed_sequence(rng)
    rounds = schedule_rounds(pairs)
    carried = {"security": population.self_esteem.copy(), "tension": np.zeros(len(population))}
    rec = record or Recorder()
    final_rec = Recorder(per_turn=rec.per_turn, final={
        **rec.final_reporters, **{f"_carry_{c}": _reporter(c) for c in carry}})
    n = len(pairs)
    per_turn: dict[str, np.ndarray] = {}
    final: dict[str, np.ndarray] = {"round": np.empty(n, dtype=np.int64)}
    result: SimulationResult | None = None
    for r, index in enumerate(rounds):
        persons = pairs.persons[index]
        start = Start(**{c: carried[c][persons.T] for c in carry})
        result = simulate(population, Pairing(persons, pairs.design),
                          _with_gap(proto, gap_days) if r > 0 else proto, context, params,
                          child_sequence(root, r), final_rec, kernel=kernel, start=start)
        for c in carry:
            carried[c][persons.T] = result.final.pop(f"_carry_{c}")
        for name, arr in result.per_turn.items():
            if name not in per_turn:
                per_turn[name] = np.empty((*arr.shape[:-1], n), arr.dtype)
            per_turn[name][..., index] = arr
        for name, arr in result.final.items():
            if name not in final:
                final[name] = np.empty((*arr.shape[:-1], n), arr.dtype)
            final[name][..., index] = arr
        final["round"][index] = r
    assert result is not None
    return SimulationResult(
        protocol=proto, pairing=pairs, per_turn=per_turn, final=final, params=result.params,
        rng_state={**describe(root), "rounds": len(rounds), "gap_days": gap_days},
        population=population,
    )


def _reporter(name: str) -> FinalReporter:
    """A final reporter of the state field ``name`` (a copy)."""
    def report(state: DyadState, params: Params) -> npt.NDArray[np.generic]:
        return np.array(getattr(state, name))
    return report
