"""Run the virtual replications: K replications per target, estimates, verdicts.

One replication is one virtual study. Where the target gives the original study's size
(``paper_n``), the experiment is scaled so that each replication simulates a study of that
size (``--scale`` then multiplies the paper's N, for quick runs); the spread over the K
studies gives the predictive interval the verdicts use (:mod:`nabij.lab.verdict`).

Each target draws from its own child of the root seed (by its position in
:data:`~nabij.lab.targets.TARGETS`), so a target's result does not depend on which other
targets run with it: ``--only T3`` reproduces T3 of a full run exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from nabij._rng import RngLike, as_seed_sequence, child_sequence, spawn
from nabij.engine.gather import run_together
from nabij.lab.experiment import Experiment, Replication, sample_size
from nabij.lab.experiments import EXPERIMENTS
from nabij.lab.split import Group, group_of
from nabij.lab.targets import TARGETS, Check, Target
from nabij.lab.verdict import Estimate, Verdict, discrepancy, estimate, judge, worst
from nabij.model import Params

__all__ = ["CheckResult", "TargetResult", "parse_only", "run_target", "run_targets"]


@dataclass(frozen=True)
class CheckResult:
    """One check: what the paper says, the model's estimate, and the verdict."""

    check: Check
    estimate: Estimate
    verdict: Verdict

    @property
    def discrepancy(self) -> float | None:
        """``(paper - model mean) / sd`` of studies of the paper's size; ``None`` for directions."""
        return discrepancy(self.check, self.estimate)


@dataclass(frozen=True)
class TargetResult:
    """A target's checks, its overall verdict and its plot series (mean and CI per point).

    ``study_n`` is the number of the experiment's units one replication simulated (the
    paper's N at ``scale = 1`` where the target gives it).
    """

    target: Target
    experiment: Experiment
    checks: tuple[CheckResult, ...]
    series: dict[str, tuple[Estimate, ...]]
    study_n: int | None = None

    @property
    def group(self) -> Group:
        """``calibration`` or ``validation`` (``lab/split.toml``)."""
        return group_of(self.target.id)

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
    study_scale = scale * experiment.scale_for(target.paper_n) if target.paper_n is not None else scale
    study_n = sample_size(experiment.sample, study_scale) if experiment.sample > 0 else None

    def one(s: np.random.SeedSequence) -> Replication:
        rep = experiment.run(s, prm, study_scale)
        if on_replication is not None:
            on_replication()
        return rep

    # the K studies' simulations run together: the same numbers as one study at a time
    reps = run_together([functools.partial(one, s) for s in spawn(seed, replications)])
    checks = []
    for check in target.checks:
        try:
            est = estimate([r.measures[check.quantity] for r in reps], study_n)
        except KeyError as err:
            raise RuntimeError(f"{target_id}: the experiment did not report {check.quantity!r}") from err
        checks.append(CheckResult(check, est, judge(check, est)))
    series = {
        name: tuple(estimate(col) for col in np.asarray([r.series[name] for r in reps]).T)
        for name in reps[0].series
    }
    return TargetResult(target, experiment, tuple(checks), series, study_n)


def run_targets(ids: Sequence[str], replications: int, rng: RngLike = 2026, params: Params | None = None,
                scale: float = 1.0, on_replication: Callable[[], None] | None = None) -> list[TargetResult]:
    """Run several targets (see :func:`run_target`); same seed per target whatever the selection."""
    return [run_target(i, replications, rng, params, scale, on_replication) for i in ids]
