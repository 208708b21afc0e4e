"""summary(): the pair is the unit of the 95% interval, because partners are not independent."""

from __future__ import annotations

import numpy as np

import nabij as nb


def test_interval_is_built_from_pair_means_with_n_pairs() -> None:
    people = nb.sample_population(400, rng=1)
    result = nb.simulate(people, nb.fixed_pairs(400), nb.small_talk(4), rng=2)
    summary = result.summary().set_index("outcome")
    assert (summary["pairs"] == 200).all()
    closeness = result.final["closeness"]  # (2, pairs)
    pair_means = closeness.mean(axis=0)
    half = 1.96 * pair_means.std(ddof=1) / np.sqrt(200)
    row = summary.loc["closeness"]
    centre = pair_means.mean()
    np.testing.assert_allclose([row.ci_low, row.ci_high], [centre - half, centre + half])
    assert row.ci_low <= row["mean"] <= row.ci_high
    assert "pair" in result.summary().attrs["interval"]


def test_partners_who_move_together_widen_the_interval_beyond_the_naive_one() -> None:
    # Partners' closeness is positively correlated (each one's closeness grows with the same
    # conversation), so treating 2 x pairs persons as independent would understate the
    # uncertainty; the pair-unit interval must be at least as wide.
    people = nb.sample_population(400, rng=3)
    result = nb.simulate(people, nb.fixed_pairs(400), nb.thirty_six_questions(), rng=4)
    closeness = result.final["closeness"]
    assert np.corrcoef(closeness[0], closeness[1])[0, 1] > 0
    naive_half = 1.96 * closeness.reshape(-1).std(ddof=1) / np.sqrt(closeness.size)
    row = result.summary().set_index("outcome").loc["closeness"]
    assert (row.ci_high - row.ci_low) / 2 > naive_half
