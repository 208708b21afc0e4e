"""The benchmark configuration: read from TOML, checked, with errors that say what to fix."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nabij as nb

__all__ = ["BenchConfig", "load_config"]

_SECTIONS = {
    "timing": {"questions_per_set", "outcomes", "repeats", "seed"},
    "engine": {"dyads"},
    "mesa": {"dyads"},
    "numpy": {"dyads"},
    "bounds": {"dyads"},
    "small_n": {"small", "large"},
    "threads": {"dyads", "threads"},
    "sweep": {"points", "dyads"},
    "calibrate": {"args"},
    "memory": {"cli_dyads", "per_dyad_at"},
    "scaling": {"dyads", "questions_per_set", "parameter_sets"},
}


@dataclass(frozen=True)
class BenchConfig:
    """Every setting of benchmarks/config.toml (see the comments there)."""

    questions_per_set: int
    outcomes: tuple[str, ...]
    repeats: int
    seed: int
    engine_dyads: tuple[int, ...]
    mesa_dyads: int
    numpy_dyads: int
    bounds_dyads: int
    small_n: int
    large_n: int
    threads_dyads: int
    threads: int
    sweep_points: int
    sweep_dyads: int
    calibrate_args: tuple[str, ...]
    cli_dyads: int
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
    unknown_sections = sorted(set(raw) - set(_SECTIONS))
    if unknown_sections:
        raise ValueError(f"{path}: unknown section(s) {unknown_sections}; known: {sorted(_SECTIONS)}")
    t = raw["timing"]
    outcomes = t["outcomes"]
    bad = [o for o in outcomes if o not in nb.FINAL_REPORTERS] if isinstance(outcomes, list) else outcomes
    if not isinstance(outcomes, list) or not outcomes or bad:
        raise ValueError(f"timing.outcomes: expected names from {sorted(nb.FINAL_REPORTERS)}, got {bad!r}")
    args = raw["calibrate"]["args"]
    if not isinstance(args, list) or not all(isinstance(a, str) for a in args):
        raise ValueError(f"calibrate.args: expected a list of command-line words, got {args!r}")
    return BenchConfig(
        questions_per_set=_positive("timing.questions_per_set", t["questions_per_set"]),
        outcomes=tuple(outcomes), repeats=_positive("timing.repeats", t["repeats"]),
        seed=_positive("timing.seed", t["seed"], minimum=0),
        engine_dyads=_positive_list("engine.dyads", raw["engine"]["dyads"]),
        mesa_dyads=_positive("mesa.dyads", raw["mesa"]["dyads"]),
        numpy_dyads=_positive("numpy.dyads", raw["numpy"]["dyads"]),
        bounds_dyads=_positive("bounds.dyads", raw["bounds"]["dyads"]),
        small_n=_positive("small_n.small", raw["small_n"]["small"]),
        large_n=_positive("small_n.large", raw["small_n"]["large"]),
        threads_dyads=_positive("threads.dyads", raw["threads"]["dyads"]),
        threads=_positive("threads.threads", raw["threads"]["threads"], minimum=2),
        sweep_points=_positive("sweep.points", raw["sweep"]["points"]),
        sweep_dyads=_positive("sweep.dyads", raw["sweep"]["dyads"]),
        calibrate_args=tuple(args),
        cli_dyads=_positive("memory.cli_dyads", raw["memory"]["cli_dyads"]),
        per_dyad_at=_positive("memory.per_dyad_at", raw["memory"]["per_dyad_at"]),
        scaling_dyads=_positive("scaling.dyads", raw["scaling"]["dyads"]),
        scaling_questions=_positive_list("scaling.questions_per_set", raw["scaling"]["questions_per_set"]),
        parameter_sets=_positive_list("scaling.parameter_sets", raw["scaling"]["parameter_sets"]),
    )
