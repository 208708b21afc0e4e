"""What ``nabij calibrate`` writes: posterior samples, summaries, plots, fitted values.

Files in ``--out``:

* ``posterior.parquet`` - the NPE draws given the published data; ``accepted.parquet`` -
  those of the checked draws whose direction statistics all match;
* ``summary.json`` - everything below as numbers, plus the provenance;
* ``report.md`` - the same as tables: Sobol indices, SBC coverage, NPE vs ABC-SMC,
  the posterior and the fitted values;
* ``marginals.png``, ``pairs.png`` (pairwise scatter with correlations), ``sobol.png``,
  ``sbc_ranks.png``;
* ``fitted.toml`` - the fitted values with their provenance (data, budget, seed, version),
  the file the package ships as ``nabij/lab/calibrate/fitted.toml``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from nabij import __version__
from nabij.lab.calibrate.pipeline import CalibrationResult
from nabij.lab.calibrate.problem import prior_bounds
from nabij.lab.calibrate.sbc import Recovery
from nabij.lab.sensitivity import plot_sobol
from nabij.model import Params
from nabij.provenance import stamp, write_table

__all__ = ["provenance", "write_outputs"]


def provenance(result: CalibrationResult, command: str) -> dict[str, Any]:
    """Where the fitted values come from: data, budget, seed, version, command."""
    c = result.config
    return {
        "nabij_version": __version__, "command": command, "seed": c.seed, "budget": c.budget,
        "estimator": f"sbi NPE, {c.estimator}" + (f", ensemble of {c.ensemble}" if c.ensemble > 1 else ""),
        "sbc_replications": len(result.sbc.ranks), "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "data": "published values " + ", ".join(f"{k} = {v:g}" for k, v in result.observed.items())
                + "; direction checks of " + ", ".join(
                    s for s in result.problem.statistics if s not in result.observed),
        "statistics": list(result.problem.statistics), "scale": result.problem.scale,
        "prior": {p: list(prior_bounds(p)) for p in result.problem.parameters},
        "accepted_draws": f"{len(result.accepted)} of {min(c.constraint_draws, len(result.posterior))}",
    }


def _quantiles(posterior: pd.DataFrame, name: str) -> list[float]:
    """5%, 50% and 95% posterior quantiles of one parameter (NaN without draws)."""
    if not len(posterior):
        return [np.nan] * 3
    return [float(v) for v in posterior[name].quantile([0.05, 0.5, 0.95])]


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


def _markdown(result: CalibrationResult, prov: dict[str, Any]) -> str:
    lines = [f"# Calibration report (nabij {__version__})", "",
             f"Command: `{prov['command']}`; seed {prov['seed']}, budget {prov['budget']} simulations.",
             f"Calibrated parameters: {', '.join(f'`{p}`' for p in result.problem.parameters)}.",
             f"Data: {prov['data']}.", ""]
    if result.sobol is not None:
        total = result.sobol.total()
        lines += ["## Sensitivity (total Sobol indices, summed over statistics)", "",
                  f"Saltelli sampling, N = {result.sobol.n_base} "
                  f"({result.sobol.evaluations} simulations).", "",
                  "| parameter | sum of ST |", "|---|---|"]
        lines += [f"| `{p}` | {v:.2f} |" for p, v in total.items()]
        lines += ["", "![Sobol indices](sobol.png)", ""]
    lines += ["## Simulation-based calibration (NPE)", "",
              f"{result.sbc.n} prior draws, each simulated and inverted; coverage of central intervals.", ""]
    lines += [*_coverage_rows(result.sbc), "", "![SBC ranks](sbc_ranks.png)", ""]
    cmp = result.comparison
    if cmp is not None:
        lines += [f"## NPE vs ABC-SMC ({cmp.npe.n} synthetic data sets, {cmp.budget} simulations each)", "",
                  f"NPE: {cmp.npe_seconds:.0f} s in all (trained once, {cmp.budget} simulations, amortized). "
                  f"ABC-SMC: {cmp.abc_seconds:.0f} s in all, {cmp.abc_simulations} simulations "
                  f"({cmp.abc_simulations / max(cmp.npe.n, 1):.0f} per data set).", "", "NPE:", ""]
        lines += [*_coverage_rows(cmp.npe), "", "ABC-SMC:", "", *_coverage_rows(cmp.abc), ""]
    defaults = Params()
    lines += ["## Posterior given the published data, and the fitted values", "",
              f"Direction constraints kept {prov['accepted_draws']} checked draws.", "",
              "| parameter | default | prior | posterior median [5%, 95%] | fitted |",
              "|---|---|---|---|---|"]
    for p in result.problem.parameters:
        q = _quantiles(result.posterior, p)
        lo, hi = prior_bounds(p)
        lines.append(f"| `{p}` | {getattr(defaults, p):g} | [{lo:g}, {hi:g}] | "
                     f"{q[1]:.3g} [{q[0]:.3g}, {q[2]:.3g}] | {result.fitted.get(p, np.nan):.3g} |")
    lines += ["", "![marginals](marginals.png)", "", "![pairs](pairs.png)", ""]
    return "\n".join(lines)


def _plots(result: CalibrationResult, out: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = list(result.problem.parameters)
    k = len(names)
    post, acc = result.posterior, result.accepted
    fig, axes = plt.subplots(1, k, figsize=(3.2 * k, 2.8), squeeze=False)
    for ax, p in zip(axes[0], names, strict=True):
        lo, hi = prior_bounds(p)
        if len(post):
            ax.hist(post[p], bins=30, range=(lo, hi), density=True, alpha=0.5, label="posterior (T1 data)")
        if len(acc):
            ax.hist(acc[p], bins=15, range=(lo, hi), density=True, alpha=0.6, label="+ direction checks")
        ax.axvline(getattr(Params(), p), color="k", ls="--", lw=1, label="hand-set default")
        if p in result.fitted:
            ax.axvline(result.fitted[p], color="tab:red", lw=1.5, label="fitted")
        ax.set_xlim(lo, hi)
        ax.set_title(p, fontsize=9)
    axes[0][0].legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "marginals.png", dpi=110)
    plt.close(fig)
    fig, axes = plt.subplots(k, k, figsize=(2.4 * k, 2.4 * k), squeeze=False)
    for i, a in enumerate(names):
        for j, b in enumerate(names):
            ax = axes[i][j]
            if i == j and len(post):
                ax.hist(post[a], bins=30, color="tab:blue", alpha=0.6)
            elif len(post):
                ax.scatter(post[b], post[a], s=2, alpha=0.3)
                r = float(np.corrcoef(post[b], post[a])[0, 1])
                ax.set_title(f"r = {r:.2f}", fontsize=8)
            ax.tick_params(labelsize=6)
            if i == k - 1:
                ax.set_xlabel(b, fontsize=7)
            if j == 0:
                ax.set_ylabel(a, fontsize=7)
    fig.tight_layout()
    fig.savefig(out / "pairs.png", dpi=100)
    plt.close(fig)
    fig, axes = plt.subplots(1, k, figsize=(3.2 * k, 2.5), squeeze=False)
    for ax, p, col in zip(axes[0], names, result.sbc.ranks.T, strict=True):
        ax.hist(col, bins=10, range=(0, 1), color="tab:gray")
        ax.axhline(len(col) / 10, color="k", ls="--", lw=1)
        ax.set_title(f"SBC rank: {p}", fontsize=9)
    fig.tight_layout()
    fig.savefig(out / "sbc_ranks.png", dpi=110)
    plt.close(fig)


def _toml(prov: dict[str, Any], fitted: dict[str, float], posterior: pd.DataFrame) -> str:
    def value(v: Any) -> str:
        return json.dumps(v) if not isinstance(v, dict) else "{ " + ", ".join(
            f"{k} = {json.dumps(x)}" for k, x in v.items()) + " }"

    lines = ["# Fitted by `nabij calibrate` (src/nabij/lab/calibrate); see docs/calibration.md.", "",
             "[provenance]"]
    lines += [f"{k} = {value(v)}" for k, v in prov.items()]
    lines += ["", "[fitted]  # median of the posterior draws that pass the direction checks"]
    lines += [f"{k} = {v:.4g}" for k, v in fitted.items()]
    lines += ["", "[posterior]  # given the published data: [5%, 50%, 95%]"]
    for p in fitted:
        q = _quantiles(posterior, p)
        lines.append(f"{p} = [{q[0]:.4g}, {q[1]:.4g}, {q[2]:.4g}]")
    return "\n".join(lines) + "\n"


def write_outputs(result: CalibrationResult, out: Path, command: str = "nabij calibrate") -> dict[str, Path]:
    """Write every output file to ``out``; return them by name."""
    out.mkdir(parents=True, exist_ok=True)
    prov = provenance(result, command)
    files = {"posterior": out / "posterior.parquet", "accepted": out / "accepted.parquet",
             "summary": out / "summary.json", "report": out / "report.md", "fitted": out / "fitted.toml"}
    what = "calibration to " + ", ".join(result.problem.statistics)
    stamped = {**stamp(seed=result.config.seed, protocol=what, command=command), **prov}
    write_table(result.posterior, files["posterior"], stamped)
    write_table(result.accepted, files["accepted"], stamped)
    summary = {"provenance": prov, "parameters": list(result.problem.parameters), "fitted": result.fitted,
               "sbc": result.sbc.table().to_dict(orient="records"),
               "sbc_pooled": {str(lv): result.sbc.pooled(lv) for lv in result.sbc.covered},
               "seconds": result.seconds}
    if result.sobol is not None:
        summary["sobol"] = result.sobol.table.to_dict(orient="records")
        files["sobol"] = plot_sobol(result.sobol, out / "sobol.png")
    if result.comparison is not None:
        c = result.comparison
        summary["comparison"] = {"budget": c.budget, "npe": c.npe.table().to_dict(orient="records"),
                                 "abc": c.abc.table().to_dict(orient="records"), "npe_seconds": c.npe_seconds,
                                 "abc_seconds": c.abc_seconds, "abc_simulations": c.abc_simulations}
    files["summary"].write_text(json.dumps(summary, indent=2), encoding="utf-8")
    files["report"].write_text(_markdown(result, prov), encoding="utf-8")
    files["fitted"].write_text(_toml(prov, result.fitted, result.posterior), encoding="utf-8")
    _plots(result, out)
    return files
