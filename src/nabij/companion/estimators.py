"""What the journal has learned: per-confidant responsiveness, comfortable depth, fear calibration.

Responsiveness uses the core model's learning rule (:mod:`nabij.model.learning`), so the
companion and the simulations believe the same things for the same evidence:

* each reaction, rated 1-7, becomes ``(r - 1) / 6`` on the model's 0-1 scale;
* a deeper disclosure is more diagnostic: weight ``floor + (1 - floor) * depth / 100``
  (``Params.evidence_floor``; Murray et al. 2006, situations of dependence);
* older evidence counts less: before each observation the belief is discounted by
  ``daily_discount ** days_since_previous * evidence_discount``, and by the days since the
  last entry up to "now" (seed 001: recent behaviour counts more);
* trust is a low quantile of the next reaction, ``mean - trust_z * predictive sd``
  (:func:`nabij.model.learning.trust_lower_bound`, the model's own rule): consistency beats
  intensity (seed 001), because an erratic partner's swings keep the next reaction uncertain.

Fear calibration compares what the person expected with what they observed. The expectation
is ``expected_reaction`` when given, else ``1 - fear_before / 100`` (a fear of 80 expects a
reaction of 0.2 on the 0-1 scale). A positive bias means reactions were kinder than feared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from typing import Any

import numpy as np

from nabij.companion.domain import Entry, now_utc
from nabij.model import credible_interval, prior_belief, trust_lower_bound, update_belief
from nabij.model.params import Params

__all__ = [
    "CALIBRATION_BINS",
    "FEAR_OK",
    "PRIOR_CERTAINTY",
    "PRIOR_MEAN",
    "Calibration",
    "CalibrationBin",
    "ResponsivenessEstimate",
    "comfortable_depth",
    "expected_of",
    "fear_calibration",
    "observed_of",
    "responsiveness_estimate",
    "responsiveness_history",
]

#: Before any evidence, a confidant is expected to be neutral (4 of 7) ...
PRIOR_MEAN = 0.5
#: ... with the weight of one observation, so the first real reactions dominate quickly.
PRIOR_CERTAINTY = 1.0
#: Fear afterwards (0-100) at or below this counts as "it was ok" for the comfortable depth.
FEAR_OK = 50
#: Edges of the expected-reaction bins of the calibration curve (0-1 scale).
CALIBRATION_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def observed_of(entry: Entry) -> float:
    """The observed reaction on the model's 0-1 scale."""
    return (entry.responsiveness - 1) / 6


def expected_of(entry: Entry) -> float:
    """The expected reaction on the 0-1 scale: the stated expectation, else ``1 - fear``."""
    if entry.expected_reaction is not None:
        return (entry.expected_reaction - 1) / 6
    return 1.0 - entry.fear_before / 100


def _days(later: datetime, earlier: datetime) -> float:
    return max(0.0, (later - earlier).total_seconds() / 86_400)


@dataclass(frozen=True)
class ResponsivenessEstimate:
    """The belief about one confidant's responsiveness, on the 1-7 scale people rate with."""

    n: int
    mean: float
    lower_bound: float
    ci_low: float
    ci_high: float
    trust: float  # the lower bound on the model's 0-1 scale (what the planner compares)
    last_when: datetime | None


def _to_scale(x: float | np.ndarray[Any, Any]) -> float:
    return 1.0 + 6.0 * float(x)


def responsiveness_estimate(entries: Sequence[Entry], params: Params | None = None,
                            now: datetime | None = None,
                            level: float = 0.9) -> ResponsivenessEstimate:
    """Posterior of one confidant's responsiveness from their entries (any order)."""
    p = params or Params()
    now = now or now_utc()
    belief = prior_belief(PRIOR_MEAN, PRIOR_CERTAINTY)
    previous: datetime | None = None
    for e in sorted(entries, key=lambda e: e.when):
        discount = 1.0 if previous is None else (
            p.daily_discount ** _days(e.when, previous) * p.evidence_discount)
        weight = p.evidence_floor + (1 - p.evidence_floor) * e.depth / 100
        belief = update_belief(belief, observed_of(e), weight, discount)
        previous = e.when
    if previous is not None:  # evidence keeps ageing until today
        belief = update_belief(belief, 0.0, 0.0, p.daily_discount ** _days(now, previous))
    low, high = credible_interval(belief, level)
    trust = float(trust_lower_bound(belief, p.trust_z))
    return ResponsivenessEstimate(
        n=len(entries), mean=_to_scale(belief.mean), lower_bound=_to_scale(trust),
        ci_low=_to_scale(low), ci_high=_to_scale(high), trust=trust, last_when=previous)


def responsiveness_history(entries: Sequence[Entry], params: Params | None = None,
                           level: float = 0.9) -> list[ResponsivenessEstimate]:
    """The belief as it stood right after each entry, oldest first (for a plot over time).

    Each point is :func:`responsiveness_estimate` of the entries up to then, evaluated at that
    entry's moment, so the curve shows what the journal believed at the time.
    """
    ordered = sorted(entries, key=lambda e: e.when)
    return [responsiveness_estimate(ordered[:i + 1], params, now=e.when, level=level)
            for i, e in enumerate(ordered)]


def comfortable_depth(entries: Sequence[Entry], params: Params | None = None,
                      now: datetime | None = None) -> float | None:
    """Recency-weighted depth of the disclosures that went well (not hurtful, fear after ok).

    ``None`` when nothing has gone well yet: the planner then starts small.
    """
    p = params or Params()
    now = now or now_utc()
    good = [e for e in entries if not e.hurtful and (e.fear_after is None
                                                      or e.fear_after <= FEAR_OK)]
    if not good:
        return None
    weights = np.array([p.daily_discount ** _days(now, e.when) for e in good])
    depths = np.array([e.depth for e in good], dtype=np.float64)
    if weights.sum() <= 1e-12:  # all very old: plain mean
        return float(depths.mean())
    return float(np.average(depths, weights=weights))


@dataclass(frozen=True)
class CalibrationBin:
    """One point of the calibration curve: expected vs observed reactions (0-1 scale)."""

    low: float
    high: float
    n: int
    expected: float
    observed: float


@dataclass(frozen=True)
class Calibration:
    """How well fear predicted reactions, overall and per month."""

    n: int
    bias: float  # mean(observed - expected): > 0 means people were kinder than feared
    curve: tuple[CalibrationBin, ...]
    by_month: tuple[tuple[str, int, float], ...]  # (YYYY-MM, n, bias)


def fear_calibration(entries: Sequence[Entry]) -> Calibration:
    """Calibration curve and bias over time of expected against observed reactions."""
    exp = np.array([expected_of(e) for e in entries], dtype=np.float64)
    obs = np.array([observed_of(e) for e in entries], dtype=np.float64)
    curve = []
    edges = CALIBRATION_BINS
    for i, (lo, hi) in enumerate(pairwise(edges)):
        last = i == len(edges) - 2
        mask = (exp >= lo) & ((exp <= hi) if last else (exp < hi))
        if mask.any():
            curve.append(CalibrationBin(lo, hi, int(mask.sum()), float(exp[mask].mean()),
                                        float(obs[mask].mean())))
    months: dict[str, list[float]] = defaultdict(list)
    for e, x, y in zip(entries, exp, obs, strict=True):
        months[e.when.strftime("%Y-%m")].append(float(y - x))
    by_month = tuple((m, len(v), float(np.mean(v))) for m, v in sorted(months.items()))
    bias = float((obs - exp).mean()) if len(entries) else 0.0
    return Calibration(n=len(entries), bias=bias, curve=tuple(curve), by_month=by_month)
