"""One simulation's inputs, validated, and the outputs it fills: what the engine's loops share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nabij.engine.pairing import Pairing
from nabij.engine.recording import Recorder
from nabij.model.context import ResolvedContext
from nabij.model.params import Params
from nabij.model.start import ResolvedStart
from nabij.model.traits import Population
from nabij.protocols import Protocol

__all__ = ["Run", "turns_key"]


@dataclass
class Run:
    """One simulation's inputs, validated, and the outputs it fills (by name, all dyads)."""

    population: Population
    pairs: Pairing
    protocol: Protocol
    ctx: ResolvedContext
    params: Params
    root: np.random.SeedSequence
    start: ResolvedStart
    block_offset: int
    record: Recorder
    per_turn: dict[str, np.ndarray] = field(default_factory=dict)
    final: dict[str, np.ndarray] = field(default_factory=dict)

    @property
    def n(self) -> int:
        return len(self.pairs)


#: Keys of protocols seen lately, by identity (a protocol's arrays are read-only once it is
#: validated, so its key cannot change; each entry holds its protocol, so the id is not reused).
_KEYS: dict[int, tuple[Protocol, tuple[Any, ...]]] = {}


def turns_key(protocol: Protocol) -> tuple[Any, ...]:
    """Equal for protocols whose turns step dyads identically (the name is only a label).

    Computed once per protocol: every simulation of a batch of studies asks for it.
    """
    entry = _KEYS.get(id(protocol))
    if entry is not None and entry[0] is protocol:
        return entry[1]
    t = len(protocol)
    key = (t, *(np.broadcast_to(np.asarray(getattr(protocol, name), dtype=np.float64), (t,)).tobytes()
                for name in ("speaker", "topic_intimacy", "valence", "emotional", "gap_days",
                             "feedback", "relevance", "cost")))
    if len(_KEYS) >= 256:
        _KEYS.clear()
    _KEYS[id(protocol)] = (protocol, key)
    return key
