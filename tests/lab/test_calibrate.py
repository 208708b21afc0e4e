"""Calibration: recovery on a tiny problem, honest coverage arithmetic, priors, data, outputs."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from nabij.lab.calibrate.problem import PARAMETERS, Problem, observed, prior_bounds, satisfies_directions
from nabij.lab.calibrate.sbc import recovery
from nabij.model import Params

TINY = Problem(parameters=("perception_rs_bias", "power_risk"),
               statistics=("T9.r_rs_perceived_rejection", "T9.r_rs_hurt", "T13.dz_depth_boss_minus_friend",
                           "T13.dz_selectivity_boss_minus_friend"), scale=0.25)


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
    assert set(rec.table().columns) >= {"coverage_50", "mc_se_50", "coverage_90", "mc_se_90", "rmse"}


def test_prior_is_a_factor_of_two_around_the_default_within_the_range() -> None:
    assert prior_bounds("closeness_rate") == (0.02, 0.08)
    assert prior_bounds("chemistry_sd") == (0.5, 2.0)
    assert prior_bounds("threat_response") == (1.0, 2.0)  # clipped at the range's top
    with pytest.raises(ValueError, match="unknown parameter"):
        prior_bounds("nope")
    for p in PARAMETERS:
        lo, hi = prior_bounds(p)
        assert lo < hi


def test_published_values_are_data_and_directions_are_constraints() -> None:
    assert observed(Problem()) == {"T1.d_composite": 0.88, "T1.composite_closeness_tasks": 4.06,
                                   "T1.composite_small_talk": 3.25}
    assert satisfies_directions({"T9.r_rs_hurt": 0.4, "T13.dz_depth_boss_minus_friend": -0.5})
    assert not satisfies_directions({"T9.r_rs_hurt": -0.4})
    assert not satisfies_directions({"T9.r_rs_hurt": 2.0})  # implausibly large
    assert not satisfies_directions({"T9.r_rs_hurt": float("nan")})


def test_simulations_are_reproducible_per_seed() -> None:
    theta = TINY.sample_prior(2, 1)
    a = TINY.simulate_many(theta, 5)
    assert np.array_equal(a, TINY.simulate_many(theta, 5))
    assert np.array_equal(a[1], TINY.simulate(theta[1], np.random.SeedSequence(5, spawn_key=(1,))))


@pytest.mark.slow
def test_recovery_on_a_tiny_problem(tmp_path: Path) -> None:
    """NPE on 2 parameters: the truth inside the intervals about as often as promised."""
    from nabij.lab.calibrate.outputs import write_outputs
    from nabij.lab.calibrate.pipeline import CalibrationConfig, calibrate

    result = calibrate(CalibrationConfig(problem=TINY, budget=160, sbc=30, draws=300, seed=3))
    rec = result.sbc
    assert rec.n == 30
    c90, _ = rec.pooled(0.9)
    c50, _ = rec.pooled(0.5)
    assert c90 >= 0.75 and 0.3 <= c50 <= 0.75
    # rejection sensitivity's perception bias is well identified by T9: far narrower than the prior
    assert rec.width90[0] < 0.6 and rec.rmse[0] < 0.25
    assert result.fitted == {}  # no published value among T9/T13: nothing to fit to
    files = write_outputs(result, tmp_path)
    assert (tmp_path / "sbc_ranks.png").exists() and files["report"].read_text().count("pooled") == 1


def test_shipped_fitted_defaults_carry_their_provenance() -> None:
    import tomllib
    from importlib import resources

    text = resources.files("nabij.lab.calibrate").joinpath("fitted.toml").read_text(encoding="utf-8")
    fitted = tomllib.loads(text)
    prov = fitted["provenance"]
    for key in ("nabij_version", "command", "seed", "budget", "data"):
        assert key in prov
    specs = {s.name: s for s in __import__("nabij").param_specs()}
    for name, value in fitted.get("shipped", {}).items():
        assert getattr(Params(), name) == pytest.approx(value)
        assert "fitted" in specs[name].why.lower()


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:Maximum number of epochs")
def test_npe_ensemble_mixes_its_members() -> None:
    """Two estimators trained on the same simulations; draws come half from each, inside the prior."""
    from nabij.lab.calibrate.backends import NPE

    problem = Problem(parameters=("perception_rs_bias", "power_risk"), statistics=TINY.statistics[:2])
    thetas = problem.sample_prior(200, 1)
    xs = thetas + np.random.default_rng(2).normal(0, 0.05, thetas.shape)
    npe = NPE.train(problem, thetas, xs, seed=4, max_epochs=15, ensemble=2)
    assert len(npe.posteriors) == 2 and npe.trained_on == 200
    draws = npe.sample(xs[0], 101, seed=5)
    assert draws.shape == (101, 2)
    assert ((draws >= problem.low) & (draws <= problem.high)).all()
    assert np.array_equal(draws, npe.sample(xs[0], 101, seed=5))
    with pytest.raises(ValueError, match="ensemble"):
        NPE.train(problem, thetas, xs, seed=4, ensemble=0)
