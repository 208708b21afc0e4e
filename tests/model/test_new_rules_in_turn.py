"""The issue-12 rules act in whole simulations in the direction the theory gives."""

from __future__ import annotations

import numpy as np

import nabij as nb

N = 300
PEOPLE = nb.sample_population(2 * N, rng=11)
PAIRS = nb.fixed_pairs(2 * N)


def _final(protocol: nb.Protocol, params: nb.Params | None = None, start: nb.Start | None = None,
           final: tuple[str, ...] = ("liking",), per_turn: tuple[str, ...] = ()) -> nb.SimulationResult:
    return nb.simulate(PEOPLE, PAIRS, protocol, params=params, rng=5, start=start,
                       record=nb.Recorder(per_turn=per_turn, final=final))


def test_liking_for_a_discloser_is_curvilinear_in_depth_only_with_the_appropriateness_rule() -> None:
    def listener_liking(depth: float, params: nb.Params) -> float:
        res = _final(nb.make_protocol("one disclosure", [0], depth, feedback=0.7), params)
        return float(res.final["liking"][1].mean())

    p = nb.Params()
    medium, deep = listener_liking(0.5, p), listener_liking(1.0, p)
    assert deep < medium  # too much, too soon (Cozby 1972)
    flat = p.with_(overdisclosure_penalty=0.0)
    assert listener_liking(1.0, flat) > listener_liking(0.5, flat)


def test_an_instruction_to_get_close_deepens_disclosure() -> None:
    talk = nb.free_conversation(8)
    close = _final(talk, start=nb.Start(instruction=1.0), per_turn=("depth",))
    distant = _final(talk, start=nb.Start(instruction=-1.0), per_turn=("depth",))
    assert close.per_turn["depth"].mean() > distant.per_turn["depth"].mean()


def test_approval_favours_good_news_and_identity_clarification_emotional_talk() -> None:
    good = nb.make_protocol("good news", [0, 1] * 3, 0.5, valence=0.8, emotional=0.2)
    feelings = nb.make_protocol("feelings", [0, 1] * 3, 0.5, valence=0.0, emotional=0.9)
    for protocol, goal in ((good, "approval_goal"), (feelings, "identity_goal")):
        on = _final(protocol, start=nb.Start(**{goal: 1.0}), per_turn=("depth",))
        off = _final(protocol, per_turn=("depth",))
        assert on.per_turn["depth"].mean() > off.per_turn["depth"].mean(), goal


def test_the_fear_of_being_known_holds_back_intimate_disclosure_whatever_the_partner() -> None:
    deep = nb.make_protocol("deep", [0, 1] * 3, 0.8, emotional=0.8)
    fearful = nb.Population.from_mapping({"fear_of_being_known": 0.9}, size=2 * N)
    fearless = nb.Population.from_mapping({"fear_of_being_known": 0.1}, size=2 * N)
    for relationship in ("strangers", "friends"):
        depth = [nb.simulate(people, PAIRS, deep, nb.Context(relationship=relationship), rng=5,
                             record=nb.Recorder(per_turn=("depth",), final=())).per_turn["depth"].mean()
                 for people in (fearful, fearless)]
        assert depth[0] < depth[1], relationship


def test_talk_builds_shared_reality_more_between_people_who_agree() -> None:
    talk = nb.turn_taking(6)
    similar = _final(talk, start=nb.Start(attitude_similarity=1.0), final=("shared_reality",))
    dissimilar = _final(talk, start=nb.Start(attitude_similarity=0.0), final=("shared_reality",))
    before = _final(nb.make_protocol("silence", [0], 0.0, feedback=0.5), final=("shared_reality",),
                    start=nb.Start(attitude_similarity=1.0))
    assert similar.final["shared_reality"].mean() > dissimilar.final["shared_reality"].mean()
    assert similar.final["shared_reality"].mean() > before.final["shared_reality"].mean()


def test_people_who_like_more_say_yes_more_often_and_the_gap_is_reported() -> None:
    res = _final(nb.small_talk(4), final=("liking", "regard", "meet_again", "closeness_gap",
                                          "desired_closeness"))
    yes = res.final["meet_again"]
    assert yes.dtype == np.bool_ and 0.0 < yes.mean() < 1.0
    assert res.final["liking"][yes].mean() > res.final["liking"][~yes].mean()
    closeness = _final(nb.small_talk(4), final=("closeness",)).final["closeness"]
    np.testing.assert_allclose(res.final["closeness_gap"], res.final["desired_closeness"] - closeness)
