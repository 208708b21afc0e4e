"""Every target has an experiment that runs, reports every checked quantity, and is reproducible."""

import math

import numpy as np
import pytest

from nabij.lab.experiments import EXPERIMENTS
from nabij.lab.targets import TARGETS, load_targets
from nabij.model import Params

SMALL = 0.25  # a quarter of each design's sample: smoke-test size


def test_targets_are_data_for_all_fifteen_findings_and_three_real_data_sets():
    assert list(TARGETS) == [f"T{i}" for i in range(1, 16)] + ["V1", "V2", "V3"]
    for t in TARGETS.values():
        assert t.source and t.finding and t.design and t.checks


def test_one_experiment_per_target():
    assert set(EXPERIMENTS) == set(TARGETS)
    for tid, e in EXPERIMENTS.items():
        assert e.target_id == tid and e.design and e.mechanism


@pytest.mark.parametrize("tid", list(TARGETS))
def test_experiment_smoke_reports_every_check_and_is_reproducible(tid):
    e = EXPERIMENTS[tid]
    first = e.run(np.random.SeedSequence(5), Params(), SMALL)
    again = e.run(np.random.SeedSequence(5), Params(), SMALL)
    for check in TARGETS[tid].checks:
        assert check.quantity in first.measures, f"{tid} does not report {check.quantity}"
        assert math.isfinite(first.measures[check.quantity])
    assert first.measures == again.measures


def test_experiments_use_the_parameters_they_are_given():
    """No experiment carries its own parameters: changing a global one changes the result."""
    base = EXPERIMENTS["T8"].run(np.random.SeedSequence(1), Params(), SMALL)
    numb = EXPERIMENTS["T8"].run(np.random.SeedSequence(1), Params().with_(sociometer_rate=0.0), SMALL)
    assert base.measures != numb.measures


def test_targets_toml_errors_are_clear():
    bad = """
[[target]]
id = "T0"
source = "x"
finding = "x"
design = "x"
  [[target.check]]
  quantity = "d"
  description = "x"
  metric = "d"
  direction = 1
  paper = 3.0
  paper_ci = [0.5, 1.3]
"""
    with pytest.raises(ValueError, match="contain"):
        load_targets(bad)


def test_every_experiment_declares_its_sample():
    """The runner scales each experiment to the paper's N, so each says what it samples."""
    for tid, e in EXPERIMENTS.items():
        assert e.sample > 0 and e.unit, f"{tid}: Experiment(sample=..., unit=...) missing"
        assert e.scale_for(2 * e.sample) == 2.0
