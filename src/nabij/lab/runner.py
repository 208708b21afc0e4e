"""Run the virtual replications: K replications per target, estimates, verdicts.

Each target draws from its own child of the root seed (by its position in
:data:`~nabij.lab.targets.TARGETS`), so a target's result does not depend on which other
targets run with it: ``--only T3`` reproduces T3 of a full run exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nabij._rng import RngLike, as_seed_sequence, child_sequence, spawn
from nabij.lab.experiment import Experiment
from nabij.lab.experiments import EXPERIMENTS
from nabij.lab.targets import TARGETS, Check, Target
from nabij.lab.verdict import Estimate, Verdict, estimate, judge, worst
from nabij.model import Params

__all__ = ["CheckResult", "TargetResult", "parse_only", "run_target", "run_targets"]


@dataclass(frozen=True)
class CheckResult:
    """One check: what the paper says, the model's estimate, and the verdict."""

    check: Check
    estimate: Estimate
    verdict: Verdict


@dataclass(frozen=True)
class TargetResult:
    """A target's checks, its overall verdict and its plot series (mean and CI per point)."""

    target: Target
    experiment: Experiment
    checks: tuple[CheckResult, ...]
    series: dict[str, tuple[Estimate, ...]]

    @property
    def verdict(self) -> Verdict:
        return worst(c.verdict for c in self.checks)

    @property
    def headline(self) -> CheckResult:
        """The check that decides the verdict (the first of the worst), else the first."""
        return next(c for c in self.checks if c.verdict == self.verdict)


def parse_only(only: str | Sequence[str] | None) -> list[str]:
    """Target ids from ``"T1,T3"`` (or a list); all targets when empty. Clear error if unknown."""
    if not only:
        return list(TARGETS)
    items = only.split(",") if isinstance(only, str) else list(only)
    ids = [i.strip().upper() for i in items if i.strip()]
    unknown = [i for i in ids if i not in TARGETS]
    if unknown:
        raise ValueError(f"unknown target(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    return list(dict.fromkeys(ids))


def run_target(target_id: str, replications: int, rng: RngLike = 2026, params: Params | None = None,
               scale: float = 1.0, on_replication: Callable[[], None] | None = None) -> TargetResult:
    """Run one target's experiment ``replications`` times and judge it."""
    if replications < 2:
        raise ValueError(f"replications: need at least 2 for a confidence interval, got {replications}")
    prm = (params or Params()).validate()
    target = TARGETS[target_id]
    experiment = EXPERIMENTS[target_id]
    seed = child_sequence(as_seed_sequence(rng), list(TARGETS).index(target_id))
    reps = []
    for s in spawn(seed, replications):
        reps.append(experiment.run(s, prm, scale))
        if on_replication is not None:
            on_replication()
    checks = []
    for check in target.checks:
        try:
            est = estimate([r.measures[check.quantity] for r in reps])
        except KeyError as err:
            raise RuntimeError(f"{target_id}: the experiment did not report {check.quantity!r}") from err
        checks.append(CheckResult(check, est, judge(check, est)))
    series = {
        name: tuple(estimate(col) for col in np.asarray([r.series[name] for r in reps]).T)
        for name in reps[0].series
    }
    return TargetResult(target, experiment, tuple(checks), series)


def run_targets(ids: Sequence[str], replications: int, rng: RngLike = 2026, params: Params | None = None,
                scale: float = 1.0, on_replication: Callable[[], None] | None = None) -> list[TargetResult]:
    """Run several targets (see :func:`run_target`); same seed per target whatever the selection."""
    return [run_target(i, replications, rng, params, scale, on_replication) for i in ids]
