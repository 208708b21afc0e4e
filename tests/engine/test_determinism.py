"""Reproducibility: seeds, replays, batch-split and chunking invariance (mesa's contract tests)."""

from __future__ import annotations

import importlib

import numpy as np
import pytest

import nabij as nb

ALL = nb.Recorder(per_turn=tuple(nb.TURN_REPORTERS), final=tuple(nb.FINAL_REPORTERS))


def _run(rng, n_people=200, protocol=None, **kw):
    people = nb.sample_population(n_people, rng=99)
    return nb.simulate(people, nb.fixed_pairs(n_people), protocol or nb.thirty_six_questions(2),
                       rng=rng, record=ALL, **kw)


def assert_identical(a: nb.SimulationResult, b: nb.SimulationResult) -> None:
    assert a.per_turn.keys() == b.per_turn.keys()
    assert a.final.keys() == b.final.keys()
    for name in a.per_turn:
        assert np.array_equal(a.per_turn[name], b.per_turn[name]), name
    for name in a.final:
        assert np.array_equal(a.final[name], b.final[name]), name


def test_determinism_same_seed_bit_identical():
    assert_identical(_run(7), _run(7))


def test_determinism_int_seedsequence_and_generator_agree():
    base = _run(7)
    assert_identical(base, _run(np.random.SeedSequence(7)))
    assert_identical(base, _run(np.random.default_rng(7)))


def test_determinism_different_seeds_differ():
    a, b = _run(7), _run(8)
    assert not np.array_equal(a.per_turn["perceived_responsiveness"], b.per_turn["perceived_responsiveness"])
    assert not np.array_equal(a.final["closeness"], b.final["closeness"])


def test_determinism_rng_state_replays_the_run():
    first = _run(None)  # fresh entropy: only the recorded state can bring it back
    state = first.rng_state
    seq = np.random.SeedSequence(state["entropy"], spawn_key=tuple(state["spawn_key"]),
                                 pool_size=state["pool_size"])
    assert_identical(first, _run(seq, block_offset=state["block_offset"]))
    assert state["block_size"] == nb.BLOCK_SIZE


def test_determinism_spawned_seed_is_replayable():
    child = nb.spawn(3, 2)[1]
    a = _run(child)
    state = a.rng_state
    seq = np.random.SeedSequence(state["entropy"], spawn_key=tuple(state["spawn_key"]))
    assert_identical(a, _run(seq))


N_SPLIT = 2 * nb.BLOCK_SIZE + 123
SPLIT_PROTOCOL = nb.small_talk(questions=3)
SPLIT_RECORD = nb.Recorder(per_turn=("depth", "perceived_responsiveness", "closeness"),
                           final=tuple(nb.FINAL_REPORTERS))


@pytest.fixture(scope="module")
def split_setup():
    people = nb.sample_population(2 * N_SPLIT, rng=5)
    pairs = nb.fixed_pairs(2 * N_SPLIT)
    power = np.linspace(-0.5, 0.8, N_SPLIT)  # a per-dyad context must split along with the dyads
    whole = nb.simulate(people, pairs, SPLIT_PROTOCOL, context=nb.Context(power=power), rng=42,
                        record=SPLIT_RECORD)
    return people, pairs, power, whole


def _concat(parts, key, name):
    return np.concatenate([getattr(p, key)[name] for p in parts], axis=-1)


@pytest.mark.parametrize("kernel", ["fused", "reference"])
@pytest.mark.parametrize("split_blocks", [1, 2])
def test_batch_split_invariance_block_aligned_halves(split_setup, split_blocks, kernel):
    people, pairs, power, whole = split_setup
    if kernel == "reference":
        whole = nb.simulate(people, pairs, SPLIT_PROTOCOL, context=nb.Context(power=power), rng=42,
                            record=SPLIT_RECORD, kernel=kernel)
    split = split_blocks * nb.BLOCK_SIZE
    first = nb.simulate(people, pairs.persons[:split], SPLIT_PROTOCOL,
                        context=nb.Context(power=power[:split]), rng=42, record=SPLIT_RECORD,
                        kernel=kernel)
    second = nb.simulate(people, pairs.persons[split:], SPLIT_PROTOCOL,
                         context=nb.Context(power=power[split:]), rng=42, record=SPLIT_RECORD,
                         block_offset=split // nb.BLOCK_SIZE, kernel=kernel)
    for name in whole.per_turn:
        assert np.array_equal(whole.per_turn[name], _concat([first, second], "per_turn", name)), name
    for name in whole.final:
        assert np.array_equal(whole.final[name], _concat([first, second], "final", name)), name


def test_batch_split_without_block_offset_is_not_the_same_run(split_setup):
    """Guards the test above: the offset is what makes the halves line up."""
    people, pairs, power, whole = split_setup
    split = nb.BLOCK_SIZE
    second = nb.simulate(people, pairs.persons[split:], SPLIT_PROTOCOL,
                         context=nb.Context(power=power[split:]), rng=42, record=SPLIT_RECORD)
    assert not np.array_equal(whole.final["closeness"][:, split:], second.final["closeness"])


def test_result_independent_of_engine_chunking(split_setup, monkeypatch):
    """The reference kernel's chunk size is free (the fused kernel always steps one block)."""
    people, pairs, power, _ = split_setup
    run = dict(context=nb.Context(power=power), rng=42, record=SPLIT_RECORD, kernel="reference")
    whole = nb.simulate(people, pairs, SPLIT_PROTOCOL, **run)
    engine = importlib.import_module("nabij.engine.simulate")
    monkeypatch.setattr(engine, "CHUNK_DYADS", nb.BLOCK_SIZE)
    chunked = nb.simulate(people, pairs, SPLIT_PROTOCOL, **run)
    assert_identical(whole, chunked)
