"""Protocols: the sequences of turns people follow, as data (see :class:`Protocol`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from nabij.protocols.base import Protocol, make_protocol, repeat, sequence
from nabij.protocols.conversation import (
    extended_turns,
    free_conversation,
    small_talk,
    thirty_six_questions,
    turn_taking,
)
from nabij.protocols.dependence import ask_for_help, conflict_of_interest, sacrifice
from nabij.protocols.practice import exposure_depths, graded_exposure

__all__ = [
    "PROTOCOLS",
    "Protocol",
    "ask_for_help",
    "conflict_of_interest",
    "exposure_depths",
    "extended_turns",
    "free_conversation",
    "get_protocol",
    "graded_exposure",
    "make_protocol",
    "repeat",
    "sacrifice",
    "sequence",
    "small_talk",
    "thirty_six_questions",
    "turn_taking",
]

#: The named protocols, for the CLI and for configurations written as data.
PROTOCOLS: dict[str, Callable[..., Protocol]] = {
    "36_questions": thirty_six_questions,
    "small_talk": small_talk,
    "free": free_conversation,
    "turn_taking": turn_taking,
    "extended": extended_turns,
    "graded_exposure": graded_exposure,
    "ask_for_help": ask_for_help,
    "conflict_of_interest": conflict_of_interest,
    "sacrifice": sacrifice,
}


def get_protocol(name: str, **options: Any) -> Protocol:
    """Build a named protocol; an unknown name raises an error listing the known ones."""
    try:
        builder = PROTOCOLS[name]
    except KeyError:
        raise ValueError(f"protocol: unknown protocol {name!r}; choose from "
                         f"{', '.join(sorted(PROTOCOLS))}") from None
    return builder(**options)
