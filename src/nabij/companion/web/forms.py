"""Turning posted forms into the plain data part 1's validators take, keeping what was typed.

The validators of :mod:`nabij.companion.domain` stay the one place of truth: a form only
maps its fields onto the record's JSON keys (empty means "not given"), and on an error the
page is shown again with every value as it was typed plus the translated message.
"""

from __future__ import annotations

from typing import Any

from nabij.companion.domain import SAFETY_SIGNALS
from nabij.companion.web.deps import FormData, first

__all__ = ["ENTRY_INTS", "ENTRY_TEXTS", "entry_data", "error_field", "typed_values"]

#: Entry fields typed as whole numbers, optional ones included.
ENTRY_INTS = ("depth", "fear_before", "responsiveness", "expected_reaction", "understanding",
              "validation", "caring", "feeling_after", "fear_after")
#: Entry fields typed as text or chosen from a list.
ENTRY_TEXTS = ("person", "topic", "note", "valence", "when")


def typed_values(form: FormData) -> dict[str, Any]:
    """Everything the entry form showed, as typed, to fill the form again after an error."""
    values: dict[str, Any] = {name: first(form, name) for name in (*ENTRY_INTS, *ENTRY_TEXTS)}
    values["note"] = form.get("note", [""])[0]  # keep line breaks and spaces as typed
    values["signals"] = [s for s in form.get("signals", []) if s in SAFETY_SIGNALS]
    values["other_signals"] = first(form, "other_signals")
    values["edited"] = bool(form.get("edited"))
    return values


def entry_data(values: dict[str, Any]) -> dict[str, Any]:
    """The entry's JSON keys from the typed values ('' becomes "not given")."""
    data: dict[str, Any] = {name: values[name] or None for name in (*ENTRY_INTS, *ENTRY_TEXTS)}
    data["note"] = values["note"]
    others = [s.strip() for s in values["other_signals"].split(",") if s.strip()]
    data["safety_signals"] = [*values["signals"], *others]
    data["edited"] = values["edited"]
    return {k: v for k, v in data.items() if v is not None}


def error_field(message: str) -> str:
    """The field a validation message is about (part 1 starts messages with the JSON key)."""
    return message.split(":", 1)[0].strip()
