"""Honest verdicts: could a study like the paper's have produced what the paper found?

One replication of an experiment is one virtual *study*, of the paper's size where the
target gives it (``paper_n``). Over K replications the model yields a distribution of the
statistic a study of that size would report. From it come two different intervals:

- the **95% predictive interval** (2.5% and 97.5% quantiles of the K studies): where a
  single study of the paper's size lands if the model is right. It does not shrink with K;
- the **Monte Carlo interval** of the model's mean (95% t-interval over K): how well K
  replications pin down the model's expected value. It shrinks with K. Its standard error
  is reported as ``mc_se``, and the Monte Carlo error of each quantile as ``mc_se_low`` /
  ``mc_se_high`` (bootstrap).

A **quantitative** check (the paper gives a value):

- *match* when the paper's value lies inside the predictive interval (for a meta-analytic
  value with no single N: when the model's Monte Carlo interval overlaps the paper's CI),
  and, for signed metrics, the model's mean has the paper's sign;
- *direction-match* (signed metrics only) when it does not, but the model's Monte Carlo
  interval lies wholly on the paper's side of zero;
- *miss* otherwise. A level outside its interval is always a miss.

Its standardized discrepancy is ``z = (paper - model mean) / sd`` of the simulated studies
(or over the paper's SE for a meta-analytic value).

A **direction** check (the paper gives only a sign) needs the model's Monte Carlo interval
wholly on the paper's side of zero - else *miss* - and then matches when ``|mean|`` lies in
its metric's window (:data:`nabij.lab.targets.WINDOWS`), else it only *direction-matches*.

A target takes its worst check.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from nabij.lab.targets import Check

Verdict = Literal["match", "direction-match", "miss"]
VERDICTS: tuple[Verdict, ...] = ("match", "direction-match", "miss")

__all__ = ["VERDICTS", "Estimate", "Verdict", "discrepancy", "estimate", "judge", "worst"]

#: Bootstrap resamples for the Monte Carlo error of the predictive quantiles.
_BOOTSTRAP = 200


@dataclass(frozen=True)
class Estimate:
    """The model's distribution of one statistic over K simulated studies of ``study_n`` units.

    ``value`` is the mean, ``ci_low``/``ci_high`` its 95% Monte Carlo interval and ``mc_se``
    its standard error; ``sd`` is the spread between studies and ``predictive_low`` /
    ``predictive_high`` the 2.5% / 97.5% quantiles, with their Monte Carlo errors.
    """

    value: float
    ci_low: float
    ci_high: float
    replications: int
    sd: float = 0.0
    predictive_low: float = float("nan")
    predictive_high: float = float("nan")
    mc_se: float = 0.0
    mc_se_low: float = float("nan")
    mc_se_high: float = float("nan")
    study_n: int | None = None


def estimate(values: Sequence[float], study_n: int | None = None) -> Estimate:
    """Mean, Monte Carlo interval and predictive interval of per-study values."""
    x = np.asarray(values, dtype=np.float64)
    if x.size == 0 or not np.isfinite(x).all():
        raise ValueError("estimate: need one or more finite values (did an experiment fail?)")
    mean = float(x.mean())
    if x.size == 1:
        return Estimate(mean, mean, mean, 1, predictive_low=mean, predictive_high=mean, study_n=study_n)
    from scipy import stats  # imported when used, not at the CLI's start-up

    sd = float(x.std(ddof=1))
    se = sd / float(np.sqrt(x.size))
    half = float(stats.t.ppf(0.975, x.size - 1) * se)
    low, high = (float(q) for q in np.quantile(x, [0.025, 0.975]))
    # Monte Carlo error of the quantiles: a fixed-seed bootstrap, so results stay reproducible.
    boot = np.random.default_rng(0).choice(x, size=(_BOOTSTRAP, x.size), replace=True)
    qs = np.quantile(boot, [0.025, 0.975], axis=1)
    return Estimate(mean, mean - half, mean + half, int(x.size), sd, low, high, se,
                    float(qs[0].std(ddof=1)), float(qs[1].std(ddof=1)), study_n)


def _right_side(check: Check, est: Estimate) -> bool:
    """The whole Monte Carlo interval lies on the paper's side of zero."""
    return est.ci_low > 0 if check.direction > 0 else est.ci_high < 0


def _inside(check: Check, est: Estimate) -> bool:
    """The paper's value is one the model's studies produce (see module docstring)."""
    assert check.paper is not None
    if check.paper_n is None and check.paper_ci is not None:
        lo, hi = check.paper_ci
        return est.ci_low <= hi and est.ci_high >= lo
    if check.paper_n is None and check.paper_se is not None:
        lo, hi = check.paper - 1.959964 * check.paper_se, check.paper + 1.959964 * check.paper_se
        return est.ci_low <= hi and est.ci_high >= lo
    return bool(est.predictive_low <= check.paper <= est.predictive_high)


def judge(check: Check, est: Estimate) -> Verdict:
    """The verdict for one check (see module docstring)."""
    if check.kind == "quantitative":
        signed = check.metric != "level"
        sign_ok = not signed or np.sign(est.value) == check.direction
        if _inside(check, est) and sign_ok:
            return "match"
        if signed and _right_side(check, est):
            return "direction-match"
        return "miss"
    if not _right_side(check, est):
        return "miss"
    window = check.window
    assert window is not None
    return "match" if window[0] <= abs(est.value) <= window[1] else "direction-match"


def discrepancy(check: Check, est: Estimate) -> float | None:
    """Standardized distance of the paper's value from the model's: ``(paper - mean) / sd``.

    The sd is the spread of simulated studies of the paper's size; for a meta-analytic value
    with no single N, the paper's own SE. ``None`` for a direction check or a zero spread.
    """
    if check.paper is None:
        return None
    if check.paper_n is None and check.standard_error is not None:
        return (check.paper - est.value) / check.standard_error
    if est.sd <= 0:
        return None
    return (check.paper - est.value) / est.sd


def worst(verdicts: Iterable[Verdict]) -> Verdict:
    """A target's verdict: the worst of its checks."""
    return max(verdicts, key=VERDICTS.index, default="miss")
