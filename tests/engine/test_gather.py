"""run_together: studies whose simulations run as one batch return what they return alone."""

from __future__ import annotations

import numpy as np
import pytest

import nabij as nb
from nabij.engine.gather import run_together
from nabij.protocols import free_conversation, small_talk, thirty_six_questions


def _study(seed: int, closeness_rate: float, n_pairs: int):
    """A small study: two conditions of different sizes, protocols and recordings."""
    def run() -> dict[str, np.ndarray]:
        params = nb.Params(closeness_rate=closeness_rate)
        people = nb.sample_population(2 * n_pairs, rng=seed)
        a = nb.simulate(people, nb.fixed_pairs(2 * n_pairs), thirty_six_questions(), params=params,
                        rng=seed, record=nb.Recorder(per_turn=(), final=("closeness", "liking")))
        b = nb.simulate(people, nb.fixed_pairs(2 * n_pairs), small_talk(), params=params, rng=seed + 1,
                        record=nb.Recorder(per_turn=("kept_depth",), final=("trust",)))
        c = nb.simulate(people, nb.fixed_pairs(2 * n_pairs), free_conversation(9), params=params,
                        rng=seed + 2)
        return {"a.closeness": a.final["closeness"], "a.liking": a.final["liking"],
                "b.kept_depth": b.per_turn["kept_depth"], "b.trust": b.final["trust"],
                **{f"c.{k}": v for k, v in c.per_turn.items()}}
    return run


def test_studies_run_together_give_the_numbers_they_give_alone() -> None:
    studies = [_study(seed, 0.02 + 0.01 * (seed % 4), n) for seed, n in
               zip(range(9), [3, 40, 64, 65, 100, 7, 130, 1, 33], strict=True)]
    alone = [s() for s in studies]
    together = run_together(studies, workers=5)
    for one, many in zip(alone, together, strict=True):
        assert one.keys() == many.keys()
        for name in one:
            np.testing.assert_array_equal(one[name], many[name], err_msg=name)


def test_a_failing_study_raises_as_it_would_alone_and_the_others_finish() -> None:
    finished = []

    def good() -> int:
        nb.simulate(nb.sample_population(20, rng=1), nb.fixed_pairs(20), small_talk(), rng=1)
        finished.append(1)
        return 1

    def bad() -> int:
        nb.simulate(nb.sample_population(20, rng=1), nb.fixed_pairs(20), small_talk(), rng=1)
        raise KeyError("the study's own error")

    with pytest.raises(KeyError, match="own error"):
        run_together([good, bad, good, good])
    assert len(finished) == 3


def test_run_together_inside_run_together_joins_the_outer_batch() -> None:
    def study() -> float:
        people = nb.sample_population(8, rng=3)
        return float(nb.simulate(people, nb.fixed_pairs(8), small_talk(), rng=3).final["closeness"].sum())

    def inner() -> list[float]:
        return run_together([study, study])

    assert run_together([inner, inner]) == [[study()] * 2] * 2
