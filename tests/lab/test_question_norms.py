"""The protocols' topic intimacies are the shipped question norms, not hand-set numbers."""

from importlib import resources

import numpy as np
import pytest

import nabij
from nabij.data import question_norms
from nabij.protocols.conversation import set_intimacy, small_talk_intimacy


def _deep(procedure, set_number=0):
    rows = [q.deep for q in question_norms() if q.procedure == procedure and q.set == set_number]
    return np.array(rows) / 100


def test_the_norms_file_is_shipped_whole_and_on_its_scale():
    norms = question_norms()
    assert sum(q.procedure == "closeness" for q in norms) == 33
    assert sum(q.procedure == "small_talk" for q in norms) == 32
    for q in norms:
        assert q.n_raters > 0
        assert all(0 <= v <= 100 for v in (q.personal, q.deep, q.close_hearing, q.close_sharing))


def test_the_shipped_data_credits_its_source():
    readme = resources.files("nabij.data").joinpath("README.md").read_text(encoding="utf-8")
    assert "Brockbank" in readme and "MIT" in readme


@pytest.mark.parametrize("set_number", [1, 2, 3])
def test_each_set_of_the_36_questions_has_its_normed_depth(set_number):
    protocol = nabij.thirty_six_questions()
    per_set = protocol.topic_intimacy.reshape(3, -1)[set_number - 1]
    normed = _deep("closeness", set_number)
    assert per_set.mean() == pytest.approx(normed.mean())
    assert set(np.round(per_set, 6)) <= set(np.round(normed, 6)) | {round(normed.mean(), 6)}


def test_small_talk_takes_the_small_talk_norms_and_is_shallower_than_every_set():
    talk = nabij.small_talk().topic_intimacy
    assert set(np.round(talk, 6)) <= set(np.round(_deep("small_talk"), 6))
    assert talk.mean() < min(set_intimacy(s).mean() for s in (1, 2, 3))
    assert len(small_talk_intimacy(5)) == 5


def test_an_explicit_small_talk_intimacy_still_overrides_the_norms():
    assert np.all(nabij.small_talk(4, topic_intimacy=0.2).topic_intimacy == 0.2)


def test_fewer_questions_per_set_pick_from_the_set():
    short = nabij.thirty_six_questions(2).topic_intimacy.reshape(3, -1)
    for s in (1, 2, 3):
        assert set(np.round(short[s - 1], 6)) <= set(np.round(set_intimacy(s), 6))
