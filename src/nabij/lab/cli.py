"""``nabij replicate``: run the virtual replications and write the paper-vs-model report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from nabij.extras import require
from nabij.lab.runner import parse_only, run_target
from nabij.lab.targets import TARGETS

__all__ = ["replicate_cmd"]

console = Console()


def replicate_cmd(
    only: Annotated[str | None, typer.Option(help="target ids, e.g. T1,T3 (default: all)")] = None,
    replications: Annotated[int, typer.Option(min=2, help="replications per target (spawned seeds)")] = 20,
    out: Annotated[Path, typer.Option(help="folder for report.html, report.md, results.json")] = Path(
        "replication-report"),
    seed: Annotated[int, typer.Option(min=0, help="root seed")] = 2026,
    scale: Annotated[float, typer.Option(min=0.05, help="multiply every experiment's sample size")] = 1.0,
) -> None:
    """Replicate the published findings (T1-T15) with the default parameters; report paper vs model."""
    require(("numba", "matplotlib", "markdown_it"), "lab", "nabij replicate")
    try:
        ids = parse_only(only)
    except ValueError as err:
        console.print(f"[red]error:[/] --only: {escape(str(err))}")
        raise typer.Exit(2) from err
    results = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("replicating", total=len(ids) * replications)
        for tid in ids:
            progress.update(task, description=escape(f"{tid}: {TARGETS[tid].source[:40]}"))
            results.append(run_target(tid, replications, seed, scale=scale,
                                      on_replication=lambda: progress.advance(task)))
    from nabij.lab.report import SYMBOL, build_report, write_report  # matplotlib: only when reporting

    report = build_report(results, replications, seed)
    table = Table(title=f"Paper vs model ({replications} replications per target)")
    for col in ("id", "source", "deciding check", "paper", "model [95% CI]", "verdict"):
        table.add_column(col, overflow="fold")
    for r in results:
        h = r.headline
        e = h.estimate
        table.add_row(r.target.id, r.target.source.split(" (")[0][:28], h.check.quantity, h.check.paper_text,
                      f"{e.value:.2f} [{e.ci_low:.2f}, {e.ci_high:.2f}]", SYMBOL[r.verdict])
    console.print(table)
    console.print(f"[bold]{escape(report.summary)}[/]")
    files = write_report(report, out)
    console.print("wrote " + ", ".join(str(p) for p in files.values()), markup=False)
