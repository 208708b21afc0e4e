"""``make bench``: nabij against its peers and against two bounds; writes results JSON.

    python -m benchmarks.run [--config benchmarks/config.toml] [--out benchmarks/results/latest.json]

Every rate is dyad-turns per second (one dyad taking one turn) unless named otherwise. The
goals of issue 13 are checked at the end (:data:`GOALS`). The machine's CPU (model, flags,
cores) and its load average before and after the run go into the results: on a shared
machine, single timings move with other people's work.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

import nabij as nb
from benchmarks.bounds import draws_and_pass_seconds, rules_in_cache_seconds
from benchmarks.config import BenchConfig, load_config
from benchmarks.workloads import best_of, time_mesa, time_nabij, time_param_sets, time_sweep

#: key -> (comparison, goal) from issue 13.
GOALS: dict[str, tuple[str, float]] = {
    "ratio_vs_mesa": (">=", 400.0),
    "ratio_vs_numpy": (">=", 5.0),
    "small_n_penalty": ("<=", 3.0),
    "thread_speedup": (">=", 1.7),
    "batched_sweep_speedup": (">=", 5.0),
    "calibrate_s": ("<=", 40.0),
    "peak_rss_mib_cli_1e7": ("<=", 2048.0),
}
ROOT = Path(__file__).resolve().parent.parent


def _memory_run(mode: str, dyads: int, cfg: BenchConfig) -> dict[str, Any]:
    """Run benchmarks.memory in a fresh process (its peak is its own) and read its JSON."""
    cmd = [sys.executable, "-m", "benchmarks.memory", mode, str(dyads), str(cfg.questions_per_set)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _calibrate_seconds(cfg: BenchConfig) -> tuple[float, dict[str, float]]:
    """Wall-clock seconds of ``nabij calibrate ARGS`` in a fresh process (kernel already cached),
    and the seconds of each stage as the pipeline reports them (``summary.json``)."""
    with tempfile.TemporaryDirectory() as out:
        cmd = [sys.executable, "-m", "nabij", "calibrate", *cfg.calibrate_args, "--out", out]
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT)
        seconds = time.perf_counter() - start
        summary = Path(out) / "summary.json"
        stages = json.loads(summary.read_text()).get("seconds", {}) if summary.exists() else {}
        return seconds, {str(k): float(v) for k, v in stages.items()}


def _plan(cfg: BenchConfig, out: dict[str, Any]) -> list[tuple[str, Callable[[], None]]]:
    """The measurements, in order, each filling its part of ``out``."""
    proto = nb.thirty_six_questions(cfg.questions_per_set)
    T, R, seed, outcomes = cfg.turns, cfg.repeats, cfg.seed, cfg.outcomes

    def rate(n: int, seconds: float, p: int = 1) -> float:
        return p * n * T / seconds

    def nabij(n: int, **kw: Any) -> float:
        return rate(n, time_nabij(n, proto, outcomes, seed, R, **kw))

    def engine(n: int) -> Callable[[], None]:
        def run() -> None:
            out["dyad_turns_per_s"][str(n)] = nabij(n)
        return run

    def small_n() -> None:
        small, large = nabij(cfg.small_n), nabij(cfg.large_n)
        out.update(small_n=cfg.small_n, large_n=cfg.large_n, small_n_penalty=large / small)

    def mesa() -> None:
        n = cfg.mesa_dyads
        m = rate(n, time_mesa(n, proto, seed, R))
        e = nabij(n)
        out.update(mesa_dyads=n, mesa_dyad_turns_per_s=m, nabij_dyad_turns_per_s_at_mesa_n=e,
                   ratio_vs_mesa=e / m)

    def numpy_peer() -> None:
        n = cfg.numpy_dyads
        ref = nabij(n, kernel="reference")
        e, e1 = nabij(n), nabij(n, threads=1)
        out.update(numpy_dyads=n, numpy_dyad_turns_per_s=ref, nabij_dyad_turns_per_s_at_numpy_n=e,
                   ratio_vs_numpy=e / ref, ratio_vs_numpy_one_core=e1 / ref)

    def threads() -> None:
        n = cfg.threads_dyads
        one, many = nabij(n, threads=1), nabij(n, threads=cfg.threads)
        out.update(threads_dyads=n, threads=cfg.threads, thread_speedup=many / one)

    def bounds() -> None:
        n = cfg.bounds_dyads
        draws = rate(n, best_of(R, lambda: draws_and_pass_seconds(n, T, seed)))
        tiles = max(1, n // nb.BLOCK_SIZE)
        rules = tiles * nb.BLOCK_SIZE * T / min(rules_in_cache_seconds(proto, tiles, seed) for _ in range(R))
        e1 = nabij(n, threads=1)
        out.update(bounds_dyads=n, nabij_one_core_dyad_turns_per_s=e1,
                   bound_draws_and_pass_dyad_turns_per_s=draws, fraction_of_draws_and_pass_bound=e1 / draws,
                   bound_rules_in_cache_dyad_turns_per_s=rules, fraction_of_rules_in_cache_bound=e1 / rules)

    def sweep() -> None:
        p, n = cfg.sweep_points, cfg.sweep_dyads
        args = (p, n, proto, outcomes, seed, R)
        loop = time_sweep(*args, batched=False, common_seed=False)
        batched = time_sweep(*args, batched=True, common_seed=False)
        loop_c = time_sweep(*args, batched=False, common_seed=True)
        batched_c = time_sweep(*args, batched=True, common_seed=True)
        out.update(sweep={"points": p, "dyads": n, "one_call_per_point_s": loop, "batched_s": batched,
                          "one_call_per_point_common_seed_s": loop_c, "batched_common_seed_s": batched_c},
                   batched_sweep_speedup=loop / batched, batched_sweep_speedup_common_seed=loop_c / batched_c)

    def turns() -> None:
        n = cfg.scaling_dyads
        for q in cfg.scaling_questions:
            seconds = time_nabij(n, nb.thirty_six_questions(q), outcomes, seed, R)
            out["scaling"]["turns"][str(6 * q)] = {"seconds": seconds,
                                                   "dyad_turns_per_s": n * 6 * q / seconds}

    def param_sets() -> None:
        n = cfg.scaling_dyads
        for p in cfg.parameter_sets:
            seconds = time_param_sets(p, n, proto, outcomes, seed, R)
            out["scaling"]["parameter_sets"][str(p)] = {"seconds": seconds,
                                                        "dyad_turns_per_s": rate(n, seconds, p)}

    def memory() -> None:
        single = _memory_run("single", cfg.per_dyad_at, cfg)
        cli = _memory_run("cli", cfg.cli_dyads, cfg)
        out["bytes_per_dyad"] = (single["peak_rss_mib"] - single["rss_before_mib"]) * 2**20 / cfg.per_dyad_at
        out["memory_cli"] = cli
        out["peak_rss_mib_cli_1e7"] = cli["peak_rss_mib"]

    def calibrate() -> None:
        out["calibrate_args"] = list(cfg.calibrate_args)
        out["calibrate_s"], out["calibrate_stages_s"] = _calibrate_seconds(cfg)

    def warm_up() -> None:  # numba loads the compiled kernel (or compiles it) once per process
        time_nabij(nb.BLOCK_SIZE, proto, outcomes, seed, 1)

    steps = [("warm-up", warm_up)]
    steps += [(f"nabij, {n:,} dyads", engine(n)) for n in cfg.engine_dyads]
    steps += [("small N vs large N", small_n), (f"Mesa vs nabij, {cfg.mesa_dyads:,} dyads", mesa),
              (f"whole-array rules vs nabij, {cfg.numpy_dyads:,} dyads", numpy_peer),
              (f"threads, {cfg.threads_dyads:,} dyads", threads),
              (f"bounds vs nabij on one core, {cfg.bounds_dyads:,} dyads", bounds),
              (f"sweep, {cfg.sweep_points} points x {cfg.sweep_dyads} dyads", sweep),
              ("scaling in turns", turns), ("scaling in parameter sets", param_sets),
              (f"memory, nabij simulate --dyads {cfg.cli_dyads:,} (fresh process)", memory),
              (f"nabij calibrate {' '.join(cfg.calibrate_args)}", calibrate)]
    return steps


def _cpu() -> dict[str, Any]:
    cpuinfo = Path("/proc/cpuinfo")
    lines = cpuinfo.read_text().splitlines() if cpuinfo.exists() else []

    def field(name: str) -> str:
        return next((line.split(":", 1)[1].strip() for line in lines if line.startswith(name)), "")

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 1
    flags = field("flags").split()
    simd = [f for f in flags if f.startswith(("avx", "sse4", "fma"))]
    return {"model": field("model name") or platform.processor(), "cores": os.cpu_count(),
            "usable_cores": usable, "simd_flags": simd, "flags": " ".join(flags)}


def _load() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version(), "platform": platform.platform()}
    for package in ("nabij", "numpy", "numba", "mesa"):
        try:
            out[package] = version(package)
        except PackageNotFoundError:
            out[package] = "not installed"
    return out


def _goals(out: dict[str, Any]) -> dict[str, bool | None]:
    met: dict[str, bool | None] = {}
    for key, (op, goal) in GOALS.items():
        value = out.get(key)
        ok = None if value is None else (value >= goal if op == ">=" else value <= goal)
        met[f"{key} {op} {goal:g}"] = ok
    return met


def _table(out: dict[str, Any]) -> Table:
    table = Table(title=f"nabij benchmark ({out['turns']} turns, {out['cpu']['usable_cores']} cores, "
                        f"load {out['load_before']} -> {out['load_after']})")
    table.add_column("measure")
    table.add_column("value", justify="right")
    for n, r in out["dyad_turns_per_s"].items():
        table.add_row(f"nabij dyad-turns/s, N = {int(n):,}", f"{r:,.0f}")
    for key in (*GOALS, "ratio_vs_numpy_one_core", "batched_sweep_speedup_common_seed",
                "fraction_of_draws_and_pass_bound", "fraction_of_rules_in_cache_bound", "bytes_per_dyad"):
        if key in out:
            table.add_row(key, f"{out[key]:,.2f}")
    return table


def _write(path: Path, out: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out, indent=2) + "\n")


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
        console.print(f"[red]bad benchmark configuration:[/red] {err}", markup=True, highlight=False)
        return 2
    out: dict[str, Any] = {"cpu": _cpu(), "versions": _versions(), "load_before": _load(),
                           "config": str(args.config), "turns": cfg.turns, "protocol": "36_questions",
                           "repeats": cfg.repeats, "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
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
            out["done"] = [*out.get("done", []), label]
            _write(args.out, out)  # an interrupted run keeps what it measured
    out["wall_seconds"] = time.perf_counter() - start
    out["load_after"] = _load()
    out["goals"] = _goals(out)
    _write(args.out, out)
    Console().print(_table(out))
    for goal, met in out["goals"].items():
        Console().print(f"{'met' if met else 'NOT MET'}: {goal}", markup=False)
    Console().print(f"written: {args.out} ({out['wall_seconds']:.0f} s)", markup=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
