"""``nabij calibrate`` as a library call: screen, simulate, train, validate, fit.

1. **Screen** (optional): Sobol indices of the statistics over :data:`CANDIDATES`; the
   ``k`` parameters with the largest summed ST are calibrated.
2. **Simulate** ``budget`` draws from the prior and their statistics.
3. **Train** NPE on them (all statistics) and **validate** it by simulation-based
   calibration on ``sbc`` fresh prior draws (coverage of 50% and 90% intervals).
4. **Compare** (optional) with ABC-SMC on the first ``compare`` SBC data sets, both at
   ``compare_budget`` simulations (NPE trained on that many of the training draws).
5. **Fit** to the published data: NPE on the statistics with published values (T1), then
   keep the posterior draws whose simulated direction statistics all have the paper's
   sign and a plausible size (:func:`satisfies_directions`). The fitted values are the
   medians of the kept draws.

Seeds: every stage draws from its own child of the root seed, so the stages are
reproducible and independent of each other's sizes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from nabij._rng import as_seed_sequence, child_sequence
from nabij.lab.calibrate.backends import NPE, abc_smc
from nabij.lab.calibrate.problem import CANDIDATES, Problem, observed, satisfies_directions
from nabij.lab.calibrate.sbc import Recovery, recovery
from nabij.lab.sensitivity import SobolResult, rank_parameters, sobol_indices

FloatArray = npt.NDArray[np.float64]
Tick = Callable[[str, int], Callable[[], None]]

__all__ = ["CalibrationConfig", "CalibrationResult", "Comparison", "calibrate"]


@dataclass(frozen=True)
class CalibrationConfig:
    """What to run, and how much of it."""

    problem: Problem = field(default_factory=Problem)
    budget: int = 2000
    seed: int = 2026
    sbc: int = 200
    draws: int = 1000
    sobol_n: int = 0  # 0: no screening; the problem's parameters are used as given
    k: int = 4
    compare: int = 0
    compare_budget: int = 600
    constraint_draws: int = 100
    ensemble: int = 1  # NPE estimators whose mixture is the posterior
    estimator: str = "nsf"  # sbi density estimator: nsf or maf


@dataclass(frozen=True)
class Comparison:
    """NPE vs ABC-SMC on the same synthetic data sets at the same simulation budget."""

    budget: int
    npe: Recovery
    abc: Recovery
    npe_seconds: float
    abc_seconds: float
    abc_simulations: int


@dataclass(frozen=True)
class CalibrationResult:
    config: CalibrationConfig
    problem: Problem
    sobol: SobolResult | None
    sbc: Recovery
    comparison: Comparison | None
    posterior: pd.DataFrame  # NPE draws given the published data
    accepted: pd.DataFrame  # the draws kept by the direction constraints
    fitted: dict[str, float]
    observed: dict[str, float]
    seconds: dict[str, float]


def _noop(_: str, __: int) -> Callable[[], None]:
    return lambda: None


def _seed(root: np.random.SeedSequence, i: int) -> int:
    return int(child_sequence(root, i).generate_state(1)[0])


def calibrate(config: CalibrationConfig, tick: Tick = _noop) -> CalibrationResult:
    """Run the whole pipeline; ``tick(stage, total)`` returns a per-step progress callback."""
    if config.estimator not in ("maf", "nsf"):
        raise ValueError(f"estimator: choose 'maf' or 'nsf', got {config.estimator!r}")
    root = as_seed_sequence(config.seed)
    seconds: dict[str, float] = {}
    problem, sobol = config.problem, None
    t0 = time.perf_counter()
    if config.sobol_n:
        screen = replace(problem, parameters=CANDIDATES)
        sobol = sobol_indices(screen, config.sobol_n, child_sequence(root, 0),
                              tick("sensitivity (Sobol)", config.sobol_n * (len(CANDIDATES) + 2)))
        problem = replace(problem, parameters=tuple(rank_parameters(sobol, config.k)))
        seconds["sensitivity"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    thetas = problem.sample_prior(config.budget, child_sequence(root, 1))
    xs = problem.simulate_many(thetas, child_sequence(root, 2), tick("training simulations", config.budget))
    seconds["simulate"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    npe = NPE.train(problem, thetas, xs, _seed(root, 3), ensemble=config.ensemble, estimator=config.estimator)
    seconds["train"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    truths = problem.sample_prior(config.sbc, child_sequence(root, 4))
    test_x = problem.simulate_many(truths, child_sequence(root, 5), tick("SBC simulations", config.sbc))
    ok = np.isfinite(test_x).all(axis=1)
    truths, test_x = truths[ok], test_x[ok]
    posts = [npe.sample(x, config.draws, _seed(root, 6) + i) for i, x in enumerate(test_x)]
    sbc = recovery(problem.parameters, truths, posts, problem.low, problem.high)
    seconds["sbc"] = time.perf_counter() - t0
    comparison = _compare(config, problem, thetas, xs, truths, test_x, root, tick) if config.compare else None
    t0 = time.perf_counter()
    obs = observed(problem)
    posterior, accepted, fitted = _fit(config, problem, thetas, xs, obs, root, tick)
    seconds["fit"] = time.perf_counter() - t0
    return CalibrationResult(config, problem, sobol, sbc, comparison, posterior, accepted, fitted, obs,
                             seconds)


def _fit(config: CalibrationConfig, problem: Problem, thetas: FloatArray, xs: FloatArray,
         obs: dict[str, float], root: np.random.SeedSequence,
         tick: Tick) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, float]]:
    """Posterior given the published values, filtered by the direction constraints.

    With no published value among the statistics there is nothing to fit: empty frames.
    """
    names = list(problem.parameters)
    if not obs:
        return pd.DataFrame(columns=names), pd.DataFrame(columns=names), {}
    columns = [problem.statistics.index(s) for s in obs]
    fit_npe = NPE.train(problem, thetas, xs, _seed(root, 7), columns=columns, ensemble=config.ensemble,
                        estimator=config.estimator)
    draws = fit_npe.sample(list(obs.values()), config.draws, _seed(root, 8))
    checked = draws[: config.constraint_draws]
    stats = problem.simulate_many(checked, child_sequence(root, 9),
                                  tick("direction constraints", len(checked)))
    keep = np.array([satisfies_directions(dict(zip(problem.statistics, s, strict=True))) for s in stats])
    accepted = pd.DataFrame(checked[keep], columns=names)
    source = accepted if len(accepted) else pd.DataFrame(draws, columns=names)
    fitted = {p: float(source[p].median()) for p in names}
    return pd.DataFrame(draws, columns=names), accepted, fitted


def _compare(config: CalibrationConfig, problem: Problem, thetas: FloatArray, xs: FloatArray,
             truths: FloatArray, test_x: FloatArray, root: np.random.SeedSequence,
             tick: Tick) -> Comparison:
    """NPE (trained on ``compare_budget`` draws) vs ABC-SMC (that budget per data set)."""
    n, b = min(config.compare, len(truths)), config.compare_budget
    t0 = time.perf_counter()
    npe = NPE.train(problem, thetas[:b], xs[:b], _seed(root, 10))
    npe_posts = [npe.sample(x, config.draws, _seed(root, 11) + i) for i, x in enumerate(test_x[:n])]
    npe_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    step = tick("ABC-SMC data sets", n)
    abc_posts, used = [], 0
    for i, x in enumerate(test_x[:n]):
        draws, sims = abc_smc(problem, x, b, _seed(root, 12) + i, n=config.draws)
        abc_posts.append(draws)
        used += sims
        step()
    abc_seconds = time.perf_counter() - t0
    lo, hi = problem.low, problem.high
    return Comparison(b, recovery(problem.parameters, truths[:n], npe_posts, lo, hi),
                      recovery(problem.parameters, truths[:n], abc_posts, lo, hi),
                      npe_seconds, abc_seconds, used)
