"""Records validate with errors that name the field and its range, and round-trip."""

from __future__ import annotations

import pytest

from nabij.companion.domain import Confidant, Entry, Power, Reflection, Session, ValidationError

BASE = {"person": "Sam", "topic": "work", "depth": 30, "fear_before": 60,
        "responsiveness": 6, "note": "ok"}


@pytest.mark.parametrize(("field", "value", "needle"), [
    ("depth", 130, "depth: must be a whole number from 0 to 100"),
    ("fear_before", -1, "fear_before: must be a whole number from 0 to 100"),
    ("responsiveness", 8, "responsiveness: must be a whole number from 1 to 7"),
    ("responsiveness", 2.5, "responsiveness"),
    ("depth", True, "depth"),
    ("person", "  ", "person: must not be empty"),
    ("when", "yesterday", "when: expected an ISO 8601 date"),
    ("valence", "sad", "valence: must be one of positive, neutral, negative, mixed"),
])
def test_invalid_fields_are_named_with_their_range(field: str, value: object,
                                                   needle: str) -> None:
    with pytest.raises(ValidationError, match=needle.replace("(", r"\(")):
        Entry.from_dict({**BASE, field: value})


def test_missing_and_unknown_fields_are_reported() -> None:
    with pytest.raises(ValidationError, match="responsiveness: required"):
        Entry.from_dict({k: v for k, v in BASE.items() if k != "responsiveness"})
    with pytest.raises(ValidationError, match="unknown field"):
        Entry.from_dict({**BASE, "dept": 3})


def test_records_round_trip_through_plain_data() -> None:
    e = Entry.from_dict({**BASE, "safety_signals": ["calm_voice"], "edited": True,
                         "when": "2025-03-01T20:30:00+01:00", "understanding": 5})
    assert Entry.from_dict(e.to_dict()) == e
    assert e.when.isoformat() == "2025-03-01T19:30:00+00:00"
    c = Confidant.from_dict({"name": "Boss", "power": "they_have_power"})
    assert c.power is Power.THEY_HAVE_POWER and Confidant.from_dict(c.to_dict()) == c
    r = Reflection.from_dict({"answers": {"today": "call Sam"}})
    assert Reflection.from_dict(r.to_dict()) == r
    s = Session.from_dict({"person_a": "Ann", "person_b": "Bo", "ios_before": [2, 3],
                           "ios_after": [4, 4], "turns": [
                               {"set": 1, "question": 1, "answered_by": "both"},
                               {"set": 1, "question": 2, "answered_by": "a", "skipped": True}]})
    assert Session.from_dict(s.to_dict()) == s


def test_hurtful_reaction_is_low_responsiveness_or_bad_feeling() -> None:
    assert Entry.from_dict({**BASE, "responsiveness": 2}).hurtful
    assert Entry.from_dict({**BASE, "feeling_after": 10}).hurtful
    assert not Entry.from_dict({**BASE, "responsiveness": 3, "feeling_after": 60}).hurtful


def test_session_checks_ios_range() -> None:
    with pytest.raises(ValidationError, match="ios_before"):
        Session.from_dict({"person_a": "A", "person_b": "B", "ios_before": [0, 3]})
