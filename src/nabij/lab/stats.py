"""Statistics the virtual experiments report, as the original papers analysed their data.

Small, dependency-light estimators: Cohen's d, correlations, standardized regression
slopes, the product-of-coefficients mediation of Baron & Kenny (1986) as used by
Laurenceau et al. (1998), and the round-robin variance decomposition of the Social
Relations Model (Warner, Kenny & Stoto 1979; Kenny 1994) as used by Dindia et al. (1997).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
A = npt.ArrayLike

__all__ = ["Mediation", "SrmVariances", "cohens_d", "correlation", "mediation", "paired_d",
           "srm_variances", "standardized_slopes"]


def cohens_d(treatment: A, control: A) -> float:
    """Standardized mean difference with the pooled standard deviation (Cohen 1988)."""
    a, b = np.asarray(treatment, dtype=np.float64), np.asarray(control, dtype=np.float64)
    if a.size < 2 or b.size < 2:
        raise ValueError("cohens_d: each group needs at least 2 observations")
    pooled = np.sqrt(((a.size - 1) * a.var(ddof=1) + (b.size - 1) * b.var(ddof=1))
                     / (a.size + b.size - 2))
    return float((a.mean() - b.mean()) / pooled) if pooled > 0 else 0.0


def paired_d(after: A, before: A) -> float:
    """Within-person standardized change: mean difference over the SD of the differences (d_z)."""
    diff = np.asarray(after, dtype=np.float64) - np.asarray(before, dtype=np.float64)
    sd = diff.std(ddof=1)
    return float(diff.mean() / sd) if sd > 0 else 0.0


def correlation(x: A, y: A) -> float:
    """Pearson's r (0 when either variable does not vary)."""
    xa, ya = np.asarray(x, dtype=np.float64).ravel(), np.asarray(y, dtype=np.float64).ravel()
    if xa.std() == 0 or ya.std() == 0:
        return 0.0
    return float(np.corrcoef(xa, ya)[0, 1])


def _z(x: A) -> FloatArray:
    arr = np.asarray(x, dtype=np.float64).ravel()
    sd = arr.std()
    return (arr - arr.mean()) / sd if sd > 0 else arr * 0.0


def standardized_slopes(y: A, *predictors: A) -> FloatArray:
    """Standardized OLS coefficients (betas) of ``y`` on the predictors, in their order."""
    X = np.column_stack([_z(p) for p in predictors])
    beta, *_ = np.linalg.lstsq(X, _z(y), rcond=None)
    return np.asarray(beta, dtype=np.float64)


class Mediation(NamedTuple):
    """Standardized paths x -> m (a), m -> y given x (b), x -> y given m (direct)."""

    a: float
    b: float
    direct: float
    total: float

    @property
    def indirect(self) -> float:
        return self.a * self.b


def mediation(x: A, m: A, y: A) -> Mediation:
    """Product-of-coefficients mediation on standardized variables (Baron & Kenny 1986)."""
    a = float(standardized_slopes(m, x)[0])
    direct, b = (float(v) for v in standardized_slopes(y, x, m))
    total = float(standardized_slopes(y, x)[0])
    return Mediation(a, b, direct, total)


class SrmVariances(NamedTuple):
    """Social Relations Model variance components of a directed score in round robins."""

    actor: float
    partner: float
    relationship: float


def srm_variances(scores: A) -> SrmVariances:
    """Round-robin SRM estimates, averaged over groups (Warner, Kenny & Stoto 1979).

    ``scores`` has shape ``(groups, n, n)``: ``scores[g, i, j]`` is what person ``i`` does
    toward ``j`` (the diagonal is ignored); groups need ``n >= 4``. The relationship
    component includes occasion-specific error, as in single-occasion designs.
    """
    x = np.asarray(scores, dtype=np.float64)
    if x.ndim != 3 or x.shape[1] != x.shape[2] or x.shape[1] < 4:
        raise ValueError("srm_variances: give scores of shape (groups, n, n) with n >= 4")
    n = x.shape[1]
    off = ~np.eye(n, dtype=bool)
    x = np.where(off, x, 0.0)
    row = x.sum(axis=2) / (n - 1)
    col = x.sum(axis=1) / (n - 1)
    grand = x.sum(axis=(1, 2)) / (n * (n - 1))
    k1, k2, k3 = (n - 1) ** 2 / (n * (n - 2)), (n - 1) / (n * (n - 2)), (n - 1) / (n - 2)
    a = k1 * row + k2 * col - k3 * grand[:, None]
    b = k1 * col + k2 * row - k3 * grand[:, None]
    g = x - a[:, :, None] - b[:, None, :] - grand[:, None, None]
    iu = np.triu_indices(n, 1)
    gij, gji = g[:, iu[0], iu[1]], g[:, iu[1], iu[0]]
    pairs = n * (n - 1) / 2
    ms_between = ((gij + gji) ** 2 / 2).sum(axis=1) / (pairs - n)
    ms_within = ((gij - gji) ** 2 / 2).sum(axis=1) / (pairs - n + 1)
    rel = (ms_between + ms_within) / 2
    dyadic = (ms_between - ms_within) / 2
    correction = (n - 1) * rel / (n * (n - 2)) + dyadic / (n * (n - 2))
    actor = (a**2).sum(axis=1) / (n - 1) - correction
    partner = (b**2).sum(axis=1) / (n - 1) - correction
    return SrmVariances(float(actor.mean()), float(partner.mean()), float(rel.mean()))
