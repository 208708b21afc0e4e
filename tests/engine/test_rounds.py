"""Meetings in rounds (people carry their own state), per-dyad starts, traits in the results."""

from __future__ import annotations

import numpy as np
import pytest

import nabij as nb
from nabij.engine.rounds import schedule_rounds


def test_rounds_let_nobody_meet_two_partners_at_once_and_hold_every_dyad_once() -> None:
    pairing = nb.round_robin(8)
    rounds = schedule_rounds(pairing)
    assert sorted(np.concatenate(rounds).tolist()) == list(range(len(pairing)))
    for index in rounds:
        people = pairing.persons[index].ravel()
        assert len(set(people.tolist())) == people.size
    assert len(rounds) <= 8


def test_a_pair_that_meets_twice_is_refused_with_advice() -> None:
    with pytest.raises(ValueError, match="meet twice"):
        schedule_rounds(nb.Pairing(np.array([[0, 1], [2, 3], [1, 0]])))


def _cold_meetings(carry: tuple[str, ...]) -> nb.SimulationResult:
    people = nb.sample_population(6, rng=3)
    cold = nb.make_protocol("cold", [0, 1, 0, 1], 0.6, feedback=0.05, relevance=1.0)
    return nb.meet_in_rounds(people, nb.round_robin(6), cold, rng=4, carry=carry,
                             record=nb.Recorder(per_turn=(), final=("security",)))


def test_felt_security_carries_from_one_meeting_to_the_next() -> None:
    carried, fresh = _cold_meetings(("security", "tension")), _cold_meetings(())
    last = carried.final["round"] == carried.final["round"].max()
    first = carried.final["round"] == 0
    # one cold meeting after another: carried security sinks below a fresh start's
    assert carried.final["security"][:, last].mean() < fresh.final["security"][:, last].mean()
    np.testing.assert_allclose(carried.final["security"][:, first], fresh.final["security"][:, first])


def test_meet_in_rounds_refuses_unknown_carried_states() -> None:
    people = nb.sample_population(4, rng=1)
    with pytest.raises(ValueError, match="cannot be carried"):
        nb.meet_in_rounds(people, nb.round_robin(4), "small_talk", carry=("liking",))


def test_a_given_start_moves_the_outcome_in_its_direction() -> None:
    people = nb.sample_population(40, rng=1)
    runs = {x: nb.simulate(people, nb.fixed_pairs(40), nb.small_talk(3), rng=2,
                           start=nb.Start(liking=x)) for x in (0.2, 0.8)}
    assert runs[0.8].final["liking"].mean() > runs[0.2].final["liking"].mean()
    with pytest.raises(TypeError, match=r"nabij\.Start"):
        nb.simulate(people, nb.fixed_pairs(40), nb.small_talk(3), start={"liking": 0.5})  # type: ignore[arg-type]


def test_traits_reach_final_reporters_and_the_final_frame() -> None:
    people = nb.sample_population(10, rng=1)
    rec = nb.Recorder(final={"liking": lambda st, p: st.liking.copy(),
                             "leniency_seen": lambda st, p, traits: traits.leniency.copy()})
    res = nb.simulate(people, nb.fixed_pairs(10), nb.small_talk(2), rng=2, record=rec)
    frame = res.final_frame()
    np.testing.assert_array_equal(frame["leniency_seen"], frame["leniency"])
    np.testing.assert_array_equal(frame["warmth"], people.warmth[frame["person_id"]])
    np.testing.assert_array_equal(frame["partner_warmth"], people.warmth[frame["partner_id"]])
    assert "warmth" not in res.final_frame(traits=False)
