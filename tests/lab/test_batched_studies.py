"""Sweeps, calibration and replications batch their studies' simulations (nabij.engine.gather);
each point, prior draw and study must come out exactly as when run on its own."""

from __future__ import annotations

import numpy as np

from nabij._rng import as_seed_sequence, child_sequence, spawn
from nabij.lab.calibrate.predictive import predictive_checks
from nabij.lab.calibrate.problem import Problem
from nabij.lab.evaluate import evaluate, params_from
from nabij.lab.experiments import EXPERIMENTS
from nabij.lab.runner import run_target
from nabij.lab.sweep import parse_grid, run_chunk
from nabij.lab.targets import TARGETS
from nabij.lab.verdict import estimate
from nabij.model import Params

GRID = """
seed = 11
quantities = ["T1.d_composite", "T9.r_rs_hurt", "T4.d_liking_after_disclosing", "T2.d_liking_1"]
scale = 0.2
chunk_size = 5

[grid]
closeness_rate = [0.02, 0.05]
perception_rs_bias = [0.6, 1.2, 2.4]
"""


def test_a_sweep_chunk_gives_each_point_what_it_gives_alone() -> None:
    spec = parse_grid(GRID)
    frame = run_chunk(spec, 0).set_index("point")
    root = as_seed_sequence(spec.seed)
    assert list(frame.index) == list(spec.chunk(0))
    for i in spec.chunk(0):
        values = {str(k): float(v) for k, v in spec.points.iloc[i].items()}
        alone = evaluate(params_from(values), spec.quantities, child_sequence(root, i), spec.scale)
        for name, value in alone.items():
            np.testing.assert_equal(frame.loc[i, name], value, err_msg=f"point {i}, {name}")


def test_a_calibration_batch_gives_each_prior_draw_what_it_gives_alone() -> None:
    problem = Problem(parameters=("closeness_rate", "chemistry_sd", "perception_rs_bias"), scale=0.3)
    thetas = problem.sample_prior(6, 3)
    together = problem.simulate_many(thetas, 5)
    root = as_seed_sequence(5)
    alone = np.array([problem.simulate(theta, child_sequence(root, i)) for i, theta in enumerate(thetas)])
    np.testing.assert_array_equal(together, alone)


def test_predictive_draws_give_what_they_give_alone() -> None:
    draws = np.array([[0.02], [0.045]])
    table = predictive_checks(draws, ["closeness_rate"], ["T1"], 9)
    alone = [evaluate(Params().with_(closeness_rate=float(d[0])), [f"T1.{q}" for q in table["quantity"]],
                      child_sequence(as_seed_sequence(9), i)) for i, d in enumerate(draws)]
    for row in table.itertuples(index=False):
        values = np.array([a[f"T1.{row.quantity}"] for a in alone])
        np.testing.assert_equal(row.median, float(np.quantile(values, 0.5)))


def test_a_replication_set_gives_each_study_what_it_gives_alone() -> None:
    result = run_target("T1", 4, rng=21, scale=0.05)
    experiment, target = EXPERIMENTS["T1"], TARGETS["T1"]
    study_scale = 0.05 * experiment.scale_for(target.paper_n) if target.paper_n else 0.05
    seed = child_sequence(as_seed_sequence(21), list(TARGETS).index("T1"))
    studies = [experiment.run(s, Params(), study_scale) for s in spawn(seed, 4)]
    for check in result.checks:
        alone = estimate([s.measures[check.check.quantity] for s in studies], result.study_n)
        assert check.estimate == alone, check.check.quantity
