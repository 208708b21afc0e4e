"""Honest verdicts: does the model's estimate agree with the paper?

An estimate is the mean of one quantity over replications (spawned seeds) with a 95%
t-interval. A ``band`` check matches when the estimate lies in the paper's band; a
``direction`` check matches when the whole interval lies on the paper's side of zero and
the effect has a plausible size. Either direction-matches when only the sign is right
(interval excluding zero), and misses otherwise. A target takes its worst check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from nabij.lab.targets import Check

Verdict = Literal["match", "direction-match", "miss"]
VERDICTS: tuple[Verdict, ...] = ("match", "direction-match", "miss")

__all__ = ["VERDICTS", "Estimate", "Verdict", "estimate", "judge", "worst"]


@dataclass(frozen=True)
class Estimate:
    """The model's estimate of one quantity: mean over replications and its 95% CI."""

    value: float
    ci_low: float
    ci_high: float
    replications: int


def estimate(values: Sequence[float]) -> Estimate:
    """Mean and 95% t-interval of per-replication values (a point interval for one value)."""
    x = np.asarray(values, dtype=np.float64)
    if x.size == 0 or not np.isfinite(x).all():
        raise ValueError("estimate: need one or more finite values (did an experiment fail?)")
    mean = float(x.mean())
    if x.size == 1:
        return Estimate(mean, mean, mean, 1)
    from scipy import stats  # imported when used, not at the CLI's start-up

    half = float(stats.t.ppf(0.975, x.size - 1) * x.std(ddof=1) / np.sqrt(x.size))
    return Estimate(mean, mean - half, mean + half, int(x.size))


def judge(check: Check, est: Estimate) -> Verdict:
    """The verdict for one check (see module docstring)."""
    sign = check.direction
    right_side = est.ci_low > 0 if sign > 0 else est.ci_high < 0
    if check.kind == "band":
        assert check.band is not None
        if check.band[0] <= est.value <= check.band[1]:
            return "match"
        return "direction-match" if right_side else "miss"
    if not right_side:
        return "miss"
    low, high = check.size
    return "match" if low <= abs(est.value) <= high else "direction-match"


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """A target's verdict: the worst of its checks."""
    return max(verdicts, key=VERDICTS.index, default="miss")
