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


def turns_key(protocol: Protocol) -> tuple[Any, ...]:
    """Equal for protocols whose turns step dyads identically (the name is only a label)."""
    t = len(protocol)
    return (t, *(np.broadcast_to(np.asarray(getattr(protocol, name), dtype=np.float64), (t,)).tobytes()
                 for name in ("speaker", "topic_intimacy", "valence", "emotional", "gap_days",
                              "feedback", "relevance", "cost")))
