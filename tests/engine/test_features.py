"""Engine features: pairings, sessions and gaps, recording, tidy frames, replications."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

import nabij as nb
from nabij.model import DyadState, DyadTraits, pass_days
from nabij.protocols import exposure_depths


# --- pairing -------------------------------------------------------------------------------
@pytest.mark.parametrize(("n_people", "group"), [(5, None), (12, 4), (12, 3), (12, 6)])
def test_round_robin_every_pair_in_each_group_meets_once(n_people, group):
    size = group or n_people
    pairs = nb.round_robin(n_people, group)
    assert len(pairs) == (n_people // size) * size * (size - 1) // 2
    seen = {tuple(sorted(p)) for p in pairs.persons.tolist()}
    assert len(seen) == len(pairs)  # nobody meets twice
    for a, b in seen:
        assert a // size == b // size  # never across groups
    for g in range(n_people // size):
        members = range(g * size, (g + 1) * size)
        assert set(itertools.combinations(members, 2)) <= seen


def test_round_robin_rejects_uneven_groups():
    with pytest.raises(ValueError, match="group_size"):
        nb.round_robin(10, 4)


@pytest.mark.parametrize("focal", [0, 3])
def test_one_with_many_focal_person_meets_each_confidant(focal):
    pairs = nb.one_with_many(5, focal=focal)
    assert len(pairs) == 5
    assert (pairs.persons[:, 0] == focal).all()
    assert sorted(pairs.persons[:, 1].tolist()) == [k for k in range(6) if k != focal]


def test_one_with_many_simulates_one_focal_person():
    people = nb.sample_population(6, rng=1)
    res = nb.simulate(people, nb.one_with_many(5), nb.small_talk(3), rng=1)
    frame = res.final_frame()
    assert (frame.loc[frame.person == 0, "person_id"] == 0).all()
    assert res.final["closeness"].shape == (2, 5)


def test_random_pairs_is_a_perfect_matching():
    pairs = nb.random_pairs(50, rng=3)
    assert sorted(pairs.persons.ravel().tolist()) == list(range(50))
    np.testing.assert_array_equal(pairs.persons, nb.random_pairs(50, rng=3).persons)


# --- sessions and days ---------------------------------------------------------------------
def test_repeat_builds_sessions_separated_by_gaps():
    base = nb.small_talk(3)
    proto = nb.repeat(base, sessions=3, gap_days=2.0)
    assert len(proto) == 3 * len(base)
    np.testing.assert_array_equal(proto.session, np.repeat([0, 1, 2], len(base)))
    np.testing.assert_array_equal(proto.gap_days[[0, 6, 12]], [0.0, 2.0, 2.0])
    assert proto.day[-1] == 4.0
    np.testing.assert_array_equal(proto.speaker, np.tile(base.speaker, 3))


def test_sequence_joins_parts_with_their_own_gaps():
    a, b = nb.small_talk(2), nb.thirty_six_questions(1)
    proto = nb.sequence([a, b], gaps_days=[5.0])
    assert len(proto) == len(a) + len(b)
    assert proto.gap_days[len(a)] == 5.0
    np.testing.assert_array_equal(proto.topic_intimacy[len(a):], b.topic_intimacy)
    with pytest.raises(ValueError, match="gaps_days"):
        nb.sequence([a, b], gaps_days=[1.0, 2.0])


def _hurt_state(n: int = 3):
    traits = DyadTraits(**{name: np.full((2, n), 0.5) for name in DyadTraits.__dataclass_fields__})
    state = DyadState.initial(traits, nb.Context().resolve(n), nb.Params(), np.zeros((2, n)))
    state.hurt[:] = 0.6
    state.tension[:] = 0.5
    state.security[:] = 0.2
    return state, traits


def test_pass_days_hurt_and_tension_fade_between_sessions():
    prm = nb.Params()
    hurt_by_days, tension_by_days = [], []
    for days in (0.0, 1.0, 7.0):
        state, traits = _hurt_state()
        pass_days(state, traits, days, prm)
        hurt_by_days.append(state.hurt.mean())
        tension_by_days.append(state.tension.mean())
    assert hurt_by_days[0] == 0.6 and tension_by_days[0] == 0.5  # no time, no change
    assert np.all(np.diff(hurt_by_days) < 0)
    assert np.all(np.diff(tension_by_days) < 0)


def test_pass_days_security_recovers_toward_self_esteem():
    state, traits = _hurt_state()
    pass_days(state, traits, 3.0, nb.Params())
    assert (state.security > 0.2).all() and (state.security <= 0.5).all()


def test_simulation_gap_days_lower_hurt_in_next_session():
    n = 2000
    people = nb.Population.from_mapping({"rejection_sensitivity": 0.8, "self_esteem": 0.3}, size=n)
    first = nb.thirty_six_questions(2)
    rec = nb.Recorder(per_turn=["hurt"], final=["hurt"])
    same_day = nb.simulate(people, nb.fixed_pairs(n), nb.sequence([first, nb.small_talk(1)], 0.0),
                           rng=4, record=rec)
    week_later = nb.simulate(people, nb.fixed_pairs(n), nb.sequence([first, nb.small_talk(1)], 7.0),
                             rng=4, record=rec)
    t = len(first)
    # identical up to the gap (same streams), then the gap lets hurt fade
    np.testing.assert_array_equal(same_day.per_turn["hurt"][:t], week_later.per_turn["hurt"][:t])
    assert week_later.per_turn["hurt"][t].mean() < same_day.per_turn["hurt"][t].mean()


# --- recording and result frames -----------------------------------------------------------
def test_recorder_custom_reporter_callables():
    rec = nb.Recorder(
        per_turn={"twice_depth": lambda st, o, p: 2.0 * o.depth, "depth": nb.TURN_REPORTERS["depth"],
                  "closeness": nb.TURN_REPORTERS["closeness"]},
        final={"mean_closeness": lambda st, p: st.closeness.mean(axis=0),
               "closeness": nb.FINAL_REPORTERS["closeness"]},
    )
    people = nb.sample_population(20, rng=1)
    res = nb.simulate(people, nb.fixed_pairs(20), nb.small_talk(3), rng=2, record=rec)
    np.testing.assert_array_equal(res.per_turn["twice_depth"], 2.0 * res.per_turn["depth"])
    assert res.per_turn["closeness"].shape == (6, 2, 10)
    np.testing.assert_allclose(res.final["mean_closeness"], res.final["closeness"].mean(axis=0))
    assert set(res.per_turn) == {"twice_depth", "depth", "closeness"}


def test_turns_frame_shape_and_columns():
    people = nb.sample_population(20, rng=1)
    rec = nb.Recorder(per_turn=["depth", "closeness"], final=["ios", "left"])
    res = nb.simulate(people, nb.fixed_pairs(20), nb.repeat(nb.small_talk(2), 2), rng=3, record=rec)
    n, t = 10, 8
    frame = res.turns_frame()
    assert list(frame.columns) == ["turn", "session", "dyad", "person", "variable", "value"]
    assert len(frame) == t * n + t * 2 * n  # depth per dyad, closeness per person
    depth = frame[frame.variable == "depth"]
    assert len(depth) == t * n
    assert sorted(depth.session.unique()) == [0, 1]
    # a per-dyad quantity belongs to the turn's speaker
    np.testing.assert_array_equal(depth.groupby("turn").person.first().to_numpy(),
                                  res.protocol.speaker)
    assert len(res.turns_frame(["closeness"])) == t * 2 * n
    with pytest.raises(ValueError, match="not recorded"):
        res.turns_frame(["hurt"])


def test_final_frame_shape_and_columns():
    people = nb.sample_population(20, rng=1)
    res = nb.simulate(people, nb.fixed_pairs(20), nb.small_talk(2), rng=3)
    frame = res.final_frame()
    assert len(frame) == 2 * 10
    assert list(frame.columns[:4]) == ["dyad", "person", "person_id", "partner_id"]
    assert set(nb.FINAL_REPORTERS) <= set(frame.columns)
    np.testing.assert_array_equal(frame.ios, nb.ios(frame.closeness))
    # person_id and partner_id are swapped views of the same pairs
    p0 = frame[frame.person == 0].reset_index(drop=True)
    p1 = frame[frame.person == 1].reset_index(drop=True)
    np.testing.assert_array_equal(p0.person_id, p1.partner_id)
    summary = res.summary()
    assert set(summary.outcome) == set(res.final)


# --- replications --------------------------------------------------------------------------
def test_replicate_uses_independent_spawned_seeds():
    people = nb.sample_population(40, rng=1)

    def run(seed):
        return nb.simulate(people, nb.fixed_pairs(40), nb.small_talk(3), rng=seed).final["closeness"]

    reps = nb.replicate(run, 11, 3)
    assert len(reps) == 3
    assert not np.array_equal(reps[0], reps[1]) and not np.array_equal(reps[1], reps[2])
    for rep, seed in zip(reps, nb.spawn(11, 3), strict=True):
        np.testing.assert_array_equal(rep, run(seed))
    again = nb.replicate(run, 11, 3)
    for a, b in zip(reps, again, strict=True):
        np.testing.assert_array_equal(a, b)


# --- graded exposure -----------------------------------------------------------------------
def test_graded_exposure_depths_rise_by_a_tenth_of_the_scale_per_step():
    """'10% more' is +0.1 absolute depth, as in free talk (self_paced_step) and the planner."""
    proto = nb.graded_exposure(sessions=6, start=0.3, step=0.10)
    practised = proto.topic_intimacy[proto.speaker == 0]
    np.testing.assert_allclose(np.diff(practised), nb.Params().self_paced_step)
    assert practised[0] == pytest.approx(0.3)
    np.testing.assert_array_equal(proto.session, np.repeat(np.arange(6), 2))


def test_graded_exposure_depth_is_capped_at_one():
    depths = exposure_depths(30, 0.5, 0.1)
    assert depths.max() == 1.0
    assert np.all(np.diff(depths) >= 0)


def test_scripted_feedback_replaces_the_listeners_reaction():
    """A confederate's scripted reaction (Leary et al. 1995) is what the listener shows."""
    proto = nb.Protocol("scripted", np.array([0, 1]), 0.5, 0.0, 0.5, 0.0, feedback=[0.2, np.nan])
    res = nb.simulate(nb.sample_population(200, rng=1), nb.fixed_pairs(200), proto, rng=2,
                         record=nb.Recorder(per_turn=("actual_responsiveness",)))
    shown = res.per_turn["actual_responsiveness"]
    assert np.allclose(shown[0], 0.2)
    assert shown[1].std() > 0  # the unscripted turn is the listener's own


def test_personal_rejection_lowers_felt_security_more_than_random():
    """Scripted relevance: a rejection by lottery says less about oneself (Leary et al. 1995)."""
    people = nb.sample_population(400, rng=3)
    security = {}
    for rel in (0.0, 1.0):
        proto = nb.Protocol("exclusion", np.array([0]), 0.5, 0.0, 0.5, 0.0, feedback=0.1, relevance=rel)
        res = nb.simulate(people, nb.fixed_pairs(400), proto, rng=4,
                             record=nb.Recorder(per_turn=(), final=("security",)))
        security[rel] = res.final["security"][0]
    assert security[1.0].mean() < security[0.0].mean()


def test_scripted_feedback_is_validated():
    with pytest.raises(ValueError, match="feedback"):
        nb.Protocol("bad", np.array([0]), 0.5, 0.0, 0.5, 0.0, feedback=1.5)
