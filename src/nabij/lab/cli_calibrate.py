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
                           dashboard_address=":0")
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
    from nabij.lab.batch import (
        BatchSpec,
        ExperimentError,
        load_experiment,
        normalize_reference,
        parse_batch_grid,
    )
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
    sobol_n: Annotated[int, typer.Option(
        min=2, help="Sobol base sample (a power of two) for screening every parameter")] = 16,
    k: Annotated[int, typer.Option(
        min=1, help="candidates kept by the screening, tested for identification")] = 6,
    identify_budget: Annotated[int, typer.Option(
        min=0, help="simulations for the identification stage (0: fit every candidate)")] = 2000,
    budget: Annotated[int, typer.Option(min=50, help="simulations to train the shipped estimator")] = 4000,
    sbc: Annotated[int, typer.Option(min=10, help="simulation-based calibration replications")] = 300,
    predictive: Annotated[int, typer.Option(
        min=0, help="posterior draws for the predictive checks on the validation targets (0: none)")] = 50,
    out: Annotated[Path, typer.Option(help="folder for samples, summaries, plots, fitted.toml")] = Path(
        "calibration"),
    seed: Annotated[int, typer.Option(min=0, help="root seed")] = 2026,
) -> None:
    """Fit the parameters the calibration targets identify (sbi NPE); validate it; predict the rest.

    Reads only the calibration targets of lab/split.toml; the validation targets are used
    only by the posterior predictive checks, after the fit.
    """
    require(("sbi", "torch", "SALib"), "calibrate", "nabij calibrate")
    from nabij.lab.calibrate.outputs import write_outputs
    from nabij.lab.calibrate.pipeline import CalibrationConfig, calibrate

    if sobol_n & (sobol_n - 1):
        raise _fail(f"--sobol-n must be a power of two, got {sobol_n}")
    try:
        config = CalibrationConfig(seed=seed, sobol_n=sobol_n, k=k, identify_budget=identify_budget,
                                   budget=budget, sbc=sbc, predictive=predictive)
        with Progress(*_COLUMNS, console=console, transient=True) as bar:
            def tick(stage: str, total: int) -> Callable[[], None]:
                task = bar.add_task(escape(stage), total=total)
                return lambda: bar.advance(task)

            result = calibrate(config, tick)
    except ValueError as e:
        raise _fail(str(e)) from e
    command = "nabij calibrate " + shlex.join(sys.argv[2:]) if len(sys.argv) > 1 else "nabij calibrate"
    files = write_outputs(result, out, command)
    if result.identification is not None:
        ident = result.identification
        console.print("identified by the published data (posterior contraction >= "
                      f"{ident.threshold:g}): " + (", ".join(ident.identified()) or "none"))
    if result.sbc is not None:
        (c50, s50), (c90, s90) = result.sbc.pooled(0.5), result.sbc.pooled(0.9)
        console.print(f"SBC of the shipped estimator over {result.sbc.n} draws: 50% intervals cover "
                      f"{c50:.1%} (MC SE {s50:.1%}), 90% intervals {c90:.1%} (MC SE {s90:.1%})")
    table = Table(title="fitted values (posterior median and 90% interval)")
    for col in ("parameter", "default now", "fitted", "90% interval"):
        table.add_column(col)
    for p, v in result.fitted.items():
        lo, hi = result.intervals[p]
        table.add_row(p, f"{getattr(Params(), p):g}", f"{v:.4g}", escape(f"[{lo:.4g}, {hi:.4g}]"))
    console.print(table)
    pred = result.predictive
    if len(pred):
        val = pred[pred["group"] == "validation"]
        quant = val[val["paper_inside"].notna()]
        signed = val[val["sign_share"].notna()]
        console.print(f"posterior predictive, validation targets: {int(quant['paper_inside'].sum())} of "
                      f"{len(quant)} published values inside the 95% predictive interval; "
                      f"{int((signed['sign_share'] > 0.5).sum())} of {len(signed)} signed checks predicted "
                      "with the paper's sign in most draws")
    console.print("wrote " + ", ".join(str(p) for p in files.values()), markup=False)
