"""``nabij calibrate`` as a library call: screen, identify, fit, validate, predict.

1. **Screen.** Sobol indices of the published statistics over *every* parameter of the
   model (:func:`~nabij.lab.sensitivity.sobol_indices`); the ``k`` with the largest summed
   total index are the candidates.
2. **Identify.** NPE over the candidates, trained on ``identify_budget`` prior simulations,
   conditioned on the published values: the posterior contraction of each candidate
   (:mod:`nabij.lab.calibrate.identify`). Only the identified ones are fitted.
3. **Fit.** NPE over the identified parameters, trained on ``budget`` fresh simulations:
   **the shipped estimator**. Its posterior given the published values gives the shipped
   defaults (posterior medians) and their 90% intervals. There is no second estimator, no
   filter on the draws.
4. **Validate.** Simulation-based calibration of that same trained estimator on ``sbc``
   fresh prior draws (:mod:`nabij.lab.calibrate.sbc`).
5. **Predict.** Posterior predictive checks on the validation targets (and, for
   comparison, the calibration targets) from ``predictive`` posterior draws
   (:mod:`nabij.lab.calibrate.predictive`): after the fit, feeding nothing back.

Only stages 1-3 see data, and only the calibration targets' published values
(:class:`~nabij.lab.calibrate.problem.Problem` enforces the split). Seeds: every stage
draws from its own child of the root seed, so the stages are reproducible and independent
of each other's sizes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from nabij._rng import as_seed_sequence, child_sequence
from nabij.lab.calibrate.backends import NPE
from nabij.lab.calibrate.identify import CONTRACTION_MIN, Identification
from nabij.lab.calibrate.predictive import checked_targets, predictive_checks
from nabij.lab.calibrate.problem import Problem, all_parameters, observed
from nabij.lab.calibrate.sbc import Recovery, recovery
from nabij.lab.sensitivity import SobolResult, rank_parameters, sobol_indices

FloatArray = npt.NDArray[np.float64]
Tick = Callable[[str, int], Callable[[], None]]

__all__ = ["CalibrationConfig", "CalibrationResult", "calibrate", "fit"]


@dataclass(frozen=True)
class CalibrationConfig:
    """What to run, and how much of it.

    ``candidates`` skips the screening (stage 1) and takes these parameters as the
    candidates; ``identify_budget = 0`` skips stage 2 and fits every candidate.
    """

    problem: Problem = field(default_factory=Problem)
    seed: int = 2026
    sobol_n: int = 16
    k: int = 6
    candidates: tuple[str, ...] = ()
    identify_budget: int = 2000
    threshold: float = CONTRACTION_MIN
    budget: int = 4000
    sbc: int = 300
    draws: int = 1000
    predictive: int = 50
    predictive_groups: tuple[str, ...] = ("validation", "calibration")


@dataclass(frozen=True)
class CalibrationResult:
    config: CalibrationConfig
    problem: Problem  # the fitted problem: the identified parameters
    observed: dict[str, float]
    sobol: SobolResult | None
    identification: Identification | None
    sbc: Recovery | None
    posterior: pd.DataFrame  # draws of the shipped estimator given the published data
    fitted: dict[str, float]  # posterior medians
    intervals: dict[str, tuple[float, float]]  # 5% and 95% posterior quantiles
    predictive: pd.DataFrame
    seconds: dict[str, float]


def _noop(_: str, __: int) -> Callable[[], None]:
    return lambda: None


def _seed(root: np.random.SeedSequence, i: int) -> int:
    return int(child_sequence(root, i).generate_state(1)[0])


def fit(problem: Problem, budget: int, root: np.random.SeedSequence, first: int,
        tick: Tick = _noop, label: str = "simulations") -> tuple[NPE, FloatArray]:
    """Train NPE on ``budget`` prior simulations of ``problem``; return it and its draws given the data.

    Uses children ``first``, ``first + 1`` (simulations) and ``first + 2`` (training) of ``root``.
    """
    thetas = problem.sample_prior(budget, child_sequence(root, first))
    xs = problem.simulate_many(thetas, child_sequence(root, first + 1), tick(label, budget))
    npe = NPE.train(problem, thetas, xs, _seed(root, first + 2))
    return npe, thetas


def calibrate(config: CalibrationConfig, tick: Tick = _noop) -> CalibrationResult:
    """Run the whole pipeline; ``tick(stage, total)`` returns a per-step progress callback."""
    root = as_seed_sequence(config.seed)
    seconds: dict[str, float] = {}
    base = config.problem
    data = observed(base)
    obs = dict(zip(base.statistics, map(float, data), strict=True))
    sobol = None
    t0 = time.perf_counter()
    if config.candidates:
        candidates = tuple(config.candidates)
    else:
        everything = base.with_parameters(all_parameters())
        n_sims = config.sobol_n * (len(everything.parameters) + 2)
        sobol = sobol_indices(everything, config.sobol_n, child_sequence(root, 0),
                              tick("sensitivity (Sobol, all parameters)", n_sims))
        candidates = tuple(rank_parameters(sobol, config.k))
        seconds["sensitivity"] = time.perf_counter() - t0
    identification = None
    parameters = candidates
    if config.identify_budget:
        t0 = time.perf_counter()
        screen = base.with_parameters(candidates)
        npe, _ = fit(screen, config.identify_budget, root, 1, tick, "identification simulations")
        draws = npe.sample(data, config.draws, _seed(root, 4))
        identification = Identification(candidates, screen.low, screen.high, draws, config.identify_budget,
                                        config.threshold)
        parameters = identification.identified()
        seconds["identify"] = time.perf_counter() - t0
    problem = base.with_parameters(parameters)
    names = list(parameters)
    sbc = None
    posterior = pd.DataFrame(columns=names)
    if parameters:
        t0 = time.perf_counter()
        npe, _ = fit(problem, config.budget, root, 5, tick, "training simulations")
        posterior = pd.DataFrame(npe.sample(data, config.draws, _seed(root, 8)), columns=names)
        seconds["fit"] = time.perf_counter() - t0
        t0 = time.perf_counter()
        truths = problem.sample_prior(config.sbc, child_sequence(root, 9))
        test_x = problem.simulate_many(truths, child_sequence(root, 10), tick("SBC simulations", config.sbc))
        ok = np.isfinite(test_x).all(axis=1)
        posts = [npe.sample(x, config.draws, _seed(root, 11) + i) for i, x in enumerate(test_x[ok])]
        sbc = recovery(problem.parameters, truths[ok], posts, problem.low, problem.high)
        seconds["sbc"] = time.perf_counter() - t0
    fitted = {p: float(posterior[p].median()) for p in names}
    intervals = {p: (float(posterior[p].quantile(0.05)), float(posterior[p].quantile(0.95))) for p in names}
    t0 = time.perf_counter()
    predictive = pd.DataFrame()
    if config.predictive:
        targets = checked_targets(config.predictive_groups)
        chosen = (posterior.to_numpy()[: config.predictive] if len(names)
                  else np.zeros((config.predictive, 0)))
        predictive = predictive_checks(chosen, names, targets, child_sequence(root, 12), base.base,
                                       tick("posterior predictive checks", len(chosen)))
        seconds["predictive"] = time.perf_counter() - t0
    return CalibrationResult(config, problem, obs, sobol, identification, sbc, posterior, fitted, intervals,
                             predictive, seconds)
