"""Turning posted forms into the plain data part 1's validators take, keeping what was typed.

The validators of :mod:`nabij.companion.domain` stay the one place of truth: a form only
maps its fields onto the record's JSON keys (empty means "not given"), and on an error the
page is shown again with every value as it was typed plus the translated message.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from nabij.companion.domain import SAFETY_SIGNALS, Entry, ValidationError
from nabij.companion.i18n import _
from nabij.companion.web.deps import FormData, first

__all__ = ["ENTRY_INTS", "ENTRY_TEXTS", "FieldError", "entry_data", "entry_errors", "error_field",
           "field_label", "labelled", "typed_values"]

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


class FieldError(NamedTuple):
    """One problem with a typed entry: the form field it is about and what to do."""

    field: str
    message: str  # with the field's label, for the list at the top of the form
    detail: str = ""  # without it, shown right under the field itself


#: Valid values that stand in for a field with a problem, so the next problem can show;
#: optional fields are simply left out.
_STAND_INS: dict[str, Any] = {"person": "-", "topic": "-", "depth": 0, "fear_before": 0,
                              "responsiveness": 4}


def field_label(name: str) -> str:
    """The label a field has on the entry form, in the current language (else the key)."""
    labels = {"person": _("Person (name or alias)"), "topic": _("Topic"),
              "depth": _("Depth, how personal"), "fear_before": _("Fear before"),
              "responsiveness": _("Their reaction overall"),
              "expected_reaction": _("Reaction you expected"), "understanding": _("Understood me"),
              "validation": _("Took me seriously"), "caring": _("Cared"),
              "feeling_after": _("Feeling afterwards"), "fear_after": _("Fear afterwards"),
              "safety_signals": _("Other signals (comma separated)"),
              "valence": _("What you shared was"), "when": _("When"), "note": _("Note"),
              "edited": _("Did you make it lighter or joke it away?"),
              "name": _("Person (name or alias)"), "relationship": _("relationship"),
              "power": _("power"), "person_a": _("First person"), "person_b": _("Second person"),
              "ios_before": _("closeness before"), "ios_after": _("closeness after"),
              "timer": _("Timer per set in minutes")}
    return labels.get(name, name)


def labelled(message: str) -> str:
    """A validation message with its leading JSON key (``person_a: ...``) swapped for the
    label the form shows, so error texts speak the page's language throughout."""
    name = error_field(message)
    label = field_label(name)
    if ":" not in message or label == name:
        return message
    return f"{label}: {message.split(':', 1)[1].strip()}"


def entry_errors(data: dict[str, Any]) -> list[FieldError]:
    """Every problem of a typed entry at once, each labelled as on the form.

    Part 1's validator stops at the first problem; so each problem found is noted, its field
    replaced by a valid stand-in (or left out when optional), and the entry checked again,
    until it passes. The messages keep part 1's wording with the JSON key swapped for the
    form's label, so a person reads "Depth, how personal: ..." and not "depth: ...".
    """
    probe = dict(data)
    found: list[FieldError] = []
    for _attempt in range(len(ENTRY_INTS) + len(ENTRY_TEXTS) + 2):
        try:
            Entry.from_dict(probe)
            return found
        except ValidationError as exc:
            message = str(exc)
        name = error_field(message)
        rest = message.split(":", 1)[1].strip() if ":" in message else message
        known = name in probe or name in _STAND_INS
        found.append(FieldError(name, f"{field_label(name)}: {rest}", rest) if known
                     else FieldError(name, message, message))
        if not known or any(f.field == name for f in found[:-1]):
            return found
        if name in _STAND_INS:
            probe[name] = _STAND_INS[name]
        else:
            probe.pop(name, None)
    return found
