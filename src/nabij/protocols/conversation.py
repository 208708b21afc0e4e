"""Conversations people actually have: small talk, the 36-questions escalation, free talk,
turn-taking versus one-sided extended turns.

The topic intimacies are on the model's 0-1 depth scale. Aron et al. (1997): three sets of
questions escalating in intimacy, each answered in turn by both partners, against small-talk
tasks of the same length. Their topic intimacies are not set by hand: each question's is how
deep strangers judge it, on a 0-100 slider, divided by 100 (Brockbank et al., CogSci 2025,
open norms shipped in ``nabij/data``; :func:`nabij.data.question_norms`). Sprecher et al.
(2013): reciprocal turn-taking against one person disclosing for a long turn, then the other.
"""

from __future__ import annotations

import numpy as np

from nabij.data import question_norms
from nabij.protocols.base import Protocol, built_once

__all__ = ["QUESTIONS_PER_SET", "extended_turns", "free_conversation", "set_intimacy", "small_talk",
           "small_talk_intimacy", "thirty_six_questions",
           "turn_taking"]

#: Questions per set in Aron et al.'s (1997) procedure.
QUESTIONS_PER_SET = 12
#: How emotional (vs factual) the questions of each set are.
SET_EMOTIONAL = (0.3, 0.55, 0.8)
#: Average valence of each set (the last set asks about loss and difficulty too).
SET_VALENCE = (0.3, 0.1, -0.2)


def _normed_depths(procedure: str, set_number: int = 0) -> np.ndarray:
    """The normed depth (0-1) of each question of one set (or of small talk), in bank order."""
    return np.array([q.deep / 100.0 for q in question_norms()
                     if q.procedure == procedure and q.set == set_number])


def set_intimacy(set_number: int, k: int = QUESTIONS_PER_SET) -> np.ndarray:
    """Topic intimacy of the ``k`` questions of one set of the 36 questions (1, 2 or 3).

    Each set's 12 questions take the normed depth of the set's questions in order; set 3's
    partner-directed items (not normed) take the set's mean. For ``k != 12`` questions are
    picked evenly over the set.
    """
    normed = _normed_depths("closeness", set_number)
    full = np.concatenate([normed, np.full(max(0, QUESTIONS_PER_SET - len(normed)), normed.mean())])
    return np.asarray(full[np.rint(np.linspace(0, len(full) - 1, k)).astype(int)])


def small_talk_intimacy(questions: int) -> np.ndarray:
    """Topic intimacy of ``questions`` small-talk questions: their normed depths, picked evenly."""
    normed = _normed_depths("small_talk")
    return np.asarray(normed[np.rint(np.linspace(0, len(normed) - 1, questions)).astype(int)])


def _both_answer(n_questions: int) -> np.ndarray:
    """Each question answered by both, alternating who goes first (0,1, 1,0, 0,1, ...)."""
    first = np.arange(n_questions) % 2
    return np.stack([first, 1 - first], axis=1).ravel()


@built_once
def thirty_six_questions(questions_per_set: int = 12) -> Protocol:
    """The closeness-generating procedure: 3 escalating sets, both answer each question in turn.

    Aron, Melinat, Aron, Vallone & Bator (1997). With the default 12 questions per set:
    72 turns (36 questions x 2 partners), about 45 minutes. Topic intimacies are the
    questions' normed depths (:func:`set_intimacy`): set means 0.61, 0.80 and 0.74, so the
    escalation is not monotone in how strangers judge the questions.
    """
    if questions_per_set < 1:
        raise ValueError(f"questions_per_set: must be >= 1, got {questions_per_set}")
    k = questions_per_set
    intimacy = np.concatenate([set_intimacy(s, k) for s in (1, 2, 3)])
    emotional = np.repeat(SET_EMOTIONAL, k)
    valence = np.repeat(SET_VALENCE, k)
    labels = tuple(f"set {i // k + 1}, question {i % k + 1}, person {who}"
                   for i, who in zip(np.repeat(np.arange(3 * k), 2), _both_answer(3 * k),
                                     strict=True))
    return Protocol("36_questions", _both_answer(3 * k), np.repeat(intimacy, 2),
                    np.repeat(valence, 2), np.repeat(emotional, 2), np.zeros(6 * k), labels)


@built_once
def small_talk(questions: int = 36, topic_intimacy: float | None = None) -> Protocol:
    """Small-talk tasks of the same length as the 36 questions (Aron et al. 1997, control).

    Topic intimacies are the normed depths of the small-talk questions (about 0.31;
    :func:`small_talk_intimacy`); give ``topic_intimacy`` to use one value instead.
    """
    if questions < 1:
        raise ValueError(f"questions: must be >= 1, got {questions}")
    t = 2 * questions
    intimacy = (np.repeat(small_talk_intimacy(questions), 2) if topic_intimacy is None
                else np.full(t, topic_intimacy))
    return Protocol("small_talk", _both_answer(questions), intimacy,
                    np.full(t, 0.3), np.full(t, 0.1), np.zeros(t))


@built_once
def free_conversation(turns: int = 40, emotional: float = 0.4) -> Protocol:
    """Unstructured talk: alternating speakers, each topic self-paced (reciprocal escalation).

    The topic of each turn goes ``self_paced_step`` deeper than the partner's last
    disclosure (Altman & Taylor 1973; disclosure invites disclosure, seed 000).
    """
    if turns < 1:
        raise ValueError(f"turns: must be >= 1, got {turns}")
    return Protocol("free", np.arange(turns) % 2, np.full(turns, np.nan), np.zeros(turns),
                    np.full(turns, emotional), np.zeros(turns))


@built_once
def turn_taking(turns_each: int = 18, topic_intimacy: float = 0.5,
                emotional: float = 0.5) -> Protocol:
    """Reciprocal disclosure: partners alternate after every disclosure (Sprecher et al. 2013)."""
    if turns_each < 1:
        raise ValueError(f"turns_each: must be >= 1, got {turns_each}")
    t = 2 * turns_each
    return Protocol("turn_taking", np.arange(t) % 2, np.full(t, topic_intimacy), np.zeros(t),
                    np.full(t, emotional), np.zeros(t))


@built_once
def extended_turns(turns_each: int = 18, topic_intimacy: float = 0.5,
                   emotional: float = 0.5) -> Protocol:
    """Non-reciprocal disclosure: person 0 discloses for a long turn, then person 1.

    Sprecher et al. (2013): the same prompts as :func:`turn_taking`, but one partner only
    listens while the other discloses, then the roles switch.
    """
    if turns_each < 1:
        raise ValueError(f"turns_each: must be >= 1, got {turns_each}")
    t = 2 * turns_each
    return Protocol("extended", np.repeat([0, 1], turns_each), np.full(t, topic_intimacy),
                    np.zeros(t), np.full(t, emotional), np.zeros(t))
