"""What is calibrated, against what: parameters, their prior, summary statistics, data.

* **The wall.** Calibration sees only the *calibration* targets of the frozen split
  (``lab/split.toml``, :data:`~nabij.lab.split.SPLIT`). :class:`Problem` refuses a statistic
  of any other target (:class:`SplitWallError`), and :func:`calibration_statistics` and
  :func:`observed` read only calibration targets. The validation targets are touched only
  after the fit, by the posterior predictive checks (:mod:`nabij.lab.calibrate.predictive`).
* **Summary statistics and data.** The checked quantities of the calibration targets that
  carry a published value: the published values are the observed data, and one simulated
  replication at the experiment's sample size (``scale = 1``) is the simulator, so its
  noise is the study's own sampling noise. Direction-only checks carry no number and are
  not data; they are checked after the fit, like everything else.
* **Parameters.** Every parameter in :func:`~nabij.model.param_specs` is screened by the
  sensitivity analysis (:mod:`nabij.lab.sensitivity`); the pipeline fits only those the
  data identify (:mod:`nabij.lab.calibrate.identify`). The others keep their defaults.
* **Prior.** Independent uniforms on ``[centre / 2, 2 x centre]`` clipped to the range in
  ``param_specs()``, where the centre is the literature-based hand-set value
  (:data:`HAND_SET` for parameters once shipped fitted, else the default): the sources fix
  the direction and rough size; a factor of two each way is what they leave open. A
  parameter whose centre is 0 gets ``[-1, 1]`` clipped to its range.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_seed_sequence, child_sequence
from nabij.engine.gather import run_together
from nabij.lab.evaluate import evaluate, params_from, split_quantity
from nabij.lab.split import SPLIT
from nabij.lab.targets import TARGETS
from nabij.model import Params, param_specs

FloatArray = npt.NDArray[np.float64]

__all__ = ["HAND_SET", "Problem", "SplitWallError", "all_parameters", "calibration_statistics", "observed",
           "prior_bounds"]

#: Literature-based values of parameters the package once shipped fitted. Their prior stays
#: centred here, not on a previous fit, so a re-run uses the data only once.
HAND_SET: dict[str, float] = {"disclosure_threshold": 1.6, "perception_rs_bias": 1.2,
                              "closeness_rate": 0.04, "intimacy_responsiveness": 0.5}


class SplitWallError(ValueError):
    """Calibration asked for a target outside the calibration group of ``lab/split.toml``."""


def _calibration_target(name: str) -> str:
    """The target id of a quantity name, refused unless it is a calibration target."""
    tid = name.partition(".")[0]
    if tid not in SPLIT.calibration:
        raise SplitWallError(
            f"calibration may read only the calibration targets of lab/split.toml "
            f"({', '.join(SPLIT.calibration)}); {name!r} belongs to {tid}, which it must not see")
    return tid


def all_parameters() -> tuple[str, ...]:
    """Every global parameter of the model, in ``param_specs()`` order (the screening set)."""
    return tuple(s.name for s in param_specs())


def calibration_statistics() -> tuple[str, ...]:
    """Checked quantities of the calibration targets that carry a published value."""
    out = []
    for tid in SPLIT.calibration:
        for check in TARGETS[tid].checks:
            if getattr(check, "paper", None) is not None:
                out.append(f"{tid}.{check.quantity}")
    return tuple(out)


#: How far either way of its literature-based centre a parameter's prior reaches (a factor).
#: Three, not two: after issue 12 gave the listener intimacy too, the T1 posterior of
#: ``closeness_rate`` sat against the lower end of a factor-two prior around the hand-set 0.04,
#: i.e. the prior, not the data, was deciding. The rule is the same for every parameter.
PRIOR_FACTOR = 3.0


def prior_bounds(name: str) -> tuple[float, float]:
    """The uniform prior of one parameter: ``[centre / PRIOR_FACTOR, PRIOR_FACTOR x centre]``
    within its range."""
    spec = {s.name: s for s in param_specs()}.get(name)
    if spec is None:
        raise ValueError(f"unknown parameter {name!r}; see nabij.param_specs()")
    centre = HAND_SET.get(name, spec.default)
    if centre == 0:
        return max(spec.low, -1.0), min(spec.high, 1.0)
    lo, hi = sorted((centre / PRIOR_FACTOR, PRIOR_FACTOR * centre))
    return max(spec.low, lo), min(spec.high, hi)


@dataclass(frozen=True)
class Problem:
    """A calibration problem: which parameters, which statistics, at which sample size.

    Statistics default to :func:`calibration_statistics`; any statistic of a target outside
    the calibration group raises :class:`SplitWallError`.
    """

    parameters: tuple[str, ...] = ()
    statistics: tuple[str, ...] = field(default_factory=calibration_statistics)
    scale: float = 1.0
    base: Params = field(default_factory=Params)

    def __post_init__(self) -> None:
        if not self.statistics:
            raise ValueError("calibration: no statistics; the calibration targets carry no published value")
        for s in self.statistics:
            _calibration_target(s)
            split_quantity(s)
        for p in self.parameters:
            prior_bounds(p)

    @property
    def low(self) -> FloatArray:
        return np.array([prior_bounds(p)[0] for p in self.parameters])

    @property
    def high(self) -> FloatArray:
        return np.array([prior_bounds(p)[1] for p in self.parameters])

    def with_parameters(self, parameters: Sequence[str]) -> Problem:
        """The same problem over other parameters."""
        return Problem(tuple(parameters), self.statistics, self.scale, self.base)

    def sample_prior(self, n: int, rng: RngLike) -> FloatArray:
        """``n`` draws from the uniform prior, shape ``(n, k)``."""
        gen = np.random.default_rng(as_seed_sequence(rng))
        return self.low + (self.high - self.low) * gen.random((n, len(self.parameters)))

    def params(self, theta: Sequence[float]) -> Params:
        return params_from(dict(zip(self.parameters, map(float, theta), strict=True)), self.base)

    def simulate(self, theta: Sequence[float], rng: RngLike) -> FloatArray:
        """The statistics for one parameter vector (one replication; NaN where undefined).

        A parameter set the model refuses (a cross-parameter constraint) gives all NaN.
        """
        try:
            params = self.params(theta)
        except ValueError:
            return np.full(len(self.statistics), np.nan)
        values = evaluate(params, self.statistics, rng, self.scale)
        return np.array([values[s] for s in self.statistics])

    def simulate_many(self, thetas: FloatArray, rng: RngLike,
                      on_done: Callable[[], None] | None = None) -> FloatArray:
        """Statistics for each row of ``thetas``; row i draws from child i of ``rng``.

        The rows' simulations run together (:func:`~nabij.engine.gather.run_together`):
        the same numbers as one row at a time.
        """
        root = as_seed_sequence(rng)

        def one(i: int) -> FloatArray:
            values = self.simulate(thetas[i], child_sequence(root, i))
            if on_done is not None:
                on_done()
            return values

        rows = run_together([functools.partial(one, i) for i in range(len(thetas))])
        return np.array(rows, dtype=np.float64).reshape(len(thetas), len(self.statistics))


def observed(problem: Problem) -> FloatArray:
    """The published values of the problem's statistics, in order (the data the fit sees)."""
    values = []
    for s in problem.statistics:
        tid = _calibration_target(s)
        paper = getattr(TARGETS[tid].check(split_quantity(s)[1]), "paper", None)
        if paper is None:
            raise ValueError(f"{s}: no published value; only checks with one are calibration data")
        values.append(float(paper))
    return np.array(values)
