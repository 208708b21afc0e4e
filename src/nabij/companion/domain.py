"""The journal's records: confidants, entries, reflections and 36-questions sessions.

Plain frozen dataclasses with one validating constructor each (``from_dict``), so that the
CLI, the JSON import and the tests all go through the same checks. Every error names the
field, the allowed range and the value that was given (house style: fail loudly and
helpfully). Scales follow the sources: depth is a 0-100 "dimmer", not a switch (seed 001);
responsiveness is rated 1-7 overall and on its three facets, understanding, validation and
caring (Reis & Shaver 1988; Reis & Clark 2013); closeness is the 1-7 Inclusion of Other in
the Self scale (Aron, Aron & Smollan 1992) as used by Aron et al. (1997).
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, TypeVar

from nabij.companion.i18n import _

__all__ = [
    "HURT_FEELING",
    "HURT_RESPONSIVENESS",
    "SAFETY_SIGNALS",
    "Confidant",
    "Entry",
    "Power",
    "Reflection",
    "Relationship",
    "Session",
    "Turn",
    "Valence",
    "ValidationError",
    "new_id",
    "now_utc",
    "parse_when",
]

E = TypeVar("E", bound=StrEnum)

#: An overall responsiveness at or below this (1-7) counts as a hurtful reaction: 2 is
#: "mostly dismissive"; the planner steps back after it (seed 001: not everyone deserves it).
HURT_RESPONSIVENESS = 2
#: A feeling afterwards (0-100) below this also marks the reaction as hurtful, even when the
#: other person seemed kind: what counts is how it landed (Reis & Shaver 1988: *perceived*).
HURT_FEELING = 25
#: Safety signals the person can tick (seed 001 names calm voice, steady breathing and warm
#: eye contact; the others are common signs of responsiveness). Free text is allowed too.
SAFETY_SIGNALS = (
    "calm_voice",
    "steady_breathing",
    "warm_eye_contact",
    "asked_follow_up",
    "kept_it_private",
    "shared_back",
    "respected_boundary",
)


class ValidationError(ValueError):
    """A record field is missing or outside its allowed range; the message names the field."""


class Relationship(StrEnum):
    """The kind of relationship with a confidant (seed 000: relationship type matters)."""

    PARTNER = "partner"
    FRIEND = "friend"
    FAMILY = "family"
    COLLEAGUE = "colleague"
    ACQUAINTANCE = "acquaintance"
    OTHER = "other"

    @classmethod
    def _missing_(cls, value: object) -> Relationship | None:
        """The simulator's words for the same relationships (friends, romantic, ...) work here too."""
        alias = {"friends": "friend", "partners": "partner", "romantic": "partner", "couple": "partner",
                 "colleagues": "colleague", "coworker": "colleague", "coworkers": "colleague",
                 "strangers": "acquaintance",
                 "stranger": "acquaintance", "acquaintances": "acquaintance"}.get(str(value).strip().lower())
        return cls(alias) if alias is not None else None


class Power(StrEnum):
    """Power context: who depends on whom (seed 000: disclosure at work is strategic)."""

    EQUAL = "equal"
    THEY_HAVE_POWER = "they_have_power"  # a manager, teacher, landlord ...
    I_HAVE_POWER = "i_have_power"  # someone who reports to me, a student ...


class Valence(StrEnum):
    """Whether what was shared was pleasant or painful to tell."""

    POSITIVE = "positive"
    NEUTRAL = "neutral"
    NEGATIVE = "negative"
    MIXED = "mixed"


def new_id() -> str:
    """A random record id (no time or order in it, so ids leak nothing)."""
    return uuid.uuid4().hex


def now_utc() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC).replace(microsecond=0)


def _show(value: Any) -> str:
    """``value`` for an error message: short, and safe for huge numbers and odd text."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**30:
        return _("a number with more than 30 digits")
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        return type(value).__name__
    return text if len(text) <= 80 else text[:77] + "..."


def _refuse_unknown(d: Mapping[str, Any], allowed: set[str]) -> None:
    """Unknown fields are an error (a typo must not vanish); ``kind`` is always allowed."""
    unknown = sorted(str(k) for k in set(d) - allowed - {"kind"})
    if unknown:
        raise ValidationError(_("unknown field(s) {unknown}; allowed: {known}").format(
            unknown=unknown, known=sorted(allowed | {"kind"})))


def _valid_text(value: str, name: str) -> str:
    """Refuse text that cannot be stored as UTF-8 (a lone surrogate from a broken paste)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValidationError(_("{name}: contains a broken character (a lone surrogate); "
                                "retype or paste it again").format(name=name)) from None
    return value


def parse_when(value: Any, name: str = "when") -> datetime:
    """An ISO 8601 date or datetime (naive means UTC) as an aware UTC datetime."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str):
        try:
            dt = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(_(
                "{name}: expected an ISO 8601 date such as 2025-03-01 or "
                "2025-03-01T20:30:00+01:00, got {value}").format(name=name, value=_show(value))
            ) from None
    else:
        raise ValidationError(_("{name}: expected an ISO 8601 date string, got {value}").format(
            name=name, value=_show(value)))
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    try:
        return dt.astimezone(UTC)
    except (OverflowError, ValueError):  # 0001-01-01 east of UTC, 9999-12-31 west of it
        raise ValidationError(_("{name}: {value} is outside the dates nabij can store (years 1 "
                                "to 9999 in UTC)").format(name=name, value=_show(value))
                              ) from None


def _int(d: Mapping[str, Any], name: str, low: int, high: int, *,
         required: bool = True) -> int | None:
    value = d.get(name)
    if value is None:
        if required:
            raise ValidationError(_("{name}: required, a whole number from {low} to {high}")
                                  .format(name=name, low=low, high=high))
        return None
    bad = ValidationError(_("{name}: must be a whole number from {low} to {high}, got {value}")
                          .format(name=name, low=low, high=high, value=_show(value)))
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise bad
    try:
        number = float(value)
    except (ValueError, OverflowError):
        raise bad from None
    if not number.is_integer() or not low <= number <= high:
        raise bad
    return int(number)


def _text(d: Mapping[str, Any], name: str, *, required: bool = True,
          max_len: int = 10_000) -> str:
    value = d.get(name)
    if value is None:
        if required:
            raise ValidationError(_("{name}: required, a non-empty text").format(name=name))
        return ""
    if not isinstance(value, str):
        raise ValidationError(_("{name}: must be text, got {value}").format(
            name=name, value=_show(value)))
    _valid_text(value, name)
    if required and not value.strip():
        raise ValidationError(_("{name}: must not be empty").format(name=name))
    if len(value) > max_len:
        raise ValidationError(_("{name}: at most {max} characters, got {n}").format(
            name=name, max=max_len, n=len(value)))
    return value


def _enum(d: Mapping[str, Any], name: str, kind: type[E], default: E) -> E:
    value = d.get(name)
    if value is None:
        return default
    try:
        return kind(str(value).strip().lower())
    except ValueError:
        allowed = ", ".join(m.value for m in kind)
        raise ValidationError(_("{name}: must be one of {allowed}; got {value}").format(
            name=name, allowed=allowed, value=_show(value))) from None


def _bool(d: Mapping[str, Any], name: str) -> bool:
    value = d.get(name, False)
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "ja", "1", "false",
                                                             "no", "nee", "0", ""}:
        return value.strip().lower() in {"true", "yes", "ja", "1"}
    raise ValidationError(_("{name}: must be true or false, got {value}").format(
        name=name, value=_show(value)))


def _id(d: Mapping[str, Any]) -> str:
    value = d.get("id")
    if value is None:
        return new_id()
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        raise ValidationError(_("{name}: must be a text of 1 to 64 characters, got {value}")
                              .format(name="id", value=_show(value)))
    return _valid_text(value, "id")


@dataclass(frozen=True)
class Confidant:
    """Someone the person practises opening up with (a name or an alias is enough)."""

    name: str
    relationship: Relationship = Relationship.FRIEND
    power: Power = Power.EQUAL
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Confidant:
        """Validate and build a confidant from plain data (unknown fields are an error)."""
        _refuse_unknown(d, {"id", "name", "relationship", "power"})
        return cls(
            name=_text(d, "name", max_len=100).strip(),
            relationship=_enum(d, "relationship", Relationship, Relationship.FRIEND),
            power=_enum(d, "power", Power, Power.EQUAL),
            id=_id(d),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; ``from_dict(to_dict())`` gives back an equal object."""
        return {"id": self.id, "name": self.name, "relationship": self.relationship.value,
                "power": self.power.value}


@dataclass(frozen=True)
class Entry:
    """One moment of opening up: what was shared, how it was feared and how it was met."""

    person: str
    topic: str
    depth: int
    fear_before: int
    responsiveness: int
    note: str = ""
    when: datetime = field(default_factory=now_utc)
    valence: Valence = Valence.NEUTRAL
    expected_reaction: int | None = None  # 1-7, same scale as ``responsiveness``
    understanding: int | None = None
    validation: int | None = None
    caring: int | None = None
    safety_signals: tuple[str, ...] = ()
    edited: bool = False  # made it lighter or joked it away afterwards (seed 001)
    feeling_after: int | None = None  # 0 very bad - 100 very good
    fear_after: int | None = None  # 0-100
    id: str = field(default_factory=new_id)

    @property
    def hurtful(self) -> bool:
        """Whether the reaction hurt: dismissive (<= 2 of 7) or it left the person feeling bad."""
        return self.responsiveness <= HURT_RESPONSIVENESS or (
            self.feeling_after is not None and self.feeling_after < HURT_FEELING)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Entry:
        """Validate and build an entry; unknown fields are an error (typos must not vanish)."""
        known = {f for f in cls.__dataclass_fields__} | {"kind"}
        unknown = sorted(set(d) - known)
        if unknown:
            raise ValidationError(_("unknown field(s) {unknown}; allowed: {known}").format(
                unknown=unknown, known=sorted(known)))
        signals = d.get("safety_signals") or ()
        if isinstance(signals, str):
            signals = [s for s in signals.replace(",", ";").split(";")]
        if not isinstance(signals, list | tuple) or not all(isinstance(s, str) for s in signals):
            raise ValidationError(_("{name}: must be a list of short texts, e.g. {examples}")
                                  .format(name="safety_signals",
                                          examples=list(SAFETY_SIGNALS[:3])))
        cleaned = tuple(_valid_text(s, "safety_signals").strip() for s in signals if s.strip())
        if any(len(s) > 80 for s in cleaned):
            raise ValidationError(_("{name}: each signal at most 80 characters").format(
                name="safety_signals"))
        return cls(
            person=_text(d, "person", max_len=100).strip(),
            topic=_text(d, "topic", max_len=500),
            depth=_int(d, "depth", 0, 100),  # type: ignore[arg-type]
            fear_before=_int(d, "fear_before", 0, 100),  # type: ignore[arg-type]
            responsiveness=_int(d, "responsiveness", 1, 7),  # type: ignore[arg-type]
            note=_text(d, "note", required=False),
            when=parse_when(d["when"]) if d.get("when") is not None else now_utc(),
            valence=_enum(d, "valence", Valence, Valence.NEUTRAL),
            expected_reaction=_int(d, "expected_reaction", 1, 7, required=False),
            understanding=_int(d, "understanding", 1, 7, required=False),
            validation=_int(d, "validation", 1, 7, required=False),
            caring=_int(d, "caring", 1, 7, required=False),
            safety_signals=cleaned,
            edited=_bool(d, "edited"),
            feeling_after=_int(d, "feeling_after", 0, 100, required=False),
            fear_after=_int(d, "fear_after", 0, 100, required=False),
            id=_id(d),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data; ``from_dict(to_dict())`` gives back an equal object."""
        d = asdict(self)
        d["when"] = self.when.isoformat()
        d["valence"] = self.valence.value
        d["safety_signals"] = list(self.safety_signals)
        return d


@dataclass(frozen=True)
class Reflection:
    """Answers to the reflection questions (seed 003: write down how it went, regularly)."""

    answers: Mapping[str, str]
    when: datetime = field(default_factory=now_utc)
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Reflection:
        """Validate and build a reflection: ``answers`` maps question ids to free text."""
        _refuse_unknown(d, {"id", "when", "answers"})
        answers = d.get("answers")
        if not isinstance(answers, Mapping) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in answers.items()):
            raise ValidationError(_("{name}: must map question ids to answer texts").format(
                name="answers"))
        for key, text in answers.items():
            _valid_text(key, "answers")
            _valid_text(text, "answers")
        when = parse_when(d["when"]) if d.get("when") is not None else now_utc()
        return cls(answers=dict(answers), when=when, id=_id(d))

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"id": self.id, "when": self.when.isoformat(), "answers": dict(self.answers)}


@dataclass(frozen=True)
class Turn:
    """One question of a 36-questions session: which set and question, who answered."""

    set: int  # 1-3
    question: int  # 1-12
    answered_by: str  # "a", "b" or "both"
    skipped: bool = False

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Turn:
        """Validate and build a turn (one object with set, question and answered_by)."""
        if not isinstance(d, Mapping):
            raise ValidationError(_("{name}: each turn must be an object with set, question and "
                                    "answered_by; got {value}").format(name="turns",
                                                                       value=_show(d)))
        _refuse_unknown(d, {"set", "question", "answered_by", "skipped"})
        who = d.get("answered_by")
        if who not in {"a", "b", "both"}:
            raise ValidationError(_("{name}: must be a, b or both; got {value}").format(
                name="answered_by", value=_show(who)))
        return cls(set=_int(d, "set", 1, 3),  # type: ignore[arg-type]
                   question=_int(d, "question", 1, 12),  # type: ignore[arg-type]
                   answered_by=str(who), skipped=_bool(d, "skipped"))


@dataclass(frozen=True)
class Session:
    """A 36-questions session for two people (Aron et al. 1997), with IOS before and after."""

    person_a: str
    person_b: str
    turns: tuple[Turn, ...] = ()
    ios_before: tuple[int, int] | None = None  # (a, b), each 1-7
    ios_after: tuple[int, int] | None = None
    when: datetime = field(default_factory=now_utc)
    id: str = field(default_factory=new_id)

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Session:
        """Validate and build a session (unknown fields are an error)."""
        _refuse_unknown(d, {"id", "when", "person_a", "person_b", "turns", "ios_before",
                            "ios_after"})
        def pair(name: str) -> tuple[int, int] | None:
            v = d.get(name)
            if v is None:
                return None
            if not isinstance(v, list | tuple) or len(v) != 2:
                raise ValidationError(_("{name}: must be two IOS ratings [a, b], each 1 to 7")
                                      .format(name=name))
            a = _int({name: v[0]}, name, 1, 7)
            b = _int({name: v[1]}, name, 1, 7)
            return (a, b)  # type: ignore[return-value]
        turns = d.get("turns") or []
        if not isinstance(turns, list | tuple):
            raise ValidationError(_("{name}: must be a list of turns").format(name="turns"))
        return cls(
            person_a=_text(d, "person_a", max_len=100).strip(),
            person_b=_text(d, "person_b", max_len=100).strip(),
            turns=tuple(Turn.from_dict(t) for t in turns),
            ios_before=pair("ios_before"), ios_after=pair("ios_after"),
            when=parse_when(d["when"]) if d.get("when") is not None else now_utc(),
            id=_id(d),
        )

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {"id": self.id, "when": self.when.isoformat(), "person_a": self.person_a,
                "person_b": self.person_b, "turns": [asdict(t) for t in self.turns],
                "ios_before": list(self.ios_before) if self.ios_before else None,
                "ios_after": list(self.ios_after) if self.ios_after else None}
