"""Parameter sweeps: a grid file in, one row per grid point out (Parquet or CSV), in-process or on Dask.

The rows measure the built-in quantities of the replications (T1-T15); to run your own
experiment function over a grid instead, see :mod:`nabij.lab.batch`
(``nabij sweep --experiment module:function``). The output file carries its provenance
(:mod:`nabij.provenance`).

A grid file (TOML) names the parameters to vary and what to measure::

    seed = 2026                 # root seed (default 2026)
    quantities = ["T1.d_composite", "T9.r_rs_hurt"]   # and/or targets = ["T3"]
    replications = 1            # per grid point (default 1)
    scale = 0.5                 # the experiments' sample size factor (default 1)
    chunk_size = 8              # grid points per unit of work (default 16)

    [grid]                      # the full factorial of these values
    closeness_rate = [0.02, 0.04, 0.06]
    intimacy_self = { from = 0.1, to = 0.5, steps = 5 }

    [fixed]                     # optional: other parameters, the same for every point
    chemistry_sd = 1.2

**Seeds and identity.** Grid point i is evaluated with child i of the root seed
(:func:`nabij._rng.child_sequence`), whatever chunk it falls in and wherever the chunk
runs, so in-process and Dask give bit-identical results.

**Chunks and resume.** Points are grouped into chunks of ``chunk_size`` (enough work per
task to amortize Dask's scheduling, ~10 ms a task). Each finished chunk is written at once,
atomically, to ``<out>.parts/chunk-NNNNN.parquet`` beside a manifest holding the sweep's
digest. Run the same command again after an interruption and only the missing chunks are
computed; a changed grid file is refused instead of being mixed with old parts. When all
chunks are done they are joined into ``out`` and the parts folder is removed.

**Execution.** In-process by default, chunk after chunk (each evaluation is vectorized over
the simulated people). With a ``distributed.Client`` the chunks are submitted as tasks and
written as they complete. Workers need nabij installed.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
import itertools
import json
import os
import shutil
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nabij._rng import as_seed_sequence, child_sequence
from nabij.engine.gather import run_together
from nabij.lab.batch import BatchSpec, Chunked, run_batch_chunk
from nabij.lab.evaluate import evaluate, params_from, quantity_names, split_quantity
from nabij.lab.targets import TARGETS
from nabij.model import param_specs
from nabij.provenance import stamp, write_table

__all__ = ["GridError", "SweepOutcome", "SweepSpec", "load_grid", "parse_grid", "read_grid_text", "run_chunk",
           "run_sweep", "sweep_provenance"]

_TOP_KEYS = ("seed", "targets", "quantities", "replications", "scale", "chunk_size", "grid", "fixed")
_RANGE_KEYS = ("from", "to", "steps")
#: Refuse grids larger than this: a typo like steps = 1e6 should not start a week of work.
MAX_POINTS = 1_000_000


class GridError(ValueError):
    """A grid file that cannot be run: says which key or value is wrong and what is allowed."""


@dataclass(frozen=True)
class SweepSpec(Chunked):
    """A validated sweep: the grid points (one row each), fixed values and what to measure."""

    points: pd.DataFrame
    fixed: dict[str, float]
    quantities: tuple[str, ...]
    seed: int = 2026
    replications: int = 1
    scale: float = 1.0
    chunk_size: int = 16

    def digest(self) -> str:
        """A fingerprint of everything that determines the results (for safe resuming)."""
        blob = json.dumps({
            "points": self.points.to_dict(orient="list"), "fixed": self.fixed,
            "quantities": self.quantities, "seed": self.seed, "replications": self.replications,
            "scale": self.scale, "chunk_size": self.chunk_size}, sort_keys=True)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _fail(where: str, message: str) -> GridError:
    return GridError(f"{where}: {message}")


def _suggest(name: str, known: Sequence[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _number(where: str, value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not np.isfinite(value):
        raise _fail(where, f"must be a finite number, got {value!r}")
    return float(value)


def _param_values(where: str, name: str, raw: Any) -> list[float]:
    """The values of one grid parameter: a list, a ``{from, to, steps}`` range or a number."""
    specs = {s.name: s for s in param_specs()}
    if name not in specs:
        raise _fail(where, f"unknown parameter {name!r}{_suggest(name, list(specs))}; "
                           "`nabij params` lists them")
    spec = specs[name]
    if isinstance(raw, dict):
        extra = sorted(set(raw) - set(_RANGE_KEYS))
        missing = [k for k in _RANGE_KEYS if k not in raw]
        if extra or missing:
            wrong = f"unknown {', '.join(extra)}" if extra else f"missing {', '.join(missing)}"
            raise _fail(where, f"a range needs exactly the keys from, to, steps; {wrong}")
        steps = raw["steps"]
        if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
            raise _fail(f"{where}.steps", f"must be a whole number >= 1, got {steps!r}")
        values = list(np.linspace(_number(f"{where}.from", raw["from"]), _number(f"{where}.to", raw["to"]),
                                  steps))
    elif isinstance(raw, list):
        if not raw:
            raise _fail(where, "the list of values is empty")
        values = [_number(f"{where}[{i}]", v) for i, v in enumerate(raw)]
    else:
        values = [_number(where, raw)]
    for v in values:
        if not spec.low <= v <= spec.high:
            raise _fail(where, f"value {v:g} is outside the allowed range [{spec.low:g}, {spec.high:g}] "
                               f"of {name} ({spec.meaning})")
    return [float(v) for v in values]


def _int(data: dict[str, Any], key: str, default: int, low: int, source: str) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise _fail(f"{source}: {key}", f"must be a whole number >= {low}, got {value!r}")
    return int(value)


def _quantities(data: dict[str, Any], source: str) -> tuple[str, ...]:
    names: list[str] = []
    targets = data.get("targets", [])
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        raise _fail(f"{source}: targets", f"must be a list of target ids such as ['T1'], got {targets!r}")
    for t in targets:
        if t.upper() not in TARGETS:
            raise _fail(f"{source}: targets", f"unknown target {t!r}; choose from {', '.join(TARGETS)}")
    names += quantity_names([t.upper() for t in targets])
    quantities = data.get("quantities", [])
    if not isinstance(quantities, list) or not all(isinstance(q, str) for q in quantities):
        raise _fail(f"{source}: quantities", f"must be a list such as ['T1.d_composite'], got {quantities!r}")
    for q in quantities:
        try:
            split_quantity(q)
        except ValueError as err:
            raise _fail(f"{source}: quantities", str(err)) from err
    names += quantities
    if not names:
        raise _fail(source, "say what to measure: `targets = [\"T1\"]` and/or "
                            "`quantities = [\"T1.d_composite\"]`")
    return tuple(dict.fromkeys(names))


def parse_grid(text: str, source: str = "grid file") -> SweepSpec:
    """Validate a grid file's text into a :class:`SweepSpec` (clear :class:`GridError` if not)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise _fail(source, f"not valid TOML: {err}") from err
    unknown = [k for k in data if k not in _TOP_KEYS]
    if unknown:
        raise _fail(source, f"unknown key {unknown[0]!r}{_suggest(unknown[0], _TOP_KEYS)}; "
                            f"allowed: {', '.join(_TOP_KEYS)}")
    grid = data.get("grid")
    if not isinstance(grid, dict) or not grid:
        raise _fail(source, "needs a [grid] table with at least one parameter, "
                            "e.g. closeness_rate = [0.02, 0.04]")
    axes = {name: _param_values(f"{source}: grid.{name}", name, raw) for name, raw in grid.items()}
    fixed_raw = data.get("fixed", {})
    if not isinstance(fixed_raw, dict):
        raise _fail(f"{source}: fixed", "must be a table of parameter = number")
    fixed = {}
    for name, raw in fixed_raw.items():
        if name in axes:
            raise _fail(f"{source}: fixed.{name}", "is also in [grid]; set it in one place")
        where = f"{source}: fixed.{name}"
        fixed[name] = _param_values(where, name, _number(where, raw))[0]
    n_points = int(np.prod([len(v) for v in axes.values()]))
    if n_points > MAX_POINTS:
        raise _fail(f"{source}: grid", f"{n_points:,} points is more than the {MAX_POINTS:,} allowed")
    scale = _number(f"{source}: scale", data.get("scale", 1.0))
    if scale <= 0:
        raise _fail(f"{source}: scale", f"must be > 0, got {scale:g}")
    points = pd.DataFrame(list(itertools.product(*axes.values())), columns=list(axes))
    return SweepSpec(points=points, fixed=fixed, quantities=_quantities(data, source),
                     seed=_int(data, "seed", 2026, 0, source),
                     replications=_int(data, "replications", 1, 1, source), scale=scale,
                     chunk_size=_int(data, "chunk_size", 16, 1, source))


def read_grid_text(path: Path) -> str:
    """A grid file's text; a relative path starts from the working directory (clear error if absent)."""
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except OSError as err:
        where = "" if path.is_absolute() else (f" (relative paths start from the working directory, "
                                               f"{Path.cwd()}; looked for {path.resolve()})")
        raise GridError(f"{path}: cannot read the grid file: {err.strerror}{where}") from err


def load_grid(path: Path) -> SweepSpec:
    """Read and validate a grid file."""
    return parse_grid(read_grid_text(path), str(path))


def run_chunk(spec: SweepSpec, index: int) -> pd.DataFrame:
    """Evaluate one chunk of grid points: a pure function of ``(spec, index)``."""
    root = as_seed_sequence(spec.seed)
    points = [{str(k): float(v) for k, v in spec.points.iloc[i].items()} for i in spec.chunk(index)]
    params = [params_from({**spec.fixed, **values}) for values in points]
    # the chunk's points run together (one batched kernel call per step): same numbers as one by one
    measured = run_together([functools.partial(evaluate, p, spec.quantities, child_sequence(root, i),
                                               spec.scale, spec.replications)
                             for i, p in zip(spec.chunk(index), params, strict=True)])
    return pd.DataFrame([{"point": i, **values, **m}
                         for i, values, m in zip(spec.chunk(index), points, measured, strict=True)])


@dataclass(frozen=True)
class SweepOutcome:
    """The joined results, and how many chunks this run computed or found already done."""

    frame: pd.DataFrame
    computed: int
    skipped: int


def _parts_dir(out: Path) -> Path:
    return out.with_name(out.name + ".parts")


def _part(parts: Path, index: int) -> Path:
    return parts / f"chunk-{index:05d}.parquet"


def _prepare(spec: SweepSpec | BatchSpec, parts: Path) -> list[int]:
    """Check or write the manifest; return the chunks still to compute."""
    manifest = parts / "sweep.json"
    if manifest.exists():
        saved = json.loads(manifest.read_text(encoding="utf-8"))
        if saved.get("digest") != spec.digest():
            raise GridError(f"{parts} holds the parts of a different sweep (the grid file changed); "
                            "delete that folder to start over, or choose another --out")
    else:
        parts.mkdir(parents=True, exist_ok=True)
        manifest.write_text(json.dumps({"digest": spec.digest(), "chunks": spec.n_chunks}), encoding="utf-8")
    return [i for i in range(spec.n_chunks) if not _part(parts, i).exists()]


def _write_atomic(frame: pd.DataFrame, path: Path) -> None:
    tmp = path.with_name(path.name + ".tmp")
    frame.to_parquet(tmp, index=False)
    os.replace(tmp, path)


def sweep_provenance(spec: SweepSpec | BatchSpec, command: str | None = None) -> dict[str, Any]:
    """What made a sweep's rows: version, seed, base parameters, what was measured, the grid, command."""
    if isinstance(spec, BatchSpec):
        what = "experiment " + (spec.experiment if isinstance(spec.experiment, str) else
                                f"{spec.experiment.__module__}:{spec.experiment.__qualname__}")
        extra: dict[str, Any] = {"design": spec.design}
    else:
        what = "sweep of " + ", ".join(spec.quantities)
        extra = {"scale": spec.scale}
    grid = {str(k): [v.item() if isinstance(v, np.generic) else v for v in pd.unique(spec.points[k])]
            for k in spec.points.columns}
    return stamp(seed=spec.seed, protocol=what, params=spec.fixed, command=command, grid=grid,
                 grid_points=len(spec.points), replications=spec.replications, sweep_digest=spec.digest(),
                 **extra)


def run_sweep(spec: SweepSpec | BatchSpec, out: Path, client: Any = None,
              on_chunk: Callable[[int, int], None] | None = None,
              provenance: dict[str, Any] | None = None) -> SweepOutcome:
    """Run (or resume) a sweep into ``out`` (.parquet or .csv); in-process, or on a Dask ``client``.

    A :class:`~nabij.lab.batch.BatchSpec` runs a user experiment instead of the built-in
    measures. ``on_chunk(done, total)`` is called after each chunk is safely written.
    ``out`` carries its provenance (:func:`sweep_provenance` unless given).
    """
    suffix = Path(out).suffix.lower()
    if suffix not in (".parquet", ".pq", ".csv"):
        raise GridError(f"{out}: use a .parquet or .csv file name for the results")
    chunk_fn: Callable[[Any, int], pd.DataFrame] = (run_batch_chunk if isinstance(spec, BatchSpec)
                                                     else run_chunk)
    out = Path(out)
    parts = _parts_dir(out)
    todo = _prepare(spec, parts)
    done = spec.n_chunks - len(todo)

    def finished(index: int, frame: pd.DataFrame) -> None:
        nonlocal done
        _write_atomic(frame, _part(parts, index))
        done += 1
        if on_chunk is not None:
            on_chunk(done, spec.n_chunks)

    if client is None:
        for index in todo:
            finished(index, chunk_fn(spec, index))
    else:
        from distributed import as_completed

        spec_future = client.scatter(spec, broadcast=True)
        futures = {client.submit(chunk_fn, spec_future, i, pure=False): i for i in todo}
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            finished(futures[future], future.result())
    frame = pd.concat([pd.read_parquet(_part(parts, i)) for i in range(spec.n_chunks)], ignore_index=True)
    frame = frame.sort_values("point", kind="stable").reset_index(drop=True)
    write_table(frame, out, provenance if provenance is not None else sweep_provenance(spec))
    shutil.rmtree(parts)
    return SweepOutcome(frame, computed=len(todo), skipped=spec.n_chunks - len(todo))
