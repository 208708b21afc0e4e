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
from nabij.lab.runner import TargetResult, parse_only, run_target
from nabij.lab.targets import TARGETS
from nabij.model import Params
from nabij.overrides import apply_overrides, describe_overrides, parse_overrides
from nabij.provenance import stamp

__all__ = ["replicate_cmd"]

console = Console()


def _run(ids: list[str], replications: int, seed: int, scale: float, params: Params,
         label: str) -> list[TargetResult]:
    results = []
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=len(ids) * replications)
        for tid in ids:
            progress.update(task, description=escape(f"{label}{tid}: {TARGETS[tid].source[:40]}"))
            results.append(run_target(tid, replications, seed, params, scale=scale,
                                      on_replication=lambda: progress.advance(task)))
    return results


def replicate_cmd(
    only: Annotated[str | None, typer.Option(help="target ids, e.g. T1,T3 (default: all)")] = None,
    replications: Annotated[int, typer.Option(
        min=2, help="virtual studies per target; the predictive interval's quantiles need about 100")] = 100,
    out: Annotated[Path, typer.Option(help="folder for report.html, report.md, results.json")] = Path(
        "replication-report"),
    seed: Annotated[int, typer.Option(min=0, help="root seed")] = 2026,
    scale: Annotated[float, typer.Option(
        min=0.05, help="multiply every study's size (1 = the paper's N where known)")] = 1.0,
    lesion: Annotated[str | None, typer.Option(
        help="replace one mechanism by its null version: appraisal, signaling, dependence, learning, goals, "
             "editing, suppression, or intimacy-only (the baseline without the three rules)")] = None,
    lesions: Annotated[str | None, typer.Option(
        help="'all' (or a comma list): also run every lesion and add a targets x lesions table")] = None,
    lesion_replications: Annotated[int | None, typer.Option(
        min=2, help="virtual studies per target and lesion for the lesion table (default: as many as "
                    "--replications; fewer flip verdicts that sit near a boundary)")] = None,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", metavar="NAME=VALUE",
        help="change one parameter for this run (repeatable), e.g. --set power_risk=0; "
             "`nabij params` lists names and ranges")] = None,
) -> None:
    """Replicate the published findings with the default parameters; report paper vs model per group.

    With ``--set`` the run answers a what-if: the report says which values differ from the
    defaults, and its counts are not the model's headline.
    """
    require(("matplotlib", "markdown_it"), "lab", "nabij replicate")
    lesion_replications = lesion_replications or replications
    from nabij.lab.lesions import LESION_NAMES, lesioned, parse_lesions

    try:
        ids = parse_only(only)
        overrides = parse_overrides(set_ or [])
        base = apply_overrides(Params(), overrides)
    except ValueError as err:
        console.print(f"[red]error:[/] {escape(str(err))}")
        raise typer.Exit(2) from err
    try:
        params = lesioned(base, lesion) if lesion else base
        table_lesions = parse_lesions(lesions) if lesions else []
    except ValueError as err:
        console.print(f"[red]error:[/] {escape(str(err))}")
        console.print(escape(f"lesions: {', '.join(LESION_NAMES)}"))
        raise typer.Exit(2) from err
    changes = [f"{lesion} lesion"] if lesion else []
    changes += [describe_overrides(overrides)] if overrides else []
    results = _run(ids, replications, seed, scale, params, "".join(f"{c}, " for c in changes))
    lesion_table = None
    if table_lesions:
        from nabij.lab.lesions import run_lesion_table

        lesion_table = run_lesion_table(ids, table_lesions, lesion_replications, seed, scale, base,
                                        run=lambda i, r, s, sc, p, label: _run(i, r, s, sc, p, label))
    from nabij.lab.report import LABEL, build_report, count_lines, write_report  # matplotlib: only here

    report = build_report(results, replications, seed, lesion_table, lesion, overrides)
    title = f"Paper vs model ({replications} virtual studies per target"
    in_title = [f"{lesion} lesioned"] if lesion else []
    in_title += [describe_overrides(overrides)] if overrides else []
    title += "".join(f", {c}" for c in in_title) + ")"
    table = Table(title=escape(title))
    for col in ("id", "group", "deciding check", "paper", "model mean; 95% predictive interval", "verdict"):
        table.add_column(col, overflow="fold")
    for r in results:
        h = r.headline
        e = h.estimate
        model = f"{e.value:.2f}"
        if h.check.kind == "quantitative":
            model += f"; [{e.predictive_low:.2f}, {e.predictive_high:.2f}]"
        table.add_row(r.target.id, r.group, escape(h.check.quantity), escape(h.check.paper_text), model,
                      LABEL[r.verdict])
    console.print(table)
    for line in count_lines(report.counts):
        console.print(f"[bold]{escape(line)}[/]")
    if lesion_table is not None:
        console.print(lesion_table.rich_table())
        for line in lesion_table.flags():
            console.print(escape(line))
    prov = stamp(seed=seed, protocol="replication of " + ",".join(ids), params=params,
                 replications=replications, scale=scale, lesion=lesion, overrides=overrides or None,
                 lesions=table_lesions or None,
                 lesion_replications=lesion_replications if table_lesions else None)
    files = write_report(report, out, prov)
    console.print("wrote " + ", ".join(escape(str(p)) for p in files.values()))
