"""The fast path's contract: the same numbers for any thread count, batching and packing."""

from __future__ import annotations

import numpy as np
import pytest

import nabij as nb
from nabij.engine.kernel import SUB

ALL = nb.Recorder(per_turn=tuple(nb.TURN_REPORTERS), final=tuple(nb.FINAL_REPORTERS))
FINAL = nb.Recorder(per_turn=(), final=tuple(nb.FINAL_REPORTERS))
#: Two full blocks and a partly filled third, whose last sub-tile is partly filled too.
N_LARGE = 2 * nb.BLOCK_SIZE + SUB + 5


def assert_identical(a: nb.SimulationResult, b: nb.SimulationResult) -> None:
    assert a.per_turn.keys() == b.per_turn.keys() and a.final.keys() == b.final.keys()
    for name in a.per_turn:
        assert np.array_equal(a.per_turn[name], b.per_turn[name]), name
    for name in a.final:
        assert np.array_equal(a.final[name], b.final[name]), name


def _people(n: int) -> nb.Population:
    return nb.sample_population(2 * n, rng=21)


@pytest.mark.parametrize("record", [ALL, FINAL], ids=["per-turn", "final-only"])
def test_any_thread_count_gives_the_same_numbers(record: nb.Recorder) -> None:
    people, pairs = _people(N_LARGE), nb.fixed_pairs(2 * N_LARGE)
    protocol = nb.get_protocol("graded_exposure")  # days pass between sessions
    one = nb.simulate(people, pairs, protocol, rng=4, record=record, threads=1)
    for threads in (2, 3):
        assert_identical(one, nb.simulate(people, pairs, protocol, rng=4, record=record,
                                          threads=threads))


@pytest.mark.parametrize("n", [SUB + 1, 5 * SUB - 3, 20 * SUB + 5])
def test_a_small_run_split_between_threads_gives_the_same_numbers(n: int) -> None:
    """One tile's sub-tiles shared by 2 or 3 threads; many small runs packed into smaller tiles."""
    people, pairs = _people(n), nb.fixed_pairs(2 * n)
    protocol = nb.get_protocol("graded_exposure")
    one = nb.simulate(people, pairs, protocol, rng=8, record=ALL, threads=1)
    sets = [nb.Params(closeness_rate=r) for r in (0.02, 0.03, 0.05)]
    many = nb.simulate_many(people, pairs, protocol, sets, rng=[8, 9, 10], record=ALL, threads=1)
    for threads in (2, 3):
        assert_identical(one, nb.simulate(people, pairs, protocol, rng=8, record=ALL, threads=threads))
        again = nb.simulate_many(people, pairs, protocol, sets, rng=[8, 9, 10], record=ALL, threads=threads)
        for a, b in zip(many, again, strict=True):
            assert_identical(a, b)


@pytest.mark.parametrize("n", [37, SUB, 150, nb.BLOCK_SIZE + 7])
def test_batched_parameter_sets_equal_one_call_per_set(n: int) -> None:
    people, pairs = _people(n), nb.fixed_pairs(2 * n)
    protocol = nb.thirty_six_questions(1)
    sets = [nb.Params(closeness_rate=r) for r in (0.02, 0.05, 0.08)]
    seeds = [1, 2, 3]
    batched = nb.simulate_many(people, pairs, protocol, sets, rng=seeds, record=ALL, threads=2)
    for prm, seed, got in zip(sets, seeds, batched, strict=True):
        assert_identical(nb.simulate(people, pairs, protocol, params=prm, rng=seed, record=ALL), got)
        assert got.params == prm.validate()


def test_one_seed_for_every_set_and_sets_that_differ_give_different_results() -> None:
    people, pairs = _people(100), nb.fixed_pairs(200)
    sets = [nb.Params(closeness_rate=0.02), nb.Params(closeness_rate=0.08)]
    low, high = nb.simulate_many(people, pairs, nb.thirty_six_questions(2), sets, rng=5, record=FINAL)
    assert_identical(low, nb.simulate(people, pairs, nb.thirty_six_questions(2), params=sets[0],
                                      rng=5, record=FINAL))
    assert high.final["closeness"].mean() > low.final["closeness"].mean()  # faster closeness growth


def test_a_small_run_agrees_with_the_reference_kernel() -> None:
    """Only the filled sub-tiles are computed; the padding never leaks into a dyad."""
    people, pairs = _people(SUB + 3), nb.fixed_pairs(2 * (SUB + 3))
    fused = nb.simulate(people, pairs, "36_questions", rng=2, record=ALL)
    ref = nb.simulate(people, pairs, "36_questions", rng=2, record=ALL, kernel="reference")
    for name in ref.final:
        np.testing.assert_allclose(fused.final[name].astype(float), ref.final[name].astype(float),
                                   rtol=1e-9, atol=1e-11, err_msg=name)


def test_bad_batch_arguments_are_clear_errors() -> None:
    people, pairs = _people(10), nb.fixed_pairs(20)
    with pytest.raises(ValueError, match="one seed or 2"):
        nb.simulate_many(people, pairs, "36_questions", [nb.Params(), nb.Params()], rng=[1, 2, 3])
    with pytest.raises(TypeError, match=r"sequence of nabij\.Params"):
        nb.simulate_many(people, pairs, "36_questions", nb.Params())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="threads"):
        nb.simulate(people, pairs, "36_questions", threads=0)
