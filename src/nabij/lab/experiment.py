"""The contract every virtual experiment follows, and the helpers they share.

An experiment mirrors one published design (:mod:`nabij.lab.targets`). ``run(rng, params,
scale)`` performs one replication - a fresh sample of simulated people - and returns the
quantities its target checks, plus optional series for the report's plots. ``scale``
multiplies the sample size (tests use a small one). Experiments use only the public API of
the model and engine, with one global parameter set: no experiment sets a parameter.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, spawn
from nabij.engine import Recorder, SimulationResult, fixed_pairs, simulate
from nabij.model import Context, Params, Population, sample_population
from nabij.protocols import Protocol

FloatArray = npt.NDArray[np.float64]

__all__ = ["Experiment", "Replication", "by_speaker", "run_pairs", "sample_size"]


@dataclass(frozen=True)
class Replication:
    """One replication's quantities (by check name) and plot series (by name)."""

    measures: dict[str, float]
    series: dict[str, list[float]] = field(default_factory=dict)


Runner = Callable[[np.random.SeedSequence, Params, float], Replication]


@dataclass(frozen=True)
class Experiment:
    """A virtual replication of one target.

    ``mechanism`` says in a few sentences which rules of the model produce the finding;
    ``limitations`` analyses why the model misses it, where it does (the report prints it
    beside any verdict short of a match). ``sample`` is the number of ``unit`` s (pairs per
    condition, people, groups...) one replication simulates at ``scale = 1``: the runner
    scales it to the original study's ``paper_n`` so that one replication is one study of
    the paper's size.
    """

    target_id: str
    design: str
    mechanism: str
    run: Runner
    limitations: str = ""
    sample: int = 0
    unit: str = ""

    def scale_for(self, n: int) -> float:
        """The ``scale`` at which one replication simulates ``n`` units."""
        if self.sample <= 0:
            raise ValueError(f"{self.target_id}: the experiment does not declare its `sample` size, so it "
                             "cannot be run at the paper's N; set Experiment(sample=..., unit=...)")
        return n / self.sample


def sample_size(base: int, scale: float, minimum: int = 8) -> int:
    """``base x scale`` rounded, at least ``minimum`` (statistics need a few units)."""
    if scale <= 0:
        raise ValueError(f"scale: must be > 0, got {scale}")
    return max(minimum, round(base * scale))


def run_pairs(n_pairs: int, protocol: Protocol, rng: RngLike, params: Params,
              context: Context | None = None, per_turn: Sequence[str] = (),
              final: Sequence[str] | Mapping[str, Callable[..., npt.NDArray[np.generic]]] = ("closeness",),
              people: Population | None = None) -> SimulationResult:
    """Simulate ``n_pairs`` fresh pairs (or pairs of ``people``) through ``protocol``."""
    seed_people, seed_run = spawn(rng, 2)
    pop = people if people is not None else sample_population(2 * n_pairs, seed_people)
    return simulate(pop, fixed_pairs(2 * n_pairs), protocol, context=context, params=params,
                    rng=seed_run, record=Recorder(per_turn=per_turn, final=final))


def by_speaker(result: SimulationResult, name: str, turns: slice = slice(None),
               listening: bool = False) -> FloatArray:
    """Mean of a per-turn, per-dyad quantity over each person's own turns: shape ``(2, n)``.

    With ``listening=True``, over the turns in which the person listened instead. A person
    with no such turn in ``turns`` gets 0. Per-person quantities (``(turns, 2, n)``, such
    as intimacy) give each person their own value.
    """
    values = np.asarray(result.per_turn[name][turns], dtype=np.float64)
    speaker = result.protocol.speaker[turns]
    out = np.zeros((2, values.shape[-1]))
    for person in (0, 1):
        mine = (speaker != person) if listening else (speaker == person)
        if mine.any():
            chosen = values[mine]
            out[person] = (chosen[:, person] if chosen.ndim == 3 else chosen).mean(axis=0)
    return out
