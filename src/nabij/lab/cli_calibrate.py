"""``nabij calibrate`` and ``nabij sweep``: the laboratory's fitting and scaling commands.

Registered in :mod:`nabij.cli` with one line each. ``calibrate`` needs the ``calibrate``
extra (sbi, torch, pyabc, SALib); ``sweep`` needs dask only for ``--local-cluster`` or
``--scheduler``.
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from nabij.extras import require
from nabij.model import Params

__all__ = ["calibrate_cmd", "sweep_cmd"]

console = Console()
err = Console(stderr=True)
_COLUMNS = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code=2)


@contextmanager
def _client(local_cluster: int | None, scheduler: str | None) -> Iterator[Any]:
    """No client (in-process), a LocalCluster on loopback, or a client of an existing cluster."""
    if local_cluster is None and scheduler is None:
        yield None
        return
    require("distributed", "scale", "Running on a Dask cluster")
    from distributed import Client, LocalCluster

    if scheduler is not None:
        with Client(scheduler) as client:  # type: ignore[no-untyped-call]
            yield client
        return
    cluster = LocalCluster(n_workers=local_cluster, threads_per_worker=1, host="127.0.0.1",  # type: ignore[no-untyped-call]
                           dashboard_address=None)
    with cluster, Client(cluster) as client:  # type: ignore[no-untyped-call]
        yield client


def sweep_cmd(
    grid: Annotated[Path, typer.Option(
        help="grid file (TOML): a \\[grid] table of parameters and what to measure")],
    out: Annotated[Path, typer.Option(
        help="results, one row per grid point: a .parquet or .csv file")] = Path("results.parquet"),
    experiment: Annotated[str | None, typer.Option(
        help="run your own function (seed, params, design) -> dict instead of the built-in measures: "
             "module:function or path/to/file.py:function")] = None,
    local_cluster: Annotated[int | None, typer.Option(
        min=1, help="start a Dask LocalCluster with N worker processes on 127.0.0.1")] = None,
    scheduler: Annotated[str | None, typer.Option(
        help="submit to an existing Dask scheduler, e.g. tcp://10.0.0.5:8786")] = None,
) -> None:
    """Sweep parameters over a grid; in-process, or on Dask with identical results. Resumes.

    The grid file path is relative to the working directory.
    """
    from nabij.lab.batch import BatchSpec, ExperimentError, load_experiment, normalize_reference, parse_batch_grid
    from nabij.lab.sweep import GridError, load_grid, read_grid_text, run_sweep, sweep_provenance

    if local_cluster is not None and scheduler is not None:
        raise _fail("use --local-cluster or --scheduler, not both")
    if out.suffix.lower() not in (".parquet", ".pq", ".csv"):
        raise _fail(f"--out: use a .parquet or .csv file name, got {out.name!r}")
    spec: Any
    try:
        if experiment is None:
            spec = load_grid(grid)
        else:
            experiment = normalize_reference(experiment)
            load_experiment(experiment)  # fail now, not on a worker
            spec = parse_batch_grid(read_grid_text(grid), experiment, str(grid))
    except (GridError, ExperimentError) as e:
        raise _fail(str(e)) from e
    measures = (f"{spec.replications} replications of {experiment}" if isinstance(spec, BatchSpec)
                else f"{len(spec.quantities)} quantities")
    where = "in-process" if local_cluster is None and scheduler is None else (
        f"LocalCluster({local_cluster})" if local_cluster else f"scheduler {scheduler}")
    console.print(f"{len(spec.points):,} grid points x {measures}, "
                  f"{spec.n_chunks} chunks of {spec.chunk_size}, {where}", markup=False)
    try:
        with _client(local_cluster, scheduler) as client, Progress(*_COLUMNS, console=console) as bar:
            task = bar.add_task("sweeping", total=spec.n_chunks)
            outcome = run_sweep(spec, out, client, on_chunk=lambda done, _: bar.update(task, completed=done),
                                provenance=sweep_provenance(spec))
    except (GridError, ExperimentError) as e:
        raise _fail(str(e)) from e
    except KeyboardInterrupt as e:
        err.print(f"interrupted: finished chunks are kept in {out}.parts; run the same command to resume",
                  markup=False)
        raise typer.Exit(code=130) from e
    note = f" ({outcome.skipped} chunks already done, resumed)" if outcome.skipped else ""
    console.print(f"wrote {len(outcome.frame):,} rows to {out}{note}", markup=False)


def calibrate_cmd(
    targets: Annotated[str | None, typer.Option(
        help="targets whose checked quantities are the summary statistics, e.g. T1,T3,T9 "
             "(default: T1.composites and d, T3, T9, T13, T14 headline quantities)")] = None,
    budget: Annotated[int, typer.Option(min=50, help="simulations to train the posterior estimator")] = 2000,
    out: Annotated[Path, typer.Option(help="folder for samples, summaries, plots, fitted.toml")] = Path(
        "calibration"),
    seed: Annotated[int, typer.Option(min=0, help="root seed")] = 2026,
    sbc: Annotated[int, typer.Option(min=10, help="simulation-based calibration replications")] = 200,
    sobol_n: Annotated[int, typer.Option(
        help="Sobol base sample (power of two) to choose the parameters; 0 keeps the documented set")] = 32,
    k: Annotated[int, typer.Option(min=1, help="how many parameters to calibrate (by Sobol rank)")] = 4,
    compare: Annotated[int, typer.Option(
        min=0, help="also compare NPE with ABC-SMC on this many synthetic data sets")] = 0,
    compare_budget: Annotated[int, typer.Option(
        min=50, help="simulations per method in the comparison")] = 600,
    ensemble: Annotated[int, typer.Option(
        min=1, help="train this many NPE estimators; their mixture is the posterior")] = 1,
    estimator: Annotated[str, typer.Option(help="sbi density estimator: nsf or maf")] = "nsf",
    replicate: Annotated[bool, typer.Option(
        help="re-run `nabij replicate` (20 replications) with the fitted values and the defaults")] = True,
) -> None:
    """Fit the model's most influential global parameters to the published targets (sbi NPE)."""
    require(("sbi", "torch", "SALib"), "calibrate", "nabij calibrate")
    from nabij.lab.calibrate.outputs import write_outputs
    from nabij.lab.calibrate.pipeline import CalibrationConfig, calibrate
    from nabij.lab.calibrate.problem import Problem
    from nabij.lab.evaluate import quantity_names
    from nabij.lab.runner import parse_only

    try:
        statistics = None if targets is None else tuple(quantity_names(parse_only(targets)))
        problem = Problem() if statistics is None else Problem(statistics=statistics)
        config = CalibrationConfig(problem=problem, budget=budget, seed=seed, sbc=sbc, sobol_n=sobol_n, k=k,
                                   compare=compare, compare_budget=compare_budget, ensemble=ensemble,
                                   estimator=estimator)
        with Progress(*_COLUMNS, console=console, transient=True) as bar:
            def tick(stage: str, total: int) -> Callable[[], None]:
                task = bar.add_task(escape(stage), total=total)
                return lambda: bar.advance(task)

            result = calibrate(config, tick)
    except ValueError as e:
        raise _fail(str(e)) from e
    command = "nabij calibrate " + shlex.join(sys.argv[2:]) if len(sys.argv) > 1 else "nabij calibrate"
    files = write_outputs(result, out, command)
    (c50, s50), (c90, s90) = result.sbc.pooled(0.5), result.sbc.pooled(0.9)
    console.print(f"SBC over {result.sbc.n} draws: 50% intervals cover {c50:.1%} (MC SE {s50:.1%}), "
                  f"90% intervals {c90:.1%} (MC SE {s90:.1%})")
    table = Table(title="fitted values (median of the accepted posterior draws)")
    for col in ("parameter", "default", "fitted"):
        table.add_column(col)
    for p, v in result.fitted.items():
        table.add_row(p, f"{getattr(Params(), p):g}", f"{v:.4g}")
    console.print(table)
    if replicate and result.fitted:
        console.print(_replication_counts(result.fitted, seed=2026))
    console.print("wrote " + ", ".join(str(p) for p in files.values()), markup=False)


def _replication_counts(fitted: dict[str, float], seed: int) -> str:
    """Match counts of the full replication: hand-set values, current defaults, fitted values."""
    from nabij.lab.calibrate.problem import HAND_SET
    from nabij.lab.runner import run_targets
    from nabij.lab.targets import TARGETS

    sets = {"the hand-set values": Params().with_(**HAND_SET), "the current defaults": Params(),
            "the fitted values": Params().with_(**fitted)}
    counts = []
    for name, params in sets.items():
        results = run_targets(list(TARGETS), 20, seed, params)
        counts.append(f"{sum(r.verdict == 'match' for r in results)} with {name}")
    return (f"replication (seed {seed}, 20 replications), targets matched of {len(TARGETS)}: "
            + ", ".join(counts))
