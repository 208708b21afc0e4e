"""The benchmark configuration: read from TOML, checked, with errors that say what to fix."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nabij as nb

__all__ = ["BenchConfig", "load_config"]

_SECTIONS = {
    "engine": {"dyads", "questions_per_set", "outcomes", "repeats", "seed", "reference_dyads"},
    "mesa": {"dyads", "repeats"},
    "limit": {"dyads", "repeats"},
    "memory": {"dyads", "batch_dyads", "per_dyad_at"},
    "scaling": {"dyads", "questions_per_set", "parameter_sets"},
}


@dataclass(frozen=True)
class BenchConfig:
    """Every setting of benchmarks/config.toml (see the comments there)."""

    engine_dyads: tuple[int, ...]
    questions_per_set: int
    outcomes: tuple[str, ...]
    repeats: int
    seed: int
    reference_dyads: int
    mesa_dyads: int
    mesa_repeats: int
    limit_dyads: int
    limit_repeats: int
    memory_dyads: int
    batch_dyads: int
    per_dyad_at: int
    scaling_dyads: int
    scaling_questions: tuple[int, ...]
    parameter_sets: tuple[int, ...]

    @property
    def turns(self) -> int:
        return 6 * self.questions_per_set


def _positive(where: str, value: Any, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{where}: expected a whole number >= {minimum}, got {value!r}")
    return value


def _positive_list(where: str, value: Any) -> tuple[int, ...]:
    if not isinstance(value, list) or not value:
        raise ValueError(f"{where}: expected a non-empty list of whole numbers, got {value!r}")
    return tuple(_positive(f"{where}[{i}]", v) for i, v in enumerate(value))


def load_config(path: Path) -> BenchConfig:
    """Read and check ``path``; raise ``ValueError`` naming the bad setting."""
    try:
        raw = tomllib.loads(path.read_text())
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ValueError(f"{path}: cannot read the benchmark configuration: {err}") from err
    for section, keys in _SECTIONS.items():
        given = raw.get(section)
        if not isinstance(given, dict):
            raise ValueError(f"{path}: missing section [{section}] with {', '.join(sorted(keys))}")
        if set(given) != keys:
            missing, unknown = sorted(keys - set(given)), sorted(set(given) - keys)
            raise ValueError(f"{path}: [{section}] missing {missing}, unknown {unknown}")
    e, m, lim, mem, sc = (raw[s] for s in _SECTIONS)
    outcomes = e["outcomes"]
    bad = [o for o in outcomes if o not in nb.FINAL_REPORTERS] if isinstance(outcomes, list) else outcomes
    if not isinstance(outcomes, list) or not outcomes or bad:
        raise ValueError(f"engine.outcomes: expected names from {sorted(nb.FINAL_REPORTERS)}, got {bad!r}")
    batch = _positive("memory.batch_dyads", mem["batch_dyads"])
    if batch % nb.BLOCK_SIZE:
        raise ValueError(f"memory.batch_dyads: must be a multiple of {nb.BLOCK_SIZE}, got {batch}")
    return BenchConfig(
        engine_dyads=_positive_list("engine.dyads", e["dyads"]),
        questions_per_set=_positive("engine.questions_per_set", e["questions_per_set"]),
        outcomes=tuple(outcomes), repeats=_positive("engine.repeats", e["repeats"]),
        seed=_positive("engine.seed", e["seed"], minimum=0),
        reference_dyads=_positive("engine.reference_dyads", e["reference_dyads"]),
        mesa_dyads=_positive("mesa.dyads", m["dyads"]),
        mesa_repeats=_positive("mesa.repeats", m["repeats"]),
        limit_dyads=_positive("limit.dyads", lim["dyads"]),
        limit_repeats=_positive("limit.repeats", lim["repeats"]),
        memory_dyads=_positive("memory.dyads", mem["dyads"]), batch_dyads=batch,
        per_dyad_at=_positive("memory.per_dyad_at", mem["per_dyad_at"]),
        scaling_dyads=_positive("scaling.dyads", sc["dyads"]),
        scaling_questions=_positive_list("scaling.questions_per_set", sc["questions_per_set"]),
        parameter_sets=_positive_list("scaling.parameter_sets", sc["parameter_sets"]),
    )
