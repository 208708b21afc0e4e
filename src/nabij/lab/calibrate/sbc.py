"""Does the posterior say what it knows? Simulation-based calibration and recovery scores.

Simulation-based calibration (Talts et al. 2018): draw ``theta`` from the prior, simulate
data from it, compute the posterior, and see where ``theta`` falls. If the posterior is
right, a central ``L``% credible interval contains the true value in ``L``% of the draws,
for every ``L``. We report that coverage at 50% and 90% per parameter and pooled over
parameters, with its Monte Carlo standard error ``sqrt(c (1 - c) / n)`` over the ``n``
simulated data sets (for the pooled figure too: the parameters of one data set are not
independent, so ``n`` data sets, not ``n x k`` pairs, is the conservative count).
Recovery scores add the RMSE of the posterior mean and the interval width, both as a share
of the prior's width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

FloatArray = npt.NDArray[np.float64]

__all__ = ["LEVELS", "Recovery", "central_interval", "recovery"]

#: The nominal levels of the central credible intervals we check.
LEVELS = (0.5, 0.9)


def central_interval(draws: FloatArray, level: float) -> tuple[FloatArray, FloatArray]:
    """Per-column central credible interval of posterior ``draws`` (n, k)."""
    tail = (1 - level) / 2
    return np.quantile(draws, tail, axis=0), np.quantile(draws, 1 - tail, axis=0)


@dataclass(frozen=True)
class Recovery:
    """Coverage per level and parameter, and RMSE/width as shares of the prior's width."""

    parameters: tuple[str, ...]
    n: int
    covered: dict[float, FloatArray]  # level -> (n, k) booleans as 0/1
    rmse: FloatArray  # (k,)
    width90: FloatArray  # (k,) mean width of the 90% interval
    ranks: FloatArray  # (n, k) share of draws below the truth (uniform if calibrated)

    def coverage(self, level: float) -> FloatArray:
        return np.asarray(self.covered[level].mean(axis=0), dtype=np.float64)

    def pooled(self, level: float) -> tuple[float, float]:
        """Coverage over all (draw, parameter) pairs and its Monte Carlo SE."""
        c = float(self.covered[level].mean())
        return c, float(np.sqrt(c * (1 - c) / self.n))

    def table(self) -> pd.DataFrame:
        rows = []
        for i, name in enumerate(self.parameters):
            row: dict[str, object] = {"parameter": name}
            for lv in self.covered:
                c = float(self.coverage(lv)[i])
                row[f"coverage_{int(lv * 100)}"] = c
                row[f"mc_se_{int(lv * 100)}"] = float(np.sqrt(c * (1 - c) / self.n))
            row["rmse"] = float(self.rmse[i])
            row["width90"] = float(self.width90[i])
            rows.append(row)
        return pd.DataFrame(rows)


def recovery(parameters: Sequence[str], truths: FloatArray, posteriors: Sequence[FloatArray],
             low: FloatArray, high: FloatArray, levels: Sequence[float] = LEVELS) -> Recovery:
    """Score posteriors ``[(n_draws, k), ...]`` against the true values ``(n, k)``."""
    if len(posteriors) != len(truths) or len(truths) == 0:
        raise ValueError("recovery: need one posterior per true parameter vector, and at least one")
    width = high - low
    covered = {}
    for lv in levels:
        inside = []
        for theta, draws in zip(truths, posteriors, strict=True):
            lo, hi = central_interval(draws, lv)
            inside.append((lo <= theta) & (theta <= hi))
        covered[float(lv)] = np.asarray(inside, dtype=np.float64)
    means = np.array([d.mean(axis=0) for d in posteriors])
    rmse = np.sqrt(((means - truths) ** 2).mean(axis=0)) / width
    lo90, hi90 = zip(*(central_interval(d, 0.9) for d in posteriors), strict=True)
    width90 = (np.array(hi90) - np.array(lo90)).mean(axis=0) / width
    ranks = np.array([(d < t).mean(axis=0) for t, d in zip(truths, posteriors, strict=True)])
    return Recovery(tuple(parameters), len(truths), covered, rmse, width90, ranks)
