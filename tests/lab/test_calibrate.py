"""Calibration: the split wall, honest coverage arithmetic, priors, identification, one estimator."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import nabij.lab.experiments as experiments_module
import nabij.lab.targets as targets_module
from nabij.lab.calibrate.identify import Identification, contraction
from nabij.lab.calibrate.problem import (
    PRIOR_FACTOR,
    Problem,
    SplitWallError,
    all_parameters,
    calibration_statistics,
    observed,
    prior_bounds,
)
from nabij.lab.calibrate.sbc import recovery
from nabij.lab.split import SPLIT
from nabij.model import Params, param_specs

TWO = ("closeness_rate", "disclosure_threshold")


class _Forbidden:
    """Stands in for a validation target or experiment: any use of it fails the test."""

    def __init__(self, tid: str) -> None:
        self._tid = tid

    def __getattr__(self, name: str) -> None:
        raise AssertionError(f"calibration read validation target {self._tid} ({name})")


@pytest.fixture
def wall(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every validation target and experiment replaced by one that fails when read."""
    for tid in SPLIT.validation:
        if tid in targets_module.TARGETS:
            monkeypatch.setitem(targets_module.TARGETS, tid, _Forbidden(tid))
        if tid in experiments_module.EXPERIMENTS:
            monkeypatch.setitem(experiments_module.EXPERIMENTS, tid, _Forbidden(tid))


def test_the_data_are_published_values_of_calibration_targets_only() -> None:
    stats = calibration_statistics()
    assert stats, "the calibration targets must carry at least one published value"
    assert {s.partition(".")[0] for s in stats} <= set(SPLIT.calibration)
    problem = Problem()
    assert problem.statistics == stats
    values = observed(problem)
    assert values.shape == (len(stats),) and np.isfinite(values).all()


@pytest.mark.parametrize("tid", SPLIT.validation)
def test_a_validation_target_cannot_be_a_statistic(tid: str) -> None:
    quantity = targets_module.TARGETS[tid].checks[0].quantity if tid in targets_module.TARGETS else "x"
    with pytest.raises(SplitWallError, match="only the calibration targets"):
        Problem(parameters=TWO, statistics=(f"{tid}.{quantity}",))


def test_the_fitting_stages_never_read_a_validation_target(wall: None) -> None:
    problem = Problem(parameters=TWO, scale=0.25)
    data = observed(problem)
    sims = problem.simulate_many(problem.sample_prior(2, 1), 2)
    assert sims.shape == (2, len(data))


def test_prior_is_a_factor_around_the_hand_set_value_within_the_range() -> None:
    lo, hi = prior_bounds("closeness_rate")  # hand-set 0.04, fitted since
    assert lo == pytest.approx(0.04 / PRIOR_FACTOR) and hi == pytest.approx(0.04 * PRIOR_FACTOR)
    lo, hi = prior_bounds("chemistry_sd")  # default 1.0
    assert lo == pytest.approx(1 / PRIOR_FACTOR) and hi == pytest.approx(PRIOR_FACTOR)
    with pytest.raises(ValueError, match="unknown parameter"):
        prior_bounds("nope")


def test_every_parameter_is_screened_with_a_proper_prior_inside_its_range() -> None:
    specs = {s.name: s for s in param_specs()}
    assert all_parameters() == tuple(specs)
    for name in all_parameters():
        lo, hi = prior_bounds(name)
        assert specs[name].low <= lo < hi <= specs[name].high, name


def test_a_parameter_set_the_model_refuses_gives_nan_not_a_crash() -> None:
    problem = Problem(parameters=("closeness_rate",), scale=0.25)
    assert np.isnan(problem.simulate([-5.0], 1)).all()


def test_coverage_of_an_exact_posterior_is_nominal() -> None:
    """Normal-normal model with its exact posterior: the SBC arithmetic must give ~50% and ~90%."""
    rng = np.random.default_rng(0)
    truths = rng.normal(0, 1, (2000, 1))
    data = truths + rng.normal(0, 0.5, truths.shape)
    post_mean, post_sd = data / 1.25, np.sqrt(0.2)
    posts = [m + post_sd * rng.standard_normal((400, 1)) for m in post_mean]
    rec = recovery(["x"], truths, posts, np.array([-3.0]), np.array([3.0]))
    c50, se50 = rec.pooled(0.5)
    c90, se90 = rec.pooled(0.9)
    assert abs(c50 - 0.5) < 3 * se50 + 0.01 and abs(c90 - 0.9) < 3 * se90 + 0.01
    assert 0.009 < se50 < 0.013  # sqrt(0.25 / 2000)


def test_contraction_is_zero_for_the_prior_and_near_one_for_a_point() -> None:
    rng = np.random.default_rng(1)
    low, high = np.array([0.0, 0.0]), np.array([1.0, 1.0])
    prior_draws = rng.random((20_000, 2))
    assert np.allclose(contraction(prior_draws, low, high), 0.0, atol=0.03)
    narrow = np.column_stack([0.5 + 0.01 * rng.standard_normal(5000), rng.random(5000)])
    ident = Identification(("a", "b"), low, high, narrow, 100)
    assert ident.identified() == ("a",)
    assert list(ident.table()["identified"]) == [True, False]


def test_simulations_are_reproducible_per_seed() -> None:
    problem = Problem(parameters=TWO, scale=0.25)
    theta = problem.sample_prior(2, 1)
    a = problem.simulate_many(theta, 5)
    assert np.array_equal(a, problem.simulate_many(theta, 5))
    assert np.array_equal(a[1], problem.simulate(theta[1], np.random.SeedSequence(5, spawn_key=(1,))))


@pytest.mark.slow
def test_the_whole_fit_runs_behind_the_wall_and_its_sbc_is_of_the_shipped_estimator(wall: None) -> None:
    """Fit, SBC and medians from one estimator, with every validation target unreadable."""
    from nabij.lab.calibrate.pipeline import CalibrationConfig, calibrate

    config = CalibrationConfig(problem=Problem(scale=0.25), candidates=TWO, identify_budget=0, budget=160,
                               sbc=30, draws=300, predictive=0, seed=3)
    result = calibrate(config)
    assert result.problem.parameters == TWO and result.sbc is not None and result.sbc.n == 30
    c90, _ = result.sbc.pooled(0.9)
    assert c90 >= 0.7
    for p in TWO:
        lo, hi = result.intervals[p]
        assert prior_bounds(p)[0] <= lo <= result.fitted[p] <= hi <= prior_bounds(p)[1]
        assert result.fitted[p] == pytest.approx(float(result.posterior[p].median()))
    with pytest.raises(AssertionError, match="validation target"):  # the predictive stage is the only reader
        calibrate(CalibrationConfig(problem=Problem(scale=0.25), candidates=TWO, identify_budget=0, budget=60,
                                    sbc=10, draws=50, predictive=1, predictive_groups=("validation",)))


@pytest.mark.slow
def test_screening_identification_and_outputs_end_to_end(tmp_path: Path) -> None:
    import tomllib

    from nabij.lab.calibrate.outputs import write_outputs
    from nabij.lab.calibrate.pipeline import CalibrationConfig, calibrate

    config = CalibrationConfig(problem=Problem(scale=0.25), sobol_n=2, k=3, identify_budget=120,
                               threshold=0.0, budget=120, sbc=10, draws=200, predictive=2,
                               predictive_groups=("calibration",))
    result = calibrate(config)
    assert result.sobol is not None and set(result.sobol.table["parameter"]) <= set(all_parameters())
    assert result.sobol.evaluations == 2 * (len(all_parameters()) + 2)
    assert result.identification is not None and len(result.identification.parameters) == 3
    assert set(result.fitted) == set(result.identification.identified())  # threshold 0: all of them
    assert set(result.predictive["group"]) == {"calibration"}
    files = write_outputs(result, tmp_path)
    shipped = tomllib.loads(files["fitted"].read_text())
    assert set(shipped["fitted"]) == set(result.fitted) and set(shipped["interval"]) == set(result.fitted)
    assert "contraction" in shipped and "sbc" in shipped
    assert "Identification" in files["report"].read_text()


def test_shipped_fitted_defaults_are_the_posterior_medians_with_intervals() -> None:
    import tomllib
    from importlib import resources

    text = resources.files("nabij.lab.calibrate").joinpath("fitted.toml").read_text(encoding="utf-8")
    fitted = tomllib.loads(text)
    for key in ("nabij_version", "command", "seed", "budget", "data"):
        assert key in fitted["provenance"]
    specs = {s.name: s for s in param_specs()}
    shipped = fitted.get("shipped", fitted.get("fitted", {}))
    for name, value in shipped.items():
        assert getattr(Params(), name) == pytest.approx(value, rel=5e-3)
        assert "fitted" in specs[name].why.lower()
        if "interval" in fitted:
            lo, hi = fitted["interval"][name]
            assert lo <= fitted["fitted"][name] <= hi
