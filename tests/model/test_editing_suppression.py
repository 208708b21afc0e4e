"""Emotional editing (seed 001) and suppression, relief and flooding (seed 003; Gross & John 2003)."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model import emotional_edit, flood, relieve, suppress

P = nb.Params()


def edit(depth=0.5, expected=0.6, perceived=0.5, rs=0.3, av=0.3, params=P):
    return emotional_edit(depth, expected, perceived, rs, av, params)


def test_editing_reaction_worse_than_expected_edits_more():
    out = edit(perceived=np.array([0.55, 0.45, 0.35, 0.25]))
    assert np.all(np.diff(out) > 0)


def test_editing_reaction_as_good_as_expected_edits_nothing():
    out = edit(perceived=np.array([0.6, 0.7, 1.0]))
    np.testing.assert_array_equal(out, 0.0)


def test_editing_nothing_disclosed_nothing_edited():
    out = edit(depth=0.0, perceived=0.0, rs=1.0, av=1.0)
    assert out == 0.0


def test_editing_rejection_sensitive_people_edit_more():
    out = edit(perceived=0.45, rs=np.array([0.1, 0.5, 0.9]))
    assert np.all(np.diff(out) > 0)


def test_editing_avoidant_people_edit_more():
    out = edit(perceived=0.45, av=np.array([0.1, 0.5, 0.9]))
    assert np.all(np.diff(out) > 0)


def test_editing_never_unsays_everything():
    out = edit(perceived=0.0, expected=1.0, rs=1.0, av=1.0)
    assert 0 < out <= P.edit_max < 1


def test_editing_simulation_rejection_sensitive_edit_more():
    n = 2000
    people = nb.Population.from_mapping({"rejection_sensitivity": np.tile([0.1, 0.9], n // 2)})
    res = nb.simulate(people, nb.fixed_pairs(n), nb.turn_taking(6), rng=8,
                      record=nb.Recorder(per_turn=["edited", "speaker"], final=["left"]))
    edited, spk = res.per_turn["edited"], res.per_turn["speaker"]
    assert edited[spk == 1].mean() > edited[spk == 0].mean()


def test_suppression_raises_tension():
    held_back = suppress(0.2, 0.8, np.array([0.8, 0.5, 0.2, 0.0]), 0.5, P)
    assert held_back[0] == 0.2  # said all that was invited: no tension added
    assert np.all(np.diff(held_back) > 0)


def test_suppression_of_emotional_content_raises_tension_more():
    out = suppress(0.2, 0.8, 0.1, np.array([0.0, 0.5, 1.0]), P)
    assert np.all(np.diff(out) > 0)


def test_suppression_speaking_relieves_tension():
    out = relieve(0.6, np.array([0.0, 0.3, 0.6]), P)
    assert out[0] == 0.6
    assert np.all(np.diff(out) < 0)
    assert np.all(out >= 0)


def test_suppression_tension_above_threshold_floods():
    tension = np.array([P.flood_threshold - 0.1, P.flood_threshold + 0.1])
    out = flood(tension, 0.2, P)
    np.testing.assert_array_equal(out.flooded, [False, True])
    assert out.depth[0] == 0.2  # below threshold nothing changes
    assert out.depth[1] > 0.2  # the pent-up tension comes out


def test_suppression_tension_stays_bounded():
    out = suppress(np.array([0.0, 0.99]), 1.0, 0.0, 1.0, P.with_(suppression_rate=1.0))
    assert np.all((out >= 0) & (out <= 1))


def test_suppression_simulation_holding_back_builds_tension():
    """Restricted disclosers (below the partner in power) accumulate more tension."""
    n = 2000
    people = nb.Population.from_mapping({}, size=n)
    rec = nb.Recorder(per_turn=["depth"], final=["tension"])
    equal = nb.simulate(people, nb.fixed_pairs(n), nb.thirty_six_questions(4),
                        context=nb.Context(power=0.0), rng=4, record=rec)
    below = nb.simulate(people, nb.fixed_pairs(n), nb.thirty_six_questions(4),
                        context=nb.Context(power=0.8), rng=4, record=rec)
    assert below.final["tension"][0].mean() > equal.final["tension"][0].mean()
