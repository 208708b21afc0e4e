"""The one inference backend: sbi's neural posterior estimation (NPE).

A conditional density estimator - a neural spline flow (Durkan et al. 2019) - is trained
once on ``(theta, x)`` pairs drawn from the prior (Papamakarios & Murray 2016, Greenberg et
al. 2019); after that the posterior for *any* data set is one forward pass (amortized).
The same trained estimator gives the shipped posterior (conditioned on the published data)
and is validated by simulation-based calibration (conditioned on simulated data), so the
validation is of exactly the estimator whose values ship. sbi is imported lazily: it lives
in the ``calibrate`` extra. Simulations with a statistic that could not be computed (NaN)
are dropped from the training set.
"""

from __future__ import annotations

import contextlib
import io
import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from nabij.lab.calibrate.problem import Problem

FloatArray = npt.NDArray[np.float64]

__all__ = ["ESTIMATOR", "NPE"]

#: sbi's density estimator: a neural spline flow (its intervals passed SBC where a MAF's were
#: overconfident; docs/calibration.md).
ESTIMATOR = "nsf"


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
    """A trained neural posterior estimator for one problem (amortized over data sets)."""

    problem: Problem
    posterior: Any
    trained_on: int

    @classmethod
    def train(cls, problem: Problem, thetas: FloatArray, xs: FloatArray, seed: int,
              max_epochs: int = 300) -> NPE:
        """Fit the estimator to simulations ``(thetas, xs)`` (rows with NaN statistics dropped)."""
        torch = _torch_seed(seed)
        import sbi.inference as sbi_inference
        from sbi.utils import BoxUniform

        ok = np.isfinite(xs).all(axis=1)
        if ok.sum() < 20:
            raise ValueError(f"NPE: only {int(ok.sum())} simulations with finite statistics; need >= 20")
        prior = BoxUniform(low=torch.as_tensor(problem.low, dtype=torch.float32),
                           high=torch.as_tensor(problem.high, dtype=torch.float32))
        inference = sbi_inference.NPE(prior=prior, density_estimator=ESTIMATOR, show_progress_bars=False,
                                      tracker=_NoTracker())
        inference.append_simulations(torch.as_tensor(thetas[ok], dtype=torch.float32),
                                     torch.as_tensor(xs[ok], dtype=torch.float32))
        # sbi prints "converged after N epochs"
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_QUIET)
            network = inference.train(max_num_epochs=max_epochs, show_train_summary=False)
        return cls(problem, inference.build_posterior(network), int(ok.sum()))

    def sample(self, x: npt.ArrayLike, n: int, seed: int) -> FloatArray:
        """``n`` posterior draws given the statistics ``x`` (one value per statistic)."""
        torch = _torch_seed(seed)
        obs = np.asarray(x, dtype=np.float64)
        if obs.shape != (len(self.problem.statistics),) or not np.isfinite(obs).all():
            raise ValueError(f"NPE: need {len(self.problem.statistics)} finite values; got {obs.tolist()}")
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=_QUIET)
            draws = self.posterior.sample((n,), x=torch.as_tensor(obs, dtype=torch.float32),
                                          show_progress_bars=False)
        return np.asarray(draws.numpy(), dtype=np.float64)
