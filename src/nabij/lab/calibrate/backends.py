"""The two likelihood-free inference backends: sbi's NPE and pyabc's ABC-SMC.

* :class:`NPE` - neural posterior estimation (sbi; Papamakarios & Murray 2016, Greenberg et
  al. 2019). A conditional density estimator is trained once on ``(theta, x)`` pairs drawn
  from the prior; after that the posterior for *any* data set is one forward pass
  (amortized), which is what makes simulation-based calibration affordable.
* :func:`abc_smc` - approximate Bayesian computation with sequential Monte Carlo (pyabc;
  Toni et al. 2009, Klinger et al. 2018), with an adaptive, standardized Euclidean distance.
  It needs a fresh run of simulations for each data set.

Both import their library lazily: they live in the ``calibrate`` extra, and the base
install does not need them. Statistics a simulation could not compute (NaN) are dropped
from the training set (NPE) or make a simulation infinitely far (ABC).
"""

from __future__ import annotations

import contextlib
import io
import logging
import tempfile
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from nabij._rng import as_seed_sequence
from nabij.lab.calibrate.problem import Problem

FloatArray = npt.NDArray[np.float64]

__all__ = ["NPE", "abc_smc"]


class _NoTracker:
    """An sbi experiment tracker that keeps nothing: by default sbi writes TensorBoard logs
    into ``./sbi-logs`` of whatever folder the user happens to be in."""

    @property
    def log_dir(self) -> str | None:
        return None

    def log_metric(self, name: str, value: float, step: int | None = None) -> None:
        pass

    def log_metrics(self, metrics: dict[str, float], step: int | None = None) -> None:
        pass

    def log_params(self, params: dict[str, Any]) -> None:
        pass

    def add_figure(self, name: str, figure: Any, step: int | None = None) -> None:
        pass

    def flush(self) -> None:
        pass


#: torch deprecation notices raised inside sbi's spline flows: sbi's business, not the user's.
_QUIET = r".*triangular_solve.*"


def _torch_seed(seed: int) -> Any:
    import torch

    torch.manual_seed(seed)
    torch.set_num_threads(1)
    return torch


@dataclass
class NPE:
    """A trained neural posterior estimator for one problem (amortized over data sets).

    With ``ensemble = K > 1``, K estimators are trained from different initial weights and
    training/validation splits, and the posterior is their equal mixture: a common remedy
    for the overconfidence of single neural estimators (Hermans et al. 2022).
    """

    problem: Problem
    columns: tuple[int, ...]
    posteriors: list[Any]
    trained_on: int

    @classmethod
    def train(cls, problem: Problem, thetas: FloatArray, xs: FloatArray, seed: int,
              columns: Sequence[int] | None = None, max_epochs: int = 300, ensemble: int = 1,
              estimator: str = "nsf") -> NPE:
        """Fit the estimator(s) to simulations ``(thetas, xs)``; ``columns`` picks statistics.

        ``estimator`` is sbi's density estimator: ``"nsf"`` (neural spline flow, the default:
        its 50% and 90% intervals pass simulation-based calibration, docs/calibration.md) or
        ``"maf"`` (masked autoregressive flow: slightly overconfident here).
        """
        if estimator not in ("maf", "nsf"):
            raise ValueError(f"estimator: choose 'maf' or 'nsf', got {estimator!r}")
        if ensemble < 1:
            raise ValueError(f"ensemble: need at least 1 estimator, got {ensemble}")
        torch = _torch_seed(seed)
        import sbi.inference as sbi_inference
        from sbi.utils import BoxUniform

        cols = tuple(range(xs.shape[1])) if columns is None else tuple(columns)
        x = xs[:, cols]
        ok = np.isfinite(x).all(axis=1)
        if ok.sum() < 20:
            raise ValueError(f"NPE: only {int(ok.sum())} simulations with finite statistics; need >= 20")
        prior = BoxUniform(low=torch.as_tensor(problem.low, dtype=torch.float32),
                           high=torch.as_tensor(problem.high, dtype=torch.float32))
        posteriors = []
        for member in range(ensemble):
            _torch_seed(seed + member)
            inference = sbi_inference.NPE(prior=prior, density_estimator=estimator, show_progress_bars=False,
                                          tracker=_NoTracker())
            inference.append_simulations(torch.as_tensor(thetas[ok], dtype=torch.float32),
                                         torch.as_tensor(x[ok], dtype=torch.float32))
            # sbi prints "converged after N epochs"
            with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=_QUIET)
                network = inference.train(max_num_epochs=max_epochs, show_train_summary=False)
            posteriors.append(inference.build_posterior(network))
        return cls(problem, cols, posteriors, int(ok.sum()))

    def sample(self, x: Sequence[float], n: int, seed: int) -> FloatArray:
        """``n`` posterior draws given the statistics ``x`` (all of the problem's, or ``columns``)."""
        torch = _torch_seed(seed)
        obs = np.asarray(x, dtype=np.float64)
        if obs.shape[0] == len(self.problem.statistics) and len(self.columns) != obs.shape[0]:
            obs = obs[list(self.columns)]
        if not np.isfinite(obs).all():
            raise ValueError("NPE: the observed statistics must be finite")
        sizes = [len(part) for part in np.array_split(np.arange(n), len(self.posteriors))]
        x_obs = torch.as_tensor(obs, dtype=torch.float32)
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_QUIET)
            draws = [post.sample((size,), x=x_obs, show_progress_bars=False)
                     for post, size in zip(self.posteriors, sizes, strict=True) if size]
        mixed = np.asarray(torch.cat(draws).numpy(), dtype=np.float64)
        if len(self.posteriors) == 1:
            return mixed
        # shuffled, so that any leading subset of the draws is a sample of the whole mixture
        return mixed[np.random.default_rng(seed).permutation(len(mixed))]


def abc_smc(problem: Problem, x: Sequence[float], budget: int, seed: int, n: int = 1000,
            population_size: int = 0) -> tuple[FloatArray, int]:
    """ABC-SMC posterior draws for data ``x``, with at most ``budget`` simulations.

    Returns ``(draws, simulations used)``; draws are resampled by the final weights. pyabc checks
    the budget between generations, so it can overshoot by up to one generation: the population
    (default ``budget // 6``, at least 30) is kept small enough for several generations.
    """
    import pyabc

    logging.getLogger("ABC").setLevel(logging.WARNING)  # pyabc reports every generation at INFO
    names = [f"p{i}" for i in range(len(problem.parameters))]
    prior = pyabc.Distribution(**{
        nm: pyabc.RV("uniform", lo, hi - lo) for nm, lo, hi in zip(names, problem.low, problem.high,
                                                                    strict=True)})
    seeds = np.random.default_rng(as_seed_sequence(seed))

    def model(pars: dict[str, float]) -> dict[str, FloatArray]:
        theta = [pars[nm] for nm in names]
        stats = problem.simulate(theta, int(seeds.integers(2**63)))
        return {"x": np.where(np.isfinite(stats), stats, 1e6)}

    np.random.seed(seed % 2**32)  # noqa: NPY002 - pyabc draws from numpy's global generator
    abc = pyabc.ABCSMC(model, prior, pyabc.AdaptivePNormDistance(p=2),
                       population_size=population_size or max(30, budget // 6),
                       sampler=pyabc.sampler.SingleCoreSampler())
    with tempfile.TemporaryDirectory() as tmp:
        abc.new(f"sqlite:///{Path(tmp) / 'abc.db'}", {"x": np.asarray(x, dtype=np.float64)})
        history = abc.run(max_total_nr_simulations=budget, max_nr_populations=20)
        frame, weights = history.get_distribution()
        used = int(history.total_nr_simulations)
    values = frame[names].to_numpy(dtype=np.float64)
    pick = np.random.default_rng(as_seed_sequence(seed))
    idx = pick.choice(len(values), size=n, p=weights / weights.sum())
    return values[idx], used
