"""The model computes what it computed when the golden file was written (to 1e-12).

``scripts/make_golden.py`` froze the outputs of a fixed set of designs - whole simulations
by both kernels, every vectorized rule on random inputs, and the direct disclosure query.
A change that must not alter the model (a refactoring, a faster kernel) keeps this test
green; a deliberate change of a rule regenerates the file and says why in its commit.
"""

from __future__ import annotations

import numpy as np
import pytest
from scripts.make_golden import GOLDEN, rules, simulated

TOLERANCE = 1e-12


@pytest.fixture(scope="module")
def golden() -> dict[str, np.ndarray]:
    with np.load(GOLDEN) as data:
        return {k: data[k] for k in data.files}


def _compare(golden: dict[str, np.ndarray], got: dict[str, np.ndarray], prefix: str) -> None:
    expected = {k: v for k, v in golden.items() if k.startswith(prefix)}
    assert expected, f"the golden file has no {prefix!r} entries"
    assert set(got) == set(expected), sorted(set(got) ^ set(expected))
    for key, value in expected.items():
        assert got[key].shape == value.shape, key
        np.testing.assert_allclose(got[key], value, rtol=0, atol=TOLERANCE, err_msg=key)


@pytest.mark.parametrize("kernel", ["fused", "reference"])
def test_simulations_match_golden(golden, kernel):
    got = simulated(kernel)
    if kernel == "reference":
        got = {k.replace("sim/", "ref/", 1): v for k, v in got.items()}
    _compare(golden, got, "sim/" if kernel == "fused" else "ref/")


def test_rules_match_golden(golden):
    _compare(golden, rules(), "rule/")
