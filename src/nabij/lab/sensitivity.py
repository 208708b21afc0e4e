"""Global sensitivity of the lab's main outcomes to each parameter: Sobol indices (SALib).

For each summary statistic, the first-order index S1 of a parameter is the share of the
statistic's variance over the prior that the parameter explains alone; the total index ST
adds its interactions. Parameters are sampled with Saltelli's scheme over their calibration
prior (:func:`~nabij.lab.calibrate.problem.prior_bounds`), each sample evaluated with its
own child seed. The statistics are noisy (one replication each), so the simulation noise
lands in no parameter's index: it only lowers them all. A statistic a sample could not
compute (NaN) is set to that statistic's mean, which also only lowers its indices.

``nabij calibrate`` screens *every* parameter of the model this way; the highest ST summed
over the statistics picks the candidates whose identification is then tested
(:mod:`nabij.lab.calibrate.identify`). The indices are shown in the calibration report.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from nabij._rng import RngLike, as_seed_sequence
from nabij.lab.calibrate.problem import Problem

__all__ = ["SobolResult", "plot_sobol", "rank_parameters", "sobol_indices"]


@dataclass(frozen=True)
class SobolResult:
    """Sobol indices: one row per (statistic, parameter) with S1, S1_conf, ST, ST_conf."""

    table: pd.DataFrame
    n_base: int
    evaluations: int

    def total(self) -> pd.Series:
        """ST summed over statistics, per parameter, largest first."""
        return self.table.groupby("parameter")["ST"].sum().sort_values(ascending=False)


def sobol_indices(problem: Problem, n_base: int = 16, rng: RngLike = 2026,
                  on_done: Callable[[], None] | None = None) -> SobolResult:
    """Sobol S1 and ST of every statistic of ``problem`` for every parameter of it.

    ``n_base`` must be a power of two; it costs ``n_base x (k + 2)`` simulations for k
    parameters.
    """
    from SALib.analyze import sobol as analyze
    from SALib.sample import sobol as sample

    if n_base < 2 or n_base & (n_base - 1):
        raise ValueError(f"n_base: must be a power of two >= 2, got {n_base}")
    seed_sample, seed_sim, seed_boot = as_seed_sequence(rng).spawn(3)
    spec = {"num_vars": len(problem.parameters), "names": list(problem.parameters),
            "bounds": [[lo, hi] for lo, hi in zip(problem.low, problem.high, strict=True)]}
    X = sample.sample(spec, n_base, calc_second_order=False,
                      seed=int(seed_sample.generate_state(1)[0]))
    Y = problem.simulate_many(np.asarray(X, dtype=np.float64), seed_sim, on_done)
    rows = []
    for j, stat in enumerate(problem.statistics):
        y = Y[:, j].copy()
        bad = ~np.isfinite(y)
        y[bad] = np.nanmean(y) if (~bad).any() else 0.0
        if np.var(y) == 0:
            continue
        res = analyze.analyze(spec, y, calc_second_order=False, print_to_console=False,
                              seed=int(seed_boot.generate_state(1)[0]))
        for i, name in enumerate(problem.parameters):
            rows.append({"statistic": stat, "parameter": name, "S1": float(res["S1"][i]),
                         "S1_conf": float(res["S1_conf"][i]), "ST": float(res["ST"][i]),
                         "ST_conf": float(res["ST_conf"][i])})
    return SobolResult(pd.DataFrame(rows), n_base, len(X))


def rank_parameters(result: SobolResult, k: int) -> list[str]:
    """The ``k`` parameters with the largest ST summed over statistics."""
    return [str(p) for p in result.total().index[:k]]


def plot_sobol(result: SobolResult, path: Path, top: int = 20) -> Path:
    """A heat map of ST (statistic x parameter) beside the summed ST, for the ``top`` parameters."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    st = result.table.pivot(index="statistic", columns="parameter", values="ST")
    total = result.total().head(top)
    order = list(total.index)
    st = st[order].clip(lower=0)
    fig, (ax, bx) = plt.subplots(1, 2, figsize=(12, 0.45 * len(st) + 2.5),
                                 gridspec_kw={"width_ratios": [3, 1]})
    im = ax.imshow(st.to_numpy(), cmap="viridis", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(len(order)), order, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(st)), list(st.index), fontsize=8)
    shown = f"top {len(order)} of {result.table['parameter'].nunique()} parameters"
    ax.set_title(f"total Sobol index ST per statistic ({shown}; N = {result.n_base}, "
                 f"{result.evaluations} simulations)", fontsize=9)
    fig.colorbar(im, ax=ax, fraction=0.03)
    bx.barh(range(len(total)), total.to_numpy()[::-1], color="tab:blue")
    bx.set_yticks(range(len(total)), list(total.index)[::-1], fontsize=8)
    bx.set_title("ST summed over statistics")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path
