"""A 36-questions session in progress: whose turn it is, what was answered, and saving it.

The procedure is part 1's (:mod:`nabij.companion.prompts`, after Aron et al. 1997): three
sets of twelve questions, both people answer each one, and who begins alternates. The draft
lives only in the vault's memory while the journal is unlocked; finishing turns it into a
:class:`~nabij.companion.domain.Session`, validated by part 1, and stores that.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from nabij.companion.domain import Session
from nabij.companion.prompts import Prompt, session_turns

__all__ = ["SessionDraft", "Turn"]

#: (set number, question number, prompt), in order.
Turn = tuple[int, int, Prompt]


@dataclass
class SessionDraft:
    """Who is playing, closeness before, the optional timer per set, the turns so far."""

    person_a: str
    person_b: str
    ios_before: tuple[int, int]
    timer_minutes: int | None = None
    turns: list[dict[str, Any]] = field(default_factory=list)
    set_started: float = field(default_factory=time.time)

    @classmethod
    def start(cls, data: dict[str, Any], timer_minutes: int | None) -> SessionDraft:
        """Validate names and closeness with part 1's rules, then start at question 1."""
        checked = Session.from_dict(data)
        assert checked.ios_before is not None
        return cls(checked.person_a, checked.person_b, checked.ios_before, timer_minutes)

    @property
    def position(self) -> int:
        """How many questions are behind us (0-36)."""
        return len(self.turns)

    @property
    def done(self) -> bool:
        """All 36 questions have had their turn."""
        return self.position >= len(session_turns())

    def current(self) -> Turn | None:
        """The question to answer now."""
        return None if self.done else session_turns()[self.position]

    def speakers(self) -> tuple[str, str]:
        """(who answers first, who second): it alternates from question to question."""
        a, b = self.person_a, self.person_b
        return (a, b) if self.position % 2 == 0 else (b, a)

    def seconds_left(self) -> int | None:
        """Time left in this set when a timer was chosen (never below zero)."""
        if not self.timer_minutes:
            return None
        return max(0, round(self.timer_minutes * 60 - (time.time() - self.set_started)))

    def record(self, answered_by: str, skipped: bool) -> None:
        """Note how the current question went and move on (the timer restarts per set)."""
        turn = self.current()
        if turn is None or answered_by not in {"a", "b", "both"}:
            return
        self.turns.append({"set": turn[0], "question": turn[1], "answered_by": answered_by,
                           "skipped": skipped})
        following = self.current()
        if following is not None and following[0] != turn[0]:
            self.set_started = time.time()

    def finish(self, ios_after: list[str]) -> Session:
        """The session to store, validated by part 1 (raises its ValidationError)."""
        return Session.from_dict({
            "person_a": self.person_a, "person_b": self.person_b, "turns": self.turns,
            "ios_before": list(self.ios_before), "ios_after": ios_after})
