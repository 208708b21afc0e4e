"""The fused kernel computes the reference model: the same numbers to float rounding."""

from __future__ import annotations

import math

import numpy as np
import pytest

import nabij as nb
from nabij.engine.fused import TILE, sigmoid

ALL = nb.Recorder(per_turn=tuple(nb.TURN_REPORTERS), final=tuple(nb.FINAL_REPORTERS))
N_PEOPLE = 2 * (TILE + 300)  # a full tile and a padded one

CASES = {
    "36 questions": (nb.thirty_six_questions(4), nb.Context(), nb.Params()),
    "self-paced, repeated over days": (nb.repeat(nb.free_conversation(10), 3, gap_days=2.0),
                                       nb.Context(relationship="friends"), nb.Params()),
    "boss, audience, load, display": (
        nb.extended_turns(6),
        nb.Context(relationship="boss_employee", audience=np.linspace(1, 30, N_PEOPLE // 2),
                   identifiability=0.7, display_norm=0.2, cognitive_load=0.4),
        nb.Params()),
    "hurtful partners who leave and flood": (
        nb.thirty_six_questions(6), nb.Context(),
        nb.Params(responsiveness_base=-2.5, leave_regard=0.45, leave_hurt=0.2, flood_threshold=0.2,
                  suppression_rate=0.9, hurt_gain=4.0)),
    "scripted reactions: cold and personal, then by lottery": (
        nb.make_protocol("scripted", [0, 1, 0, 1, 0], [0.5, 0.3, 0.7, 0.3, 0.6],
                         feedback=[0.1, np.nan, 0.9, np.nan, 0.2],
                         relevance=[1.0, np.nan, np.nan, 0.5, 0.05]),
        nb.Context(relationship="romantic"), nb.Params()),
}


@pytest.fixture(scope="module")
def people():
    return nb.sample_population(N_PEOPLE, rng=11)


@pytest.mark.parametrize("case", list(CASES))
def test_fused_equals_reference(people, case):
    protocol, context, params = CASES[case]
    pairs = nb.fixed_pairs(N_PEOPLE)
    runs = [nb.simulate(people, pairs, protocol, context=context, params=params, rng=3, record=ALL,
                        kernel=kernel) for kernel in ("fused", "reference")]
    fused, ref = runs
    for key in ("per_turn", "final"):
        for name, expected in getattr(ref, key).items():
            got = getattr(fused, key)[name]
            assert got.dtype == expected.dtype and got.shape == expected.shape, name
            if expected.dtype == bool:
                assert np.array_equal(got, expected), name
            else:
                np.testing.assert_allclose(got, expected, rtol=0, atol=1e-11, err_msg=name)
    if case.startswith("hurtful"):  # the branches that matter here were taken
        assert ref.final["left"].any() and ref.per_turn["flooded"].any()


def test_fused_is_bit_identical_per_seed(people):
    pairs = nb.fixed_pairs(N_PEOPLE)
    a, b = (nb.simulate(people, pairs, nb.thirty_six_questions(2), rng=5, record=ALL)
            for _ in range(2))
    for name in a.final:
        assert np.array_equal(a.final[name], b.final[name]), name


def test_unknown_kernel_is_a_clear_error(people):
    with pytest.raises(ValueError, match="kernel"):
        nb.simulate(people, nb.fixed_pairs(4), nb.small_talk(1), kernel="gpu")  # type: ignore[arg-type]


@pytest.mark.parametrize("x", [-1e6, -40.0, -7.3, -0.5, 0.0, 1e-9, 0.3, 2.0, 11.0, 39.9, 40.0, 1e6])
def test_vectorizable_sigmoid_matches_tanh_form(x):
    assert sigmoid(x) == pytest.approx(0.5 * (1.0 + math.tanh(0.5 * x)), rel=1e-13, abs=1e-16)
