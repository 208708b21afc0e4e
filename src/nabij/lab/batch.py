"""Your own experiment at scale: any function of (seed, params, design) over a grid and replications.

:func:`batch_run` runs a function you write, ::

    def my_experiment(seed: np.random.SeedSequence, params: nabij.Params,
                      design: dict[str, Any]) -> dict[str, float]:
        ...

once per grid point and replication, in-process or on a Dask cluster, and returns one row
per run: ``point``, ``replication``, the grid's columns, then what the function returned.
A grid column that names a model parameter (``nabij params``) sets that parameter in
``params``; any other column is a *design* factor (number of pairs, a protocol's name, a
relationship) handed over in ``design``, together with the fixed design values.

**Seeds.** Run (point i, replication r) gets the seed ``child(child(root, i), r)``
(:func:`nabij._rng.child_sequence`): the same wherever and in whatever order it runs, so
in-process and Dask give identical rows, and adding replications keeps the earlier ones.

**Batched.** The runs of a chunk are called in threads and the simulations they ask for
run together in one kernel batch (:func:`nabij.engine.gather.run_together`), so a function
must not change global state another run reads; each returns what it returns alone.

From the command line, ``nabij sweep --experiment module:function --grid grid.toml``
runs it through the sweep's machinery (chunks written as they finish, resume after an
interruption, ``--local-cluster`` or ``--scheduler``). Such a grid file has::

    seed = 1                    # root seed (default 2026)
    replications = 3            # per grid point (default 1)
    chunk_size = 4              # grid points per unit of work (default 16)

    [grid]                      # the full factorial of these values
    closeness_rate = [0.02, 0.06]          # a model parameter
    relationship = ["strangers", "friends"]  # a design factor: any name, any values

    [fixed]                     # optional: model parameters, the same for every point
    [design]                    # optional: design values, the same for every point
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import importlib.util
import itertools
import json
import sys
import tomllib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nabij._rng import as_seed_sequence, child_sequence
from nabij.engine.gather import run_together
from nabij.model import Params, param_specs

__all__ = ["BatchSpec", "Experiment", "ExperimentError", "batch_run", "load_experiment",
           "normalize_reference", "parse_batch_grid", "run_batch_chunk"]

#: What a user experiment looks like: (seed, params, design) -> named numbers.
Experiment = Callable[[np.random.SeedSequence, Params, dict[str, Any]], Mapping[str, Any]]
_TOP_KEYS = ("seed", "replications", "chunk_size", "grid", "fixed", "design")
_RESERVED = ("point", "replication")


class ExperimentError(ValueError):
    """A user experiment or its grid that cannot be run; says what is wrong and what to do."""


def normalize_reference(ref: str) -> str:
    """``path/to/file.py:function`` with an absolute path (workers may run elsewhere); others as given."""
    module_name, sep, attr = ref.partition(":")
    if sep and module_name.endswith(".py"):
        return f"{Path(module_name).resolve()}:{attr}"
    return ref


def load_experiment(ref: str) -> Experiment:
    """Import ``module:function`` (a module on the path, or a ``path/to/file.py``)."""
    module_name, sep, attr = ref.partition(":")
    if not sep or not module_name or not attr:
        raise ExperimentError(f"--experiment: write it as module:function (e.g. my_study:run), got {ref!r}")
    if module_name.endswith(".py"):
        path = Path(module_name).resolve()
        if not path.is_file():
            raise ExperimentError(f"--experiment: no file {path}")
        name = f"nabij_experiment_{hashlib.sha256(str(path).encode()).hexdigest()[:8]}"
        module = sys.modules.get(name)
        if module is None:
            spec = importlib.util.spec_from_file_location(name, path)
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
    else:
        if "" not in sys.path and str(Path.cwd()) not in sys.path:
            sys.path.insert(0, str(Path.cwd()))  # as `python -m` would: modules in the working directory
        try:
            module = importlib.import_module(module_name)
        except ImportError as err:
            raise ExperimentError(f"--experiment: cannot import {module_name!r} ({err}); run from the folder "
                                  "that holds it, or add that folder to PYTHONPATH") from err
    function = getattr(module, attr, None)
    if not callable(function):
        raise ExperimentError(f"--experiment: {module_name} has no function {attr!r}")
    return function  # type: ignore[no-any-return]


def _reference(experiment: Experiment | str) -> str:
    if isinstance(experiment, str):
        return experiment
    return f"{experiment.__module__}:{experiment.__qualname__}"


class Chunked:
    """Grid points cut into chunks of ``chunk_size``: the unit of work, resuming and Dask tasks."""

    points: pd.DataFrame
    chunk_size: int

    @property
    def n_chunks(self) -> int:
        return -(-len(self.points) // self.chunk_size)

    def chunk(self, index: int) -> range:
        start = index * self.chunk_size
        return range(start, min(start + self.chunk_size, len(self.points)))


@dataclass(frozen=True)
class BatchSpec(Chunked):
    """A validated batch: grid points (one row each), fixed values, replications, seed, chunks.

    ``experiment`` is the function or its ``module:function`` reference (a reference is
    imported where the chunk runs, so Dask workers need only the module on their path).
    """

    experiment: Experiment | str
    points: pd.DataFrame
    fixed: dict[str, float] = field(default_factory=dict)
    design: dict[str, Any] = field(default_factory=dict)
    seed: int = 2026
    replications: int = 1
    chunk_size: int = 16

    def digest(self) -> str:
        """A fingerprint of everything that determines the results (for safe resuming)."""
        blob = json.dumps({"experiment": _reference(self.experiment),
                           "points": self.points.to_dict(orient="list"), "fixed": self.fixed,
                           "design": self.design, "seed": self.seed, "replications": self.replications,
                           "chunk_size": self.chunk_size}, sort_keys=True, default=str)
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


def _split(values: Mapping[str, Any]) -> tuple[dict[str, float], dict[str, Any]]:
    """Grid values that name a model parameter, and the rest (design factors)."""
    names = {s.name for s in param_specs()}
    params = {k: float(v) for k, v in values.items() if k in names}
    return params, {k: v for k, v in values.items() if k not in names}


def _plain(value: Any) -> Any:
    return value.item() if isinstance(value, np.generic) else value


def run_batch_chunk(spec: BatchSpec, index: int) -> pd.DataFrame:
    """Run one chunk of grid points, every replication: a pure function of ``(spec, index)``."""
    experiment = load_experiment(spec.experiment) if isinstance(spec.experiment, str) else spec.experiment
    root = as_seed_sequence(spec.seed)
    runs: list[tuple[int, int, dict[str, Any], Callable[[], Mapping[str, Any]]]] = []
    for i in spec.chunk(index):
        values = {str(k): _plain(v) for k, v in spec.points.iloc[i].items()}
        grid_params, grid_design = _split(values)
        params = Params().with_(**{**spec.fixed, **grid_params}).validate()
        design = {**spec.design, **grid_design}
        point_seed = child_sequence(root, i)
        runs += [(i, r, values,
                  functools.partial(experiment, child_sequence(point_seed, r), params, dict(design)))
                 for r in range(spec.replications)]
    # the chunk's runs are called in threads, their simulations batched: the same rows as one by one
    results = run_together([call for *_, call in runs])
    rows = []
    for (i, r, values, _), measured in zip(runs, results, strict=True):
        if not isinstance(measured, Mapping):
            raise ExperimentError(f"{_reference(spec.experiment)} must return a dict of name -> value, "
                                  f"got {type(measured).__name__}")
        clash = sorted(set(measured) & (set(values) | set(_RESERVED)))
        if clash:
            raise ExperimentError(f"{_reference(spec.experiment)} returned {clash[0]!r}, which is "
                                  "already a grid column; rename the result")
        rows.append({"point": i, "replication": r, **values, **measured})
    return pd.DataFrame(rows)


def _grid_frame(grid: Mapping[str, Sequence[Any]] | pd.DataFrame) -> pd.DataFrame:
    if isinstance(grid, pd.DataFrame):
        return grid.reset_index(drop=True)
    axes = {k: list(v) if isinstance(v, list | tuple | np.ndarray | range) else [v] for k, v in grid.items()}
    return pd.DataFrame(list(itertools.product(*axes.values())), columns=list(axes))


def batch_run(experiment: Experiment | str, grid: Mapping[str, Sequence[Any]] | pd.DataFrame,
              replications: int = 1, seed: int = 2026, *, fixed: Mapping[str, float] | None = None,
              design: Mapping[str, Any] | None = None, client: Any = None,
              chunk_size: int = 16) -> pd.DataFrame:
    """Run ``experiment(seed, params, design)`` over the full factorial of ``grid`` x replications.

    ``grid`` maps names to lists of values (or is a ready table of points); names of model
    parameters set ``params``, the others reach ``design``. ``client``: a
    ``distributed.Client`` to run the chunks on a Dask cluster (same rows as in-process).
    Returns one row per (point, replication).
    """
    if replications < 1:
        raise ExperimentError(f"replications: must be >= 1, got {replications}")
    spec = BatchSpec(experiment=experiment, points=_grid_frame(grid), fixed=dict(fixed or {}),
                     design=dict(design or {}), seed=seed, replications=replications, chunk_size=chunk_size)
    _validate(spec, "batch_run")
    if client is None:
        frames = [run_batch_chunk(spec, i) for i in range(spec.n_chunks)]
    else:
        spec_future = client.scatter(spec, broadcast=True)
        futures = [client.submit(run_batch_chunk, spec_future, i, pure=False) for i in range(spec.n_chunks)]
        frames = client.gather(futures)
    return pd.concat(frames, ignore_index=True)


def _validate(spec: BatchSpec, source: str) -> None:
    specs = {s.name: s for s in param_specs()}
    for name in spec.points.columns:
        if name in _RESERVED:
            raise ExperimentError(f"{source}: grid.{name}: {name!r} is a column nabij adds; use another name")
        if name in specs:
            s = specs[name]
            for v in spec.points[name]:
                number = not isinstance(v, bool) and isinstance(v, int | float | np.number)
                if not number or not s.low <= v <= s.high:
                    raise ExperimentError(f"{source}: grid.{name}: value {v!r} is outside the allowed range "
                                          f"[{s.low:g}, {s.high:g}] of {name} ({s.meaning})")
    for name, v in spec.fixed.items():
        if name not in specs:
            raise ExperimentError(f"{source}: fixed.{name}: not a model parameter (`nabij params` lists "
                                  "them); put design values under [design]")
        Params().with_(**{name: float(v)}).validate()


def parse_batch_grid(text: str, experiment: Experiment | str, source: str = "grid file") -> BatchSpec:
    """Validate a grid file for a user experiment into a :class:`BatchSpec`."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise ExperimentError(f"{source}: not valid TOML: {err}") from err
    unknown = [k for k in data if k not in _TOP_KEYS]
    if unknown:
        hint = " (targets and quantities are for the built-in measures, without --experiment)" if set(
            unknown) & {"targets", "quantities", "scale"} else ""
        raise ExperimentError(f"{source}: unknown key {unknown[0]!r}; allowed with --experiment: "
                              f"{', '.join(_TOP_KEYS)}{hint}")
    grid = data.get("grid")
    if not isinstance(grid, dict) or not grid:
        raise ExperimentError(f"{source}: needs a [grid] table with at least one name = [values]")
    axes = {}
    for name, raw in grid.items():
        if isinstance(raw, dict):
            if set(raw) != {"from", "to", "steps"}:
                raise ExperimentError(f"{source}: grid.{name}: a range needs exactly the keys "
                                      "from, to, steps")
            axes[name] = [float(v) for v in np.linspace(raw["from"], raw["to"], int(raw["steps"]))]
        elif isinstance(raw, list):
            if not raw:
                raise ExperimentError(f"{source}: grid.{name}: the list of values is empty")
            axes[name] = raw
        else:
            axes[name] = [raw]
    ints = {}
    for key, default in (("seed", 2026), ("replications", 1), ("chunk_size", 16)):
        value = data.get(key, default)
        low = 0 if key == "seed" else 1
        if isinstance(value, bool) or not isinstance(value, int) or value < low:
            raise ExperimentError(f"{source}: {key}: must be a whole number >= {low}, got {value!r}")
        ints[key] = value
    for table in ("fixed", "design"):
        if not isinstance(data.get(table, {}), dict):
            raise ExperimentError(f"{source}: [{table}] must be a table of name = value")
    spec = BatchSpec(experiment=experiment, points=_grid_frame(axes), fixed=dict(data.get("fixed", {})),
                     design=dict(data.get("design", {})), **ints)
    _validate(spec, source)
    return spec
