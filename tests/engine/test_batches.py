"""Batched runs (engine/batches.py) give the numbers of one call, however they are cut."""

from __future__ import annotations

import numpy as np
import pytest

import nabij as nb
from nabij.engine.batches import RunningSummary, simulate_in_batches

PROTOCOL = nb.thirty_six_questions(1)
RECORD = nb.Recorder(per_turn=("depth", "intimacy"), final=("ios", "trust", "left"))
N = 2 * nb.BLOCK_SIZE + 100  # three blocks, the last one partly filled


def _one_call() -> nb.SimulationResult:
    people = nb.sample_population(2 * N, rng=5)
    return nb.simulate(people, nb.fixed_pairs(2 * N), PROTOCOL, rng=11, record=RECORD)


def test_parts_equal_one_call_bit_for_bit() -> None:
    whole = _one_call()
    parts = list(simulate_in_batches(N, PROTOCOL, people_rng=5, rng=11, record=RECORD,
                                     part_dyads=nb.BLOCK_SIZE))
    assert [first for first, _ in parts] == [0, nb.BLOCK_SIZE, 2 * nb.BLOCK_SIZE]
    for name in RECORD.final:
        joined = np.concatenate([r.final[name] for _, r in parts], axis=-1)
        assert np.array_equal(joined, whole.final[name]), name
    for name in RECORD.per_turn:
        joined = np.concatenate([r.per_turn[name] for _, r in parts], axis=-1)
        assert np.array_equal(joined, whole.per_turn[name]), name


def test_running_summary_matches_summary_of_the_whole_run() -> None:
    whole = _one_call()
    running = RunningSummary()
    for _, result in simulate_in_batches(N, PROTOCOL, people_rng=5, rng=11, record=RECORD,
                                         part_dyads=nb.BLOCK_SIZE):
        running.add(result)
    expected = whole.summary().set_index("outcome")
    got = running.frame().set_index("outcome")
    assert list(got.index) == list(expected.index)
    np.testing.assert_allclose(got.to_numpy(), expected.to_numpy(), rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("part", [0, 1000, 3 * nb.BLOCK_SIZE])
def test_part_size_must_be_block_aligned_and_divide_the_batch(part: int) -> None:
    with pytest.raises(ValueError, match="part_dyads"):
        next(simulate_in_batches(10, PROTOCOL, people_rng=1, rng=1, part_dyads=part))
