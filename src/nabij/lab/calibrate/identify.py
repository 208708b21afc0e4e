"""Which parameters do the data identify? A posterior-contraction table.

For each candidate parameter, the contraction is ``1 - var(posterior) / var(prior)``
(Schad, Betancourt & Vasishth 2021): 0 when the published data leave the prior as it was,
1 when they pin the parameter down. The posterior is the NPE posterior given the published
values, over the candidates that the sensitivity analysis ranks highest, with every other
parameter at its default. A parameter counts as *identified* when the data remove at least
half of its prior variance (:data:`CONTRACTION_MIN`, fixed before any run); only those are
fitted. Sensitivity is necessary, not sufficient: a statistic can depend strongly on two
parameters that trade off, and then neither is identified.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

FloatArray = npt.NDArray[np.float64]

__all__ = ["CONTRACTION_MIN", "Identification", "contraction"]

#: The share of prior variance the data must remove for a parameter to count as identified.
CONTRACTION_MIN = 0.5


def contraction(draws: FloatArray, low: FloatArray, high: FloatArray) -> FloatArray:
    """``1 - var(draws) / var(uniform prior)`` per column of ``draws`` (n, k)."""
    prior_var = (np.asarray(high) - np.asarray(low)) ** 2 / 12.0
    return np.asarray(1.0 - np.var(draws, axis=0) / prior_var)


@dataclass(frozen=True)
class Identification:
    """The contraction of each candidate's posterior given the published data."""

    parameters: tuple[str, ...]
    low: FloatArray
    high: FloatArray
    draws: FloatArray  # (n, k) posterior draws given the published data
    simulations: int
    threshold: float = CONTRACTION_MIN

    @property
    def contraction(self) -> FloatArray:
        return contraction(self.draws, self.low, self.high)

    def identified(self) -> tuple[str, ...]:
        """The candidates whose contraction reaches the threshold, most contracted first."""
        c = self.contraction
        order = np.argsort(-c)
        return tuple(self.parameters[i] for i in order if c[i] >= self.threshold)

    def table(self) -> pd.DataFrame:
        q = np.quantile(self.draws, [0.05, 0.5, 0.95], axis=0)
        c = self.contraction
        return pd.DataFrame({
            "parameter": list(self.parameters), "prior_low": self.low, "prior_high": self.high,
            "q05": q[0], "median": q[1], "q95": q[2], "contraction": c,
            "identified": c >= self.threshold,
        })
