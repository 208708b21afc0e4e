"""What is calibrated, against what: parameters, their prior, summary statistics, data.

* **Parameters.** A handful of global parameters, chosen by the Sobol analysis
  (:mod:`nabij.lab.sensitivity`) among :data:`CANDIDATES` as those the summary statistics
  are most sensitive to (``docs/calibration.md`` gives the indices). The others stay at
  their defaults.
* **Prior.** Independent uniforms on the *plausible region* around each hand-set default,
  ``[default / 2, 2 x default]`` clipped to the range in :func:`~nabij.model.param_specs`,
  centred on the hand-set value for the parameters now shipped fitted: the sources fix the
  direction and rough size, so a factor of two each way is what they leave open.
* **Summary statistics.** Checked quantities of cheap replication experiments
  (:data:`STATISTICS`), one replication at the paper's sample size (``scale = 1``), so
  the simulator's noise is the paper's own sampling noise.
* **Data.** Only T1 (Aron et al. 1997) publishes numbers; the other targets publish a
  direction. The numbers are data (:func:`observed`); the directions are constraints
  (:func:`satisfies_directions`), applied to posterior draws.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_seed_sequence, child_sequence
from nabij.lab.evaluate import evaluate, params_from, split_quantity
from nabij.lab.targets import TARGETS
from nabij.model import Params, param_specs

FloatArray = npt.NDArray[np.float64]

__all__ = ["CANDIDATES", "HAND_SET", "PARAMETERS", "STATISTICS", "Problem", "observed", "prior_bounds",
           "satisfies_directions"]

#: Parameters screened by the sensitivity analysis: the ones the cheap experiments' rules use.
CANDIDATES: tuple[str, ...] = (
    "closeness_rate", "intimacy_self", "intimacy_responsiveness", "intimacy_partner",
    "chemistry_sd", "perception_rs_bias", "disclosure_threshold", "power_risk",
    "skill_weight", "responsiveness_noise", "negative_valence_risk", "factual_weight",
)
#: The calibrated subset: the highest total-order Sobol indices (docs/calibration.md).
PARAMETERS: tuple[str, ...] = ("disclosure_threshold", "perception_rs_bias", "closeness_rate",
                               "intimacy_responsiveness")
#: Summary statistics: checked quantities of T1, T3, T9, T13, T14 (~0.1 s per simulation).
STATISTICS: tuple[str, ...] = (
    "T1.d_composite", "T1.composite_closeness_tasks", "T1.composite_small_talk",
    "T3.path_a", "T3.path_b", "T3.beta_emotions_minus_facts",
    "T9.r_rs_perceived_rejection", "T9.r_rs_hurt",
    "T13.dz_depth_boss_minus_friend", "T14.r_risk_depth",
)


#: The literature-based, hand-set values of the parameters the package now ships fitted. The
#: prior stays centred on them, not on a previous fit, so a re-run uses the data only once.
HAND_SET: dict[str, float] = {"disclosure_threshold": 1.6, "perception_rs_bias": 1.2,
                              "closeness_rate": 0.04, "intimacy_responsiveness": 0.5}


def prior_bounds(name: str) -> tuple[float, float]:
    """The uniform prior of one parameter: ``[centre/2, 2 x centre]`` within its range.

    The centre is the hand-set value (:data:`HAND_SET`, else the default).
    """
    spec = {s.name: s for s in param_specs()}.get(name)
    if spec is None:
        raise ValueError(f"unknown parameter {name!r}; see nabij.param_specs()")
    centre = HAND_SET.get(name, spec.default)
    if centre <= 0:
        return max(spec.low, centre - 1.0), min(spec.high, centre + 1.0)
    return max(spec.low, centre / 2), min(spec.high, 2 * centre)


@dataclass(frozen=True)
class Problem:
    """A calibration problem: which parameters, which statistics, at which sample size."""

    parameters: tuple[str, ...] = PARAMETERS
    statistics: tuple[str, ...] = STATISTICS
    scale: float = 1.0
    base: Params = field(default_factory=Params)

    def __post_init__(self) -> None:
        for s in self.statistics:
            split_quantity(s)
        for p in self.parameters:
            prior_bounds(p)

    @property
    def low(self) -> FloatArray:
        return np.array([prior_bounds(p)[0] for p in self.parameters])

    @property
    def high(self) -> FloatArray:
        return np.array([prior_bounds(p)[1] for p in self.parameters])

    def sample_prior(self, n: int, rng: RngLike) -> FloatArray:
        """``n`` draws from the uniform prior, shape ``(n, k)``."""
        gen = np.random.default_rng(as_seed_sequence(rng))
        return self.low + (self.high - self.low) * gen.random((n, len(self.parameters)))

    def params(self, theta: Sequence[float]) -> Params:
        return params_from(dict(zip(self.parameters, map(float, theta), strict=True)), self.base)

    def simulate(self, theta: Sequence[float], rng: RngLike) -> FloatArray:
        """The statistics for one parameter vector (one replication; NaN where undefined)."""
        values = evaluate(self.params(theta), self.statistics, rng, self.scale)
        return np.array([values[s] for s in self.statistics])

    def simulate_many(self, thetas: FloatArray, rng: RngLike,
                      on_done: Callable[[], None] | None = None) -> FloatArray:
        """Statistics for each row of ``thetas``; row i draws from child i of ``rng``."""
        root = as_seed_sequence(rng)
        out = np.empty((len(thetas), len(self.statistics)))
        for i, theta in enumerate(thetas):
            out[i] = self.simulate(theta, child_sequence(root, i))
            if on_done is not None:
                on_done()
        return out


def observed(problem: Problem) -> dict[str, float]:
    """The published values among the problem's statistics (quantitative checks): ``{name: value}``."""
    out = {}
    for s in problem.statistics:
        tid, q = split_quantity(s)
        check = TARGETS[tid].check(q)
        if check.kind == "quantitative" and check.paper is not None:
            out[s] = check.paper
    return out


def satisfies_directions(values: dict[str, float]) -> bool:
    """Whether every direction check among ``values`` has the paper's sign and a plausible size."""
    for name, v in values.items():
        tid, q = split_quantity(name)
        check = TARGETS[tid].check(q)
        if check.window is None:
            continue
        low, high = check.window
        if not np.isfinite(v) or np.sign(v) != check.direction or not low <= abs(v) <= high:
            return False
    return True
