"""Posterior predictive checks: what the fitted model predicts for targets the fit never saw.

For each of ``n`` posterior draws (all other parameters at their defaults), every target's
experiment is run once at its own sample size (``scale = 1``), with its own seed. The spread
of a quantity over the draws is the posterior predictive distribution of a study of that
size: parameter uncertainty plus sampling noise. For a quantity with a published value we
report whether the value falls inside the central 95% predictive interval; for a direction
check, the share of predicted studies with the paper's sign.

This stage runs *after* the fit and feeds nothing back into it: it is the only part of
``nabij calibrate`` that reads the validation targets.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt
import pandas as pd

from nabij._rng import RngLike, as_seed_sequence, child_sequence
from nabij.engine.gather import run_together
from nabij.lab.evaluate import evaluate, quantity_names
from nabij.lab.experiments import EXPERIMENTS
from nabij.lab.split import SPLIT, group_of
from nabij.lab.targets import TARGETS
from nabij.model import Params

FloatArray = npt.NDArray[np.float64]

__all__ = ["checked_targets", "predictive_checks"]


def checked_targets(groups: Sequence[str] = ("validation",)) -> list[str]:
    """Targets of the given groups that have an experiment, in the split's order."""
    ids = [t for g in groups for t in (SPLIT.validation if g == "validation" else SPLIT.calibration)]
    return [t for t in ids if t in EXPERIMENTS and t in TARGETS]


def predictive_checks(draws: FloatArray, parameters: Sequence[str], targets: Sequence[str], rng: RngLike,
                      base: Params | None = None,
                      on_done: Callable[[], None] | None = None) -> pd.DataFrame:
    """One row per checked quantity: the 2.5/50/97.5% predictive quantiles and the comparison."""
    base = base or Params()
    names = quantity_names(targets)
    root = as_seed_sequence(rng)
    sims = np.full((len(draws), len(names)), np.nan)
    chosen = [base.with_(**dict(zip(parameters, map(float, theta), strict=True))) for theta in draws]

    def one(i: int) -> list[float]:
        values = evaluate(chosen[i], names, child_sequence(root, i))
        if on_done is not None:
            on_done()
        return [values[n] for n in names]

    for i, row in enumerate(run_together([functools.partial(one, i) for i in range(len(draws))])):
        sims[i] = row  # the draws' simulations ran together: the same numbers as one by one
    rows = []
    for j, name in enumerate(names):
        tid, _, quantity = name.partition(".")
        check = TARGETS[tid].check(quantity)
        col = sims[:, j][np.isfinite(sims[:, j])]
        lo, med, hi = np.quantile(col, [0.025, 0.5, 0.975]) if len(col) else (np.nan,) * 3
        paper = getattr(check, "paper", None)
        direction = int(getattr(check, "direction", 0) or 0)
        rows.append({
            "group": group_of(tid), "target": tid, "quantity": quantity,
            "metric": getattr(check, "metric", ""), "paper": paper, "direction": direction,
            "low": float(lo), "median": float(med), "high": float(hi), "n": len(col),
            "paper_inside": (bool(lo <= paper <= hi) if paper is not None and len(col) else None),
            "sign_share": (float(np.mean(np.sign(col) == direction)) if direction and len(col) else None),
        })
    return pd.DataFrame(rows)
