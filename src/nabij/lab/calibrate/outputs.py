"""What ``nabij calibrate`` writes: posterior, tables, plots, fitted values.

Files in ``--out``:

* ``posterior.parquet`` - draws of the shipped estimator given the published data;
* ``predictive.csv`` - the posterior predictive checks, one row per checked quantity;
* ``summary.json`` - everything below as numbers, plus the provenance;
* ``report.md`` - the same as tables: sensitivity, identification, SBC, posterior,
  predictive checks;
* ``sobol.png``, ``marginals.png``, ``pairs.png``, ``sbc_ranks.png``;
* ``fitted.toml`` - the posterior medians with their intervals and provenance, the file
  the package ships as ``nabij/lab/calibrate/fitted.toml``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nabij import __version__
from nabij.lab.calibrate.backends import ESTIMATOR
from nabij.lab.calibrate.pipeline import CalibrationResult
from nabij.lab.calibrate.problem import prior_bounds
from nabij.lab.calibrate.sbc import Recovery
from nabij.lab.sensitivity import plot_sobol
from nabij.lab.split import SPLIT
from nabij.model import Params
from nabij.provenance import stamp, write_table

__all__ = ["provenance", "write_outputs"]


def provenance(result: CalibrationResult, command: str) -> dict[str, Any]:
    """Where the fitted values come from: data, budgets, seed, version, command."""
    c = result.config
    return {
        "nabij_version": __version__, "command": command, "seed": c.seed,
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "estimator": f"sbi NPE ({ESTIMATOR}), one estimator: the posterior, the shipped medians and the SBC "
                     "all come from it",
        "data": ", ".join(f"{k} = {v:g}" for k, v in result.observed.items()),
        "calibration_targets": list(SPLIT.calibration),
        "sobol_n": c.sobol_n if result.sobol is not None else 0,
        "candidates": list(result.identification.parameters) if result.identification is not None
        else list(c.candidates),
        "identify_budget": c.identify_budget, "contraction_min": c.threshold,
        "budget": c.budget, "sbc_replications": result.sbc.n if result.sbc is not None else 0,
        "predictive_draws": c.predictive, "scale": result.problem.scale,
        "prior": {p: list(prior_bounds(p)) for p in result.problem.parameters},
    }


def _coverage_rows(rec: Recovery) -> list[str]:
    rows = ["| parameter | 50% coverage (MC SE) | 90% coverage (MC SE) | RMSE / prior width | "
            "90% width / prior width |", "|---|---|---|---|---|"]
    for _, r in rec.table().iterrows():
        rows.append(f"| `{r['parameter']}` | {r['coverage_50']:.3f} ({r['mc_se_50']:.3f}) | "
                    f"{r['coverage_90']:.3f} ({r['mc_se_90']:.3f}) | {r['rmse']:.3f} | {r['width90']:.3f} |")
    (c50, s50), (c90, s90) = rec.pooled(0.5), rec.pooled(0.9)
    rows.append(f"| **pooled** | **{c50:.3f}** ({s50:.3f}) | **{c90:.3f}** ({s90:.3f}) | "
                f"{rec.rmse.mean():.3f} | {rec.width90.mean():.3f} |")
    return rows


def _fmt(v: Any) -> str:
    return "" if v is None or (isinstance(v, float) and np.isnan(v)) else f"{v:.3g}"


def _predictive_rows(frame: pd.DataFrame) -> list[str]:
    rows = ["| group | check | paper | predictive median [95%] | paper inside | share with paper's sign |",
            "|---|---|---|---|---|---|"]
    for _, r in frame.iterrows():
        paper = _fmt(r["paper"]) if r["paper"] is not None and not pd.isna(r["paper"]) else (
            "> 0" if r["direction"] > 0 else "< 0")
        inside = "" if r["paper_inside"] is None or pd.isna(r["paper_inside"]) else (
            "yes" if r["paper_inside"] else "no")
        sign = "" if r["sign_share"] is None or pd.isna(r["sign_share"]) else f"{r['sign_share']:.0%}"
        rows.append(f"| {r['group']} | {r['target']}.{r['quantity']} | {paper} | "
                    f"{_fmt(r['median'])} [{_fmt(r['low'])}, {_fmt(r['high'])}] | {inside} | {sign} |")
    return rows


def _markdown(result: CalibrationResult, prov: dict[str, Any]) -> str:
    lines = [f"# Calibration report (nabij {__version__})", "",
             f"Command: `{prov['command']}`; seed {prov['seed']}.",
             f"Data (published values of the calibration targets only): {prov['data']}.", ""]
    if result.sobol is not None:
        total = result.sobol.total()
        lines += ["## Sensitivity over every parameter (total Sobol index, summed over the statistics)", "",
                  f"Saltelli sampling, N = {result.sobol.n_base} ({result.sobol.evaluations} simulations), "
                  f"{len(total)} parameters; the top 15:", "",
                  "| parameter | sum of ST |", "|---|---|"]
        lines += [f"| `{p}` | {v:.2f} |" for p, v in total.head(15).items()]
        lines += ["", "![Sobol indices](sobol.png)", ""]
    ident = result.identification
    if ident is not None:
        lines += ["## Identification (posterior contraction given the published data)", "",
                  f"NPE over the {len(ident.parameters)} candidates, {ident.simulations} simulations; "
                  f"identified = contraction >= {ident.threshold:g}.", "",
                  "| parameter | prior | posterior median [5%, 95%] | contraction | identified |",
                  "|---|---|---|---|---|"]
        for _, r in ident.table().iterrows():
            lines.append(f"| `{r['parameter']}` | [{r['prior_low']:.3g}, {r['prior_high']:.3g}] | "
                         f"{r['median']:.3g} [{r['q05']:.3g}, {r['q95']:.3g}] | {r['contraction']:.2f} | "
                         f"{'yes' if r['identified'] else 'no'} |")
        lines.append("")
    defaults = Params()
    lines += ["## Fitted values: posterior medians of the shipped estimator", ""]
    if result.fitted:
        lines += [f"NPE over the identified parameters, {result.config.budget} simulations.", "",
                  "| parameter | default now | prior | fitted: median [5%, 95%] |", "|---|---|---|---|"]
        for p, v in result.fitted.items():
            lo, hi = prior_bounds(p)
            q = result.intervals[p]
            lines.append(f"| `{p}` | {getattr(defaults, p):g} | [{lo:g}, {hi:g}] | "
                         f"{v:.3g} [{q[0]:.3g}, {q[1]:.3g}] |")
        lines += ["", "![marginals](marginals.png)", "", "![pairs](pairs.png)", ""]
    else:
        lines += ["No parameter is identified by the published data: nothing is fitted.", ""]
    if result.sbc is not None:
        lines += ["## Simulation-based calibration of the shipped estimator", "",
                  f"{result.sbc.n} prior draws, each simulated and inverted by the same trained NPE.", "",
                  *_coverage_rows(result.sbc), "", "![SBC ranks](sbc_ranks.png)", ""]
    if len(result.predictive):
        lines += ["## Posterior predictive checks", "",
                  f"{result.config.predictive} posterior draws, one study of each experiment's size "
                  "per draw.", "",
                  *_predictive_rows(result.predictive), ""]
    return "\n".join(lines)


def _plots(result: CalibrationResult, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(result.problem.parameters)
    k = len(names)
    post = result.posterior
    if not k:
        return
    fig, axes = plt.subplots(1, k, figsize=(3.2 * k, 2.8), squeeze=False)
    for ax, p in zip(axes[0], names, strict=True):
        lo, hi = prior_bounds(p)
        ax.hist(post[p], bins=30, range=(lo, hi), density=True, alpha=0.6, label="posterior")
        ax.axhline(1 / (hi - lo), color="gray", lw=1, label="prior")
        ax.axvline(result.fitted[p], color="tab:red", lw=1.5, label="median (shipped)")
        ax.set_xlim(lo, hi)
        ax.set_title(p, fontsize=9)
    axes[0][0].legend(fontsize=7)
    fig.suptitle(f"posterior given the published data ({len(post)} draws, seed {result.config.seed})",
                 fontsize=9)
    fig.tight_layout()
    fig.savefig(out / "marginals.png", dpi=110)
    plt.close(fig)
    fig, axes = plt.subplots(k, k, figsize=(2.4 * k, 2.4 * k), squeeze=False)
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            ax = axes[i][j]
            if i == j:
                ax.hist(post[a], bins=30, color="tab:blue", alpha=0.6)
            else:
                ax.scatter(post[b], post[a], s=2, alpha=0.3)
                ax.set_title(f"r = {float(np.corrcoef(post[b], post[a])[0, 1]):.2f}", fontsize=8)
            ax.tick_params(labelsize=6)
            if i == k - 1:
                ax.set_xlabel(b, fontsize=7)
            if j == 0:
                ax.set_ylabel(a, fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "pairs.png", dpi=100)
    plt.close(fig)
    if result.sbc is None:
        return
    fig, axes = plt.subplots(1, k, figsize=(3.2 * k, 2.5), squeeze=False)
    for ax, p, col in zip(axes[0], names, result.sbc.ranks.T, strict=True):
        ax.hist(col, bins=10, range=(0, 1), color="tab:gray")
        ax.axhline(len(col) / 10, color="k", ls="--", lw=1, label="flat = calibrated")
        ax.set_title(f"SBC rank: {p} (n = {len(col)})", fontsize=9)
    axes[0][0].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "sbc_ranks.png", dpi=110)
    plt.close(fig)


def _toml(prov: dict[str, Any], result: CalibrationResult) -> str:
    def value(v: Any) -> str:
        return json.dumps(v) if not isinstance(v, dict) else "{ " + ", ".join(
            f"{k} = {json.dumps(x)}" for k, x in v.items()) + " }"

    lines = ["# Fitted by `nabij calibrate` (src/nabij/lab/calibrate); see docs/calibration.md.", "",
             "[provenance]"]
    lines += [f"{k} = {value(v)}" for k, v in prov.items()]
    lines += ["", "[fitted]  # posterior median of the shipped estimator given the published data"]
    lines += [f"{k} = {v:.4g}" for k, v in result.fitted.items()]
    lines += ["", "[shipped]  # what nabij.Params() uses: the medians to 3 significant digits"]
    lines += [f"{k} = {float(f'{v:.3g}'):g}" for k, v in result.fitted.items()]
    lines += ["", "[interval]  # 90% posterior interval: [5%, 95%]"]
    lines += [f"{k} = [{lo:.4g}, {hi:.4g}]" for k, (lo, hi) in result.intervals.items()]
    if result.identification is not None:
        lines += ["", "[contraction]  # 1 - posterior variance / prior variance, every candidate"]
        lines += [f"{p} = {c:.3f}" for p, c in zip(result.identification.parameters,
                                                   result.identification.contraction, strict=True)]
    if result.sbc is not None:
        lines += ["", "[sbc]  # the shipped estimator; [coverage, Monte Carlo SE]"]
        for lv in (0.5, 0.9):
            c, se = result.sbc.pooled(lv)
            lines.append(f"pooled_{int(lv * 100)} = [{c:.3f}, {se:.3f}]")
    return "\n".join(lines) + "\n"


def write_outputs(result: CalibrationResult, out: Path, command: str = "nabij calibrate") -> dict[str, Path]:
    """Write every output file to ``out``; return them by name."""
    out.mkdir(parents=True, exist_ok=True)
    prov = provenance(result, command)
    files = {"posterior": out / "posterior.parquet", "predictive": out / "predictive.csv",
             "summary": out / "summary.json", "report": out / "report.md", "fitted": out / "fitted.toml"}
    what = "calibration to " + ", ".join(result.problem.statistics)
    stamped = {**stamp(seed=result.config.seed, protocol=what, command=command), **prov}
    write_table(result.posterior, files["posterior"], stamped)
    write_table(result.predictive, files["predictive"], stamped)
    summary: dict[str, Any] = {"provenance": prov, "fitted": result.fitted,
                               "intervals": {k: list(v) for k, v in result.intervals.items()},
                               "seconds": result.seconds}
    if result.sbc is not None:
        summary["sbc"] = result.sbc.table().to_dict(orient="records")
        summary["sbc_pooled"] = {str(lv): result.sbc.pooled(lv) for lv in result.sbc.covered}
    if result.identification is not None:
        summary["identification"] = result.identification.table().to_dict(orient="records")
    if result.sobol is not None:
        summary["sobol"] = result.sobol.table.to_dict(orient="records")
        files["sobol"] = plot_sobol(result.sobol, out / "sobol.png")
    if len(result.predictive):
        summary["predictive"] = result.predictive.to_dict(orient="records")
    files["summary"].write_text(json.dumps(summary, indent=2, default=str), encoding="utf-8")
    files["report"].write_text(_markdown(result, prov), encoding="utf-8")
    files["fitted"].write_text(_toml(prov, result), encoding="utf-8")
    _plots(result, out)
    return files
