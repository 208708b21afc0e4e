"""The ``nabij`` command line: thin commands that call library functions and print.

``nabij simulate`` runs a protocol on a sampled population; ``nabij demo`` is the
showcase (36 questions vs small talk); ``nabij params`` and ``nabij protocols`` list what
can be set; ``nabij willing`` queries the disclosure decision directly.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import numpy as np
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from nabij import __version__
from nabij._rng import spawn
from nabij.companion.cli import journal_app
from nabij.companion.web.cli import serve_command
from nabij.engine import BLOCK_SIZE, Recorder
from nabij.extras import MissingExtraError, require
from nabij.lab.cli import replicate_cmd
from nabij.lab.cli_calibrate import calibrate_cmd, sweep_cmd
from nabij.model import Context, Params, disclosure_willingness, param_specs
from nabij.model.context import relationship_help
from nabij.model.traits import sample_population
from nabij.overrides import apply_overrides, describe_overrides, parse_overrides
from nabij.protocols import PROTOCOLS, get_protocol
from nabij.provenance import SIDECAR_SUFFIX, stamp, write_sidecar, write_table

if TYPE_CHECKING:
    import pandas as pd  # imported by the commands that make tables: `nabij journal` starts without it


def _flags_show_no_type() -> None:
    """typer labels a flag's value type ``<bool>``, but a flag takes no value: show none."""
    from typer.core import TyperOption

    original = getattr(TyperOption, "display_type_rich", None)
    if original is None:  # a typer without type labels
        return

    def display_type_rich(self: TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag and not self.count else original(self, ctx)

    TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_flags_show_no_type()
app = typer.Typer(help="nabij: the risk regulation system of close relationships, executable.",
                  no_args_is_help=True, add_completion=False)
app.add_typer(journal_app, name="journal")
app.command("replicate")(replicate_cmd)
app.command("serve")(serve_command)
app.command("calibrate")(calibrate_cmd)
app.command("sweep")(sweep_cmd)
console = Console()
err = Console(stderr=True)

__all__ = ["app", "main"]


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {escape(message)}")
    return typer.Exit(code=2)


def _frame_table(frame: pd.DataFrame, title: str) -> Table:
    table = Table(title=escape(title))
    table.add_column(escape(str(frame.index.name or "")))
    for col in frame.columns:
        table.add_column(escape(str(col)), justify="right")
    for idx, row in frame.iterrows():
        cells = (f"{v:.3f}" if isinstance(v, float) else escape(str(v)) for v in row)
        table.add_row(escape(str(idx)), *cells)
    return table


@app.command("simulate")
def simulate_cmd(
    protocol: Annotated[str, typer.Option(help=f"one of: {', '.join(PROTOCOLS)}")] = "36_questions",
    dyads: Annotated[int, typer.Option(min=1, help="number of pairs to simulate")] = 1000,
    seed: Annotated[int, typer.Option(min=0, help="random seed (same seed, same result)")] = 0,
    relationship: Annotated[str, typer.Option(
        help=relationship_help())] = "strangers",
    power: Annotated[float | None, typer.Option(
        help="how far person 1 stands above person 0 in power, -1..1")] = None,
    load: Annotated[float, typer.Option(help="cognitive load 0..1 (executive control)")] = 0.0,
    out: Annotated[Path | None, typer.Option(help="write results to a .csv or .parquet file")] = None,
    per_turn: Annotated[bool, typer.Option(
        "--per-turn", help="write per-turn records (tidy) instead of final outcomes")] = False,
    progress: Annotated[bool, typer.Option(help="show a progress bar")] = True,
    set_: Annotated[list[str] | None, typer.Option(
        "--set", metavar="NAME=VALUE",
        help="change one parameter (repeatable), e.g. --set projection=0.5; "
             "`nabij params` lists names and ranges")] = None,
) -> None:
    """Simulate DYADS pairs of sampled people through a protocol and summarise the outcomes.

    The run goes in block-aligned batches (:func:`nabij.engine.batches.simulate_in_batches`),
    so memory stays bounded for any number of dyads; per-turn data is recorded only with
    ``--per-turn``, and written batch by batch.
    """
    from nabij.engine.batches import POPULATION_BATCH, RunningSummary, simulate_in_batches

    if per_turn and out is None:
        raise _fail("--per-turn: per-turn records are only written to a file; add --out turns.csv")
    if out is not None and out.suffix.lower() not in (".csv", ".parquet", ".pq"):
        raise _fail(f"--out: use a .csv or .parquet file name, got {out.name!r}")
    try:
        proto = get_protocol(protocol)
        ctx = Context(relationship=relationship, power=power, cognitive_load=load)
        ctx.resolve(1)  # a bad setting fails here, before any work
        overrides = parse_overrides(set_ or [])
        params = apply_overrides(Params(), overrides)
    except ValueError as e:
        raise _fail(str(e)) from e
    record = Recorder() if per_turn else Recorder(per_turn=())
    part = 4 * BLOCK_SIZE if per_turn else POPULATION_BATCH
    summary = RunningSummary()
    prov = stamp(seed=seed, protocol=proto.name, params=params, dyads=dyads, relationship=relationship,
                 power=power, cognitive_load=load, records="per turn" if per_turn else "final")
    sink = _FrameSink(out, prov) if out is not None else None
    try:
        for first, result in simulate_in_batches(dyads, proto, people_rng=spawn(seed, 1)[0],
                                                 rng=seed, context=ctx, params=params, record=record,
                                                 part_dyads=part, progress=progress):
            summary.add(result)
            if sink is not None:
                sink.write(_offset(result.turns_frame() if per_turn else result.final_frame(),
                                   first))
            del result
    except ValueError as e:
        raise _fail(str(e)) from e
    finally:
        if sink is not None:
            sink.close()
    console.print(_frame_table(summary.frame().set_index("outcome"),
                               f"{proto.name}: {dyads:,} {relationship} pairs, "
                               f"{len(proto)} turns (seed {seed})"
                               + (f"; {describe_overrides(overrides)}" if overrides else "")))
    console.print("mean and 95% interval: the pair is the unit (each pair's two partners averaged, "
                  f"n = {dyads:,} pairs); sd: across persons", markup=False)
    if sink is not None:
        console.print(f"wrote {sink.rows:,} rows to {out}", markup=False)
        where = f"{sink.out}{SIDECAR_SUFFIX}" if sink.out.suffix.lower() == ".csv" else "its Parquet metadata"
        console.print(f"provenance (version, seed, parameters, protocol, command) in {where}", markup=False)


def _offset(frame: pd.DataFrame, first_dyad: int) -> pd.DataFrame:
    """A batch's frame numbered as in the whole run (its dyads start at ``first_dyad``)."""
    frame["dyad"] += first_dyad
    for column in ("person_id", "partner_id"):
        if column in frame:
            frame[column] += 2 * first_dyad
    return frame


class _FrameSink:
    """Appends frames to one .csv or .parquet file, batch by batch (memory holds one batch)."""

    def __init__(self, out: Path, provenance: dict[str, Any]) -> None:
        out.parent.mkdir(parents=True, exist_ok=True)
        self.out, self.rows, self.provenance = out, 0, provenance
        self._parquet: Any = None
        if out.suffix.lower() != ".csv":
            require("pyarrow", "lab", "Writing Parquet files")
        if out.exists():
            out.unlink()

    def write(self, frame: pd.DataFrame) -> None:
        if self.out.suffix.lower() == ".csv":
            frame.to_csv(self.out, index=False, mode="a", header=self.rows == 0)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq

            table = pa.Table.from_pandas(frame, preserve_index=False)
            if self._parquet is None:  # the provenance goes into the file's schema metadata
                blob = json.dumps(self.provenance, indent=2, sort_keys=True, default=str).encode()
                schema = table.schema.with_metadata({**(table.schema.metadata or {}), b"nabij": blob})
                self._parquet = pq.ParquetWriter(self.out, schema)
            table = table.replace_schema_metadata(self._parquet.schema.metadata)
            self._parquet.write_table(table)
        self.rows += len(frame)

    def close(self) -> None:
        if self._parquet is not None:
            self._parquet.close()
        elif self.out.suffix.lower() == ".csv":
            write_sidecar(self.out, self.provenance)


@app.command("demo")
def demo_cmd(
    pairs: Annotated[int, typer.Option(min=2, help="pairs per condition")] = 10_000,
    seed: Annotated[int, typer.Option(min=0, help="random seed")] = 2026,
    out: Annotated[Path, typer.Option(help="folder for the plot and the table")] = Path("demo-output"),
) -> None:
    """The 36 questions vs small talk on PAIRS stranger pairs: a table and a plot."""
    console.print(f"[bold]nabij {__version__}[/] - Aron et al. (1997): 36 escalating questions "
                  f"vs small talk, {pairs:,} pairs each")
    import pandas as pd

    from nabij.showcase import plot_showcase, run_showcase

    show = run_showcase(pairs, seed, progress=True)
    means = pd.DataFrame(show.table["mean"]).round(3)
    console.print(_frame_table(means, "Final outcomes per pair (means; IOS and liking on 1-7)"))
    console.print(f"Cohen's d on closeness (IOS), pair as unit: "
                  f"{show.table.attrs['cohens_d_ios']:.2f}  (paper: 0.88 on the closeness composite)")
    out.mkdir(parents=True, exist_ok=True)
    write_table(show.tidy(), out / "showcase.csv",
                stamp(seed=seed, protocol="36_questions vs small_talk", pairs_per_condition=pairs))
    plot = plot_showcase(show, out / "closeness.png")
    console.print(f"wrote {plot} and {out / 'showcase.csv'}", markup=False)


@app.command("params")
def params_cmd(rule: Annotated[str | None, typer.Option(
        help=f"only this rule's parameters: one of {', '.join(sorted({p.rule for p in param_specs()}))}",
)] = None) -> None:
    """List every model parameter: the name you type, default, range, meaning, why, source."""
    specs = param_specs()
    rules = sorted({s.rule for s in specs})
    if rule is not None and rule not in rules:
        raise _fail(f"--rule: unknown rule {rule!r}; choose from {', '.join(rules)}")
    shown = [s for s in specs if rule is None or s.rule == rule]
    table = Table(title=escape(f"Model parameters (nabij.Params): {len(shown)} of {len(specs)}"),
                  show_lines=True)
    table.add_column("name (as you type it)", no_wrap=True, style="bold")
    table.add_column("default", justify="right", no_wrap=True)
    table.add_column("range", no_wrap=True)
    table.add_column("rule", no_wrap=True)
    table.add_column("meaning, why this default, source", ratio=1)
    for s in shown:
        about = f"{escape(s.meaning)}\n[dim]why:[/] {escape(s.why)}\n[dim]source:[/] {escape(s.source)}"
        table.add_row(s.name, f"{s.default:g}", escape(f"[{s.low:g}, {s.high:g}]"), s.rule, about)
    console.print(table)


@app.command("protocols")
def protocols_cmd() -> None:
    """List the named protocols and their number of turns."""
    table = Table(title="Protocols")
    table.add_column("name")
    table.add_column("turns", justify="right")
    table.add_column("what")
    for name, builder in PROTOCOLS.items():
        doc = (builder.__doc__ or "").strip().splitlines()[0]
        table.add_row(name, str(len(builder())), escape(doc))
    console.print(table)


@app.command("willing")
def willing_cmd(
    intimacy: Annotated[float, typer.Option(help="topic intimacy 0..1")] = 0.5,
    valence: Annotated[float, typer.Option(help="negative (-1) to positive (1) content")] = 0.0,
    emotional: Annotated[float, typer.Option(help="factual (0) to emotional (1)")] = 0.5,
    relationship: Annotated[str, typer.Option(help=relationship_help())] = "strangers",
    power: Annotated[float | None, typer.Option(help="partner's power above you, -1..1")] = None,
    audience: Annotated[float, typer.Option(help="people who hear it (>= 1)")] = 1.0,
    identifiability: Annotated[float, typer.Option(help="0 anonymous .. 1 fully known")] = 1.0,
    people: Annotated[int, typer.Option(min=1, help="sampled people to average over")] = 2000,
    seed: Annotated[int, typer.Option(min=0)] = 0,
) -> None:
    """How willing people are to disclose such a topic here, without running a conversation."""
    try:
        pop = sample_population(people, seed)
        ctx = Context(relationship=relationship, power=power, audience=audience,
                      identifiability=identifiability)
        d = disclosure_willingness(pop, intimacy, valence, emotional, ctx, Params())
    except ValueError as e:
        raise _fail(str(e)) from e
    w = np.asarray(d.willingness)
    depth, breadth = np.asarray(d.depth), np.asarray(d.breadth)
    console.print(f"willingness: mean {w.mean():.3f} (10-90%: {np.percentile(w, 10):.3f}-"
                  f"{np.percentile(w, 90):.3f}); depth {depth.mean():.3f}; "
                  f"breadth {breadth.mean():.3f}")


def _show_version(value: bool) -> None:
    if value:
        console.print(f"nabij {__version__}", markup=False, highlight=False)
        raise typer.Exit()


@app.callback()
def _root(version: Annotated[bool, typer.Option(
        "--version", callback=_show_version, is_eager=True, help="Print nabij's version and exit.")] = False,
) -> None:
    """nabij: the risk regulation system of close relationships, executable."""


def main() -> None:
    """Entry point of the ``nabij`` console script: a missing optional package is one clear line."""
    try:
        app()
    except MissingExtraError as e:
        err.print(f"[bold red]error:[/] {escape(str(e))}")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
