"""Published findings the whole simulation should reproduce in direction."""

from __future__ import annotations

import nabij as nb

N_PEOPLE = 4000


def _people():
    return nb.sample_population(N_PEOPLE, rng=2024)


def test_36_questions_yield_higher_closeness_than_small_talk():
    """Aron et al. (1997): escalating self-disclosure generates closeness (IOS)."""
    people, pairs = _people(), nb.fixed_pairs(N_PEOPLE)
    rec = nb.Recorder(per_turn=(), final=["ios"])
    questions = nb.simulate(people, pairs, nb.thirty_six_questions(), rng=1, record=rec)
    chat = nb.simulate(people, pairs, nb.small_talk(), rng=1, record=rec)
    assert questions.final["ios"].mean() > chat.final["ios"].mean()
    assert questions.final["ios"].mean() > 1.0 + 6.0 * 0.10  # above the strangers' start


def test_turn_taking_yields_higher_liking_than_extended_turns():
    """Sprecher, Treger, Wondra, Hilaire & Wallpe (2013): reciprocal turn-taking promotes liking."""
    people, pairs = _people(), nb.fixed_pairs(N_PEOPLE)
    rec = nb.Recorder(per_turn=(), final=["liking"])
    taking = nb.simulate(people, pairs, nb.turn_taking(), rng=2, record=rec)
    extended = nb.simulate(people, pairs, nb.extended_turns(), rng=2, record=rec)
    assert taking.final["liking"].mean() > extended.final["liking"].mean()
    # and for each role separately
    assert (taking.final["liking"].mean(axis=1) > extended.final["liking"].mean(axis=1)).all()


def test_friends_disclose_deeper_than_strangers():
    """Relationship type: expected responsiveness and regard are higher among friends."""
    people, pairs = _people(), nb.fixed_pairs(N_PEOPLE)
    rec = nb.Recorder(per_turn=["depth"], final=["left"])
    strangers = nb.simulate(people, pairs, nb.thirty_six_questions(4), rng=3, record=rec)
    friends = nb.simulate(people, pairs, nb.thirty_six_questions(4), rng=3, record=rec,
                          context=nb.Context(relationship="friends"))
    assert friends.per_turn["depth"].mean() > strangers.per_turn["depth"].mean()


def test_extended_turns_receiving_disclosure_yields_more_liking_than_disclosing():
    """Sprecher et al. (2013): in imbalanced disclosure, after the first interaction the
    listener (who received disclosures) likes the partner more than the discloser does."""
    people, pairs = _people(), nb.fixed_pairs(N_PEOPLE)
    turns_each = 18
    res = nb.simulate(people, pairs, nb.extended_turns(turns_each), rng=4,
                      record=nb.Recorder(per_turn=["liking"], final=["left"]))
    after_first = res.per_turn["liking"][turns_each - 1]  # person 0 disclosed, person 1 listened
    discloser, listener = after_first.mean(axis=1)
    assert listener > discloser
