"""Directions of the rules issue 12 adds: inappropriate disclosure, shared reality, the
meet-again choice, Omarzu's other goals and desired closeness."""

from __future__ import annotations

import nabij as nb
from nabij.model.appropriateness import disclosure_allowance, overdisclosure
from nabij.model.choice import would_meet_again
from nabij.model.motives import closeness_gap_pull, desired_closeness, other_goals_utility
from nabij.model.similarity import initial_shared_reality, shared_reality_after

P = nb.Params()


def test_what_is_appropriate_widens_with_closeness_and_with_the_listeners_own_openness() -> None:
    assert disclosure_allowance(0.8, 0.0, P) > disclosure_allowance(0.0, 0.0, P)
    assert disclosure_allowance(0.0, 0.7, P) > disclosure_allowance(0.0, 0.0, P)
    assert disclosure_allowance(1.0, 1.0, P) <= 1.0


def test_only_depth_beyond_what_is_appropriate_counts_as_overdisclosure() -> None:
    assert overdisclosure(0.3, 0.0, 0.0, P) == 0.0
    assert overdisclosure(0.9, 0.0, 0.0, P) > overdisclosure(0.7, 0.0, 0.0, P) > 0.0
    # the same deep disclosure is fine between close partners or in answer to one as deep
    assert overdisclosure(0.9, 0.9, 0.0, P) == 0.0
    assert overdisclosure(0.9, 0.0, 0.8, P) == 0.0


def test_known_similarity_raises_shared_reality_and_talk_builds_it() -> None:
    similar, dissimilar = initial_shared_reality(1.0, P), initial_shared_reality(0.0, P)
    assert similar > initial_shared_reality(0.5, P) > dissimilar
    start = initial_shared_reality(0.5, P)
    talked = shared_reality_after(start, 0.5, 0.8, 0.4, 0.5, P)
    assert talked > start
    assert shared_reality_after(start, 0.0, 0.0, 0.0, 0.5, P) == start  # no exchange, no change
    # mutual exchange builds more than the same talk without being understood
    assert talked > shared_reality_after(start, 0.5, 0.0, 0.0, 0.5, P)
    # the same exchange builds more between people who agree
    agree = shared_reality_after(start, 0.5, 0.8, 0.4, 1.0, P)
    assert agree > shared_reality_after(start, 0.5, 0.8, 0.4, 0.0, P)


def test_a_yes_needs_liking_and_expected_acceptance_and_no_one_who_left_says_yes() -> None:
    assert would_meet_again(0.9, 0.9, 0.0, P) == 1.0
    assert would_meet_again(0.9, 0.1, 0.0, P) == 0.0
    assert would_meet_again(0.1, 0.9, 0.0, P) == 0.0
    assert would_meet_again(0.9, 0.9, 1.0, P) == 0.0


def test_omarzus_other_goals_raise_the_utility_of_the_fitting_disclosures() -> None:
    assert other_goals_utility(0.0, 0.0, 0.0, 0.5, 0.5, 0.5, P) == 0.0
    assert other_goals_utility(1.0, 0.0, 0.0, 0.5, 0.5, 0.0, P) > 0.0  # approval, good news
    assert other_goals_utility(1.0, 0.0, 0.0, -0.5, 0.5, 0.0, P) < 0.0  # approval, bad news
    feelings, facts = (other_goals_utility(0.0, 1.0, 0.0, 0.0, e, 0.0, P) for e in (0.9, 0.1))
    assert feelings > facts  # identity clarification, emotional talk
    up, level = (other_goals_utility(0.0, 0.0, 1.0, 0.0, 0.0, d, P) for d in (0.6, 0.0))
    assert up > level  # social control, up the hierarchy


def test_anxious_people_want_more_closeness_avoidant_people_less_and_the_gap_pulls() -> None:
    mid = desired_closeness(0.5, 0.5, P)
    assert desired_closeness(0.9, 0.5, P) > mid > desired_closeness(0.5, 0.9, P)
    assert closeness_gap_pull(mid, 0.1, P) > 0.0 > closeness_gap_pull(mid, 0.95, P)


def test_a_costly_response_is_rarer_from_strangers_and_counts_more_as_evidence() -> None:
    from nabij.model.dependence import costly_diagnosticity, costly_response_logit

    assert costly_response_logit(0.0, 0.1, P) == 0.0
    assert costly_response_logit(0.8, 0.1, P) < costly_response_logit(0.8, 0.9, P) <= 0.0
    assert costly_diagnosticity(0.3, 0.0) == 0.3
    assert costly_diagnosticity(0.3, 0.8) > 0.3
    assert costly_diagnosticity(0.3, 1.0) == 1.0


def test_the_fear_of_being_known_grows_with_what_a_topic_reveals_not_with_the_partner() -> None:
    from nabij.model.being_known import self_exposure_risk

    assert self_exposure_risk(0.0, 0.9, 0.9, P) == 0.0
    assert self_exposure_risk(0.8, 0.9, 0.9, P) > self_exposure_risk(0.8, 0.3, 0.9, P) > 0.0
    assert self_exposure_risk(0.8, 0.9, 0.9, P) > self_exposure_risk(0.8, 0.9, 0.1, P)
