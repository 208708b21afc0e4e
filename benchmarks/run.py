"""``make bench``: nabij against Mesa and against the machine's limit; writes results JSON.

    python -m benchmarks.run [--config benchmarks/config.toml] [--out benchmarks/results/latest.json]

Every number is dyad-turns per second (one dyad taking one turn) unless named otherwise.
The three goals of issue 3 are checked at the end: ``ratio_vs_mesa >= 100``,
``fraction_of_limit >= 0.33`` and a peak of at most 2 GiB for the memory run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

import nabij as nb
from benchmarks.config import BenchConfig, load_config
from benchmarks.limit import run_limit
from benchmarks.workloads import best_of, time_mesa, time_nabij

GOALS = {"ratio_vs_mesa": 100.0, "fraction_of_limit": 0.33}
PEAK_RSS_GOAL_MIB = 2048.0


def _memory_run(mode: str, dyads: int, cfg: BenchConfig) -> dict[str, Any]:
    """Run benchmarks.memory in a fresh process (its peak is its own) and read its JSON."""
    cmd = [sys.executable, "-m", "benchmarks.memory", mode, str(dyads), str(cfg.questions_per_set),
           str(cfg.batch_dyads)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True,
                          cwd=Path(__file__).resolve().parent.parent)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _plan(cfg: BenchConfig, out: dict[str, Any]) -> list[tuple[str, Callable[[], None]]]:
    """The measurements, in order, each filling its part of ``out``."""
    proto = nb.thirty_six_questions(cfg.questions_per_set)
    T = cfg.turns

    def rate(n: int, seconds: float, p: int = 1) -> float:
        return p * n * T / seconds

    def engine(n: int) -> Callable[[], None]:
        def run() -> None:
            out["dyad_turns_per_s"][str(n)] = rate(n, time_nabij(n, proto, cfg.outcomes, cfg.seed,
                                                                 cfg.repeats))
        return run

    def reference() -> None:
        n = cfg.reference_dyads
        ref = rate(n, time_nabij(n, proto, cfg.outcomes, cfg.seed, cfg.repeats, kernel="reference"))
        fused = rate(n, time_nabij(n, proto, cfg.outcomes, cfg.seed, cfg.repeats))
        out.update(reference_dyads=n, reference_kernel_dyad_turns_per_s=ref,
                   fused_kernel_dyad_turns_per_s_at_reference_n=fused, fused_speedup=fused / ref)

    def mesa() -> None:
        n = cfg.mesa_dyads
        m = rate(n, time_mesa(n, proto, cfg.seed, cfg.mesa_repeats))
        e = rate(n, time_nabij(n, proto, cfg.outcomes, cfg.seed, cfg.repeats))
        out.update(mesa_dyads=n, mesa_dyad_turns_per_s=m, nabij_dyad_turns_per_s_at_mesa_n=e,
                   ratio_vs_mesa=e / m)

    def limit() -> None:
        n = cfg.limit_dyads
        lim = rate(n, best_of(cfg.limit_repeats, iter(lambda: run_limit(n, T, cfg.seed), None)))
        e = rate(n, time_nabij(n, proto, cfg.outcomes, cfg.seed, cfg.limit_repeats))
        out.update(limit_dyads=n, limit_dyad_turns_per_s=lim, nabij_dyad_turns_per_s_at_limit_n=e,
                   fraction_of_limit=e / lim)

    def turns() -> None:
        n = cfg.scaling_dyads
        for q in cfg.scaling_questions:
            seconds = time_nabij(n, nb.thirty_six_questions(q), cfg.outcomes, cfg.seed, cfg.repeats)
            out["scaling"]["turns"][str(6 * q)] = {"seconds": seconds,
                                                   "dyad_turns_per_s": n * 6 * q / seconds}

    def param_sets() -> None:
        n = cfg.scaling_dyads
        for p in cfg.parameter_sets:
            seconds = time_nabij(n, proto, cfg.outcomes, cfg.seed, 1, parameter_sets=p)
            out["scaling"]["parameter_sets"][str(p)] = {"seconds": seconds,
                                                        "dyad_turns_per_s": rate(n, seconds, p)}

    def memory() -> None:
        single = _memory_run("single", cfg.per_dyad_at, cfg)
        big = _memory_run("batched", cfg.memory_dyads, cfg)
        out["bytes_per_dyad"] = ((single["peak_rss_mib"] - single["rss_before_mib"]) * 2**20
                                 / cfg.per_dyad_at)
        out["memory_run"] = big
        out["peak_rss_mib"] = big["peak_rss_mib"]
        out["dyad_turns_per_s"][str(cfg.memory_dyads)] = rate(cfg.memory_dyads, big["simulate_seconds"])

    def warm_up() -> None:  # numba loads the compiled kernel (or compiles it) once per process
        time_nabij(nb.BLOCK_SIZE, proto, cfg.outcomes, cfg.seed, 1)

    steps = [("warm-up", warm_up)]
    steps += [(f"nabij, {n:,} dyads", engine(n)) for n in cfg.engine_dyads]
    steps += [(f"reference vs fused kernel, {cfg.reference_dyads:,} dyads", reference),
              (f"Mesa vs nabij, {cfg.mesa_dyads:,} dyads", mesa),
              (f"limit vs nabij, {cfg.limit_dyads:,} dyads", limit),
              ("scaling in turns", turns), ("scaling in parameter sets", param_sets),
              (f"memory, {cfg.memory_dyads:,} dyads (fresh process)", memory)]
    return steps


def _machine() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []
    cpu = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")),
               platform.processor())
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "numpy": version("numpy"), "numba": version("numba"), "mesa": version("mesa"),
            "platform": platform.platform()}


def _table(out: dict[str, Any]) -> Table:
    table = Table(title=f"nabij benchmark ({out['turns']} turns, {out['machine']['cores']} cores)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for n, r in out["dyad_turns_per_s"].items():
        table.add_row(f"nabij dyad-turns/s, N = {int(n):,}", f"{r:,.0f}")
    rows = [(f"Mesa dyad-turns/s, N = {out['mesa_dyads']:,}", f"{out['mesa_dyad_turns_per_s']:,.0f}"),
            ("ratio vs Mesa (goal >= 100)", f"{out['ratio_vs_mesa']:,.0f}"),
            (f"reference kernel dyad-turns/s, N = {out['reference_dyads']:,}",
             f"{out['reference_kernel_dyad_turns_per_s']:,.0f}"),
            ("fused kernel speed-up over reference", f"{out['fused_speedup']:.1f}"),
            (f"limit dyad-turns/s, N = {out['limit_dyads']:,}", f"{out['limit_dyad_turns_per_s']:,.0f}"),
            ("fraction of limit (goal >= 0.33)", f"{out['fraction_of_limit']:.2f}"),
            ("bytes per dyad (one simulate call)", f"{out['bytes_per_dyad']:,.0f}"),
            ("peak RSS MiB, N = {:,} (goal <= 2048)".format(out["memory_run"]["dyads"]),
             f"{out['peak_rss_mib']:,.0f}")]
    n = out["scaling"]["dyads"]
    for T, v in out["scaling"]["turns"].items():
        rows.append((f"T = {T} turns, N = {n:,}: seconds", f"{v['seconds']:.2f}"))
    for P, v in out["scaling"]["parameter_sets"].items():
        rows.append((f"P = {P} parameter sets x N = {n:,}: seconds", f"{v['seconds']:.2f}"))
    for name, value in rows:
        table.add_row(name, value)
    return table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = Path(__file__).resolve().parent
    parser.add_argument("--config", type=Path, default=here / "config.toml")
    parser.add_argument("--out", type=Path, default=here / "results" / "latest.json")
    args = parser.parse_args(argv)
    console = Console(stderr=True)
    try:
        cfg = load_config(args.config)
    except ValueError as err:
        console.print(f"[red]bad benchmark configuration:[/red] {err}")
        return 2
    out: dict[str, Any] = {"machine": _machine(), "config": str(args.config), "turns": cfg.turns,
                           "protocol": "36_questions", "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                           "dyad_turns_per_s": {},
                           "scaling": {"dyads": cfg.scaling_dyads, "turns": {}, "parameter_sets": {}}}
    steps = _plan(cfg, out)
    start = time.perf_counter()
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("benchmarks", total=len(steps))
        for label, step in steps:
            progress.update(task, description=label)
            step()
            progress.advance(task)
    out["wall_seconds"] = time.perf_counter() - start
    out["goals"] = {"ratio_vs_mesa >= 100": out["ratio_vs_mesa"] >= GOALS["ratio_vs_mesa"],
                    "fraction_of_limit >= 0.33": out["fraction_of_limit"] >= GOALS["fraction_of_limit"],
                    "peak_rss_mib <= 2048": out["peak_rss_mib"] <= PEAK_RSS_GOAL_MIB}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(out, indent=2) + "\n")
    Console().print(_table(out))
    for goal, met in out["goals"].items():
        Console().print(f"{'met' if met else 'NOT MET'}: {goal}")
    Console().print(f"written: {args.out} ({out['wall_seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
