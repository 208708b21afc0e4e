"""The journal as the person sees it: confidants, entries, reflections, sessions, transfer.

A thin layer over any :class:`~nabij.companion.store.Store` that turns records into the
domain objects of :mod:`nabij.companion.domain` and back, and owns the export format. The
export is a JSON object (``format``, ``version`` and one list per kind) that import reads
back losslessly: ids, times and every field survive a round trip.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

from nabij.companion.domain import Confidant, Entry, Reflection, Session, ValidationError
from nabij.companion.i18n import _
from nabij.companion.store import Record, Store

__all__ = ["EXPORT_FORMAT", "EXPORT_VERSION", "Journal", "entries_to_csv"]

T = TypeVar("T")

EXPORT_FORMAT = "nabij-journal-export"
EXPORT_VERSION = 1


class Journal:
    """Domain-level access to one journal store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: Records that opened but are not valid domain objects, id -> reason.
        self.invalid: dict[str, str] = {}

    # -- reading ------------------------------------------------------------------------------
    def problems(self) -> dict[str, str]:
        """Records skipped by the reads so far (damaged, tampered or invalid), id -> reason."""
        return {**getattr(self.store, "problems", {}), **self.invalid}

    def _load(self, kind: str, build: Callable[[Mapping[str, Any]], T]) -> list[T]:
        found = []
        for r in self.store.records(kind):
            try:
                found.append(build(r.payload))
            except (ValidationError, TypeError, AttributeError) as exc:
                self.invalid[r.id] = _("record {id}: not a valid {kind} ({error})").format(
                    id=r.id, kind=kind, error=exc)
        return found

    def confidants(self) -> list[Confidant]:
        """Everyone in the journal, by name."""
        found = self._load("confidant", Confidant.from_dict)
        return sorted(found, key=lambda c: c.name.casefold())

    def confidant(self, name: str) -> Confidant | None:
        """The confidant called ``name`` (case-insensitive), if any."""
        key = name.strip().casefold()
        return next((c for c in self.confidants() if c.name.casefold() == key), None)

    def entries(self, person: str | None = None) -> list[Entry]:
        """Entries, oldest first, optionally only those with ``person``."""
        found = self._load("entry", Entry.from_dict)
        if person is not None:
            key = person.strip().casefold()
            found = [e for e in found if e.person.casefold() == key]
        return sorted(found, key=lambda e: (e.when, e.id))

    def reflections(self) -> list[Reflection]:
        """Reflections, oldest first."""
        found = self._load("reflection", Reflection.from_dict)
        return sorted(found, key=lambda r: (r.when, r.id))

    def sessions(self) -> list[Session]:
        """36-questions sessions, oldest first."""
        found = self._load("session", Session.from_dict)
        return sorted(found, key=lambda s: (s.when, s.id))

    def find_entry(self, prefix: str) -> Entry:
        """The one entry whose id starts with ``prefix`` (like a short git hash)."""
        hits = [e for e in self.entries() if e.id.startswith(prefix.strip())]
        if len(hits) != 1:
            raise ValidationError(_("id: {n} entries start with {prefix}; see `nabij journal "
                                    "list` for ids").format(n=len(hits), prefix=repr(prefix)))
        return hits[0]

    # -- writing ------------------------------------------------------------------------------
    def _put(self, records: list[Record]) -> None:
        """Write ``records`` atomically, refusing an id that another kind of record holds.

        The store keys rows by id alone, so without this check a reflection imported with an
        entry's id would silently replace the entry.
        """
        kinds: dict[str, str] = {}
        for r in records:
            if kinds.setdefault(r.id, r.kind) != r.kind:
                raise ValidationError(_("id {id}: given to both a {first} and a {second}; each "
                                        "record needs an id of its own").format(
                    id=r.id, first=kinds[r.id], second=r.kind))
        existing = {r.id: r.kind for r in self.store.records()}
        existing.update({rid: "damaged record" for rid in getattr(self.store, "problems", {})})
        for r in records:
            other = existing.get(r.id, r.kind)
            if other != r.kind:
                raise ValidationError(_("id {id}: already used by a {other} in this journal; a "
                                        "{kind} cannot take it over (leave the id out to get a "
                                        "new one)").format(id=r.id, other=other, kind=r.kind))
        self.store.put_many(records)

    def add_confidant(self, confidant: Confidant) -> Confidant:
        """Add or update a confidant (matched by name, keeping the existing id)."""
        existing = self.confidant(confidant.name)
        if existing is not None:
            confidant = Confidant(confidant.name, confidant.relationship, confidant.power,
                                  existing.id)
        self._put([Record("confidant", confidant.id, confidant.to_dict())])
        return confidant

    def add_entry(self, entry: Entry) -> Entry:
        """Add an entry; an unknown person becomes a new confidant in the same transaction."""
        records = [Record("entry", entry.id, entry.to_dict())]
        if self.confidant(entry.person) is None:
            c = Confidant(entry.person)
            records.append(Record("confidant", c.id, c.to_dict()))
        self._put(records)
        return entry

    def add_reflection(self, reflection: Reflection) -> Reflection:
        """Store a reflection."""
        self._put([Record("reflection", reflection.id, reflection.to_dict())])
        return reflection

    def add_session(self, session: Session) -> Session:
        """Store a 36-questions session."""
        self._put([Record("session", session.id, session.to_dict())])
        return session

    # -- transfer -----------------------------------------------------------------------------
    def export_data(self) -> dict[str, Any]:
        """Everything, as plain JSON-ready data (this is plaintext: handle it with care)."""
        return {
            "format": EXPORT_FORMAT,
            "version": EXPORT_VERSION,
            "confidants": [c.to_dict() for c in self.confidants()],
            "entries": [e.to_dict() for e in self.entries()],
            "reflections": [r.to_dict() for r in self.reflections()],
            "sessions": [s.to_dict() for s in self.sessions()],
        }

    def import_data(self, data: Mapping[str, Any] | Sequence[Any]) -> dict[str, int]:
        """Validate everything first, then write it in one transaction; returns counts.

        Accepts our export object or a bare list of entries. Records keep their ids, so
        importing the same export twice changes nothing.
        """
        if isinstance(data, Sequence) and not isinstance(data, str | bytes):
            data = {"entries": list(data)}
        # Items without an id get one derived from their content, so importing the same
        # file twice (a bare list, say) changes nothing instead of duplicating every item.
        if not isinstance(data, Mapping):
            raise ValidationError(_("import: expected a nabij export object or a list of "
                                    "entries"))
        if data.get("format", EXPORT_FORMAT) != EXPORT_FORMAT:
            raise ValidationError(_("import: format {format} is not a nabij export").format(
                format=repr(data.get("format"))))
        if int(data.get("version", EXPORT_VERSION)) > EXPORT_VERSION:
            raise ValidationError(_("import: this export is from a newer nabij; upgrade first"))

        def each(name: str) -> Iterable[Mapping[str, Any]]:
            items = data.get(name) or []
            if not isinstance(items, list) or not all(isinstance(i, Mapping) for i in items):
                raise ValidationError(_("{name}: must be a list of objects").format(name=name))
            return items

        def checked(name: str, i: int, build: Any, item: Mapping[str, Any]) -> Any:
            if "id" not in item:
                item = {**item, "id": _content_id(name, item)}
            try:
                return build(item)
            except ValidationError as exc:
                raise ValidationError(f"{name}[{i}]: {exc}") from None

        confidants = [checked("confidants", i, Confidant.from_dict, d)
                      for i, d in enumerate(each("confidants"))]
        entries = [checked("entries", i, Entry.from_dict, d)
                   for i, d in enumerate(each("entries"))]
        reflections = [checked("reflections", i, Reflection.from_dict, d)
                       for i, d in enumerate(each("reflections"))]
        sessions = [checked("sessions", i, Session.from_dict, d)
                    for i, d in enumerate(each("sessions"))]
        known = {c.name.casefold(): c for c in self.confidants()}
        records: list[Record] = []
        for c in confidants:
            same = known.get(c.name.casefold())
            if same is not None and same.id != c.id:
                records.append(Record("confidant", same.id, Confidant(
                    c.name, c.relationship, c.power, same.id).to_dict()))
            else:
                records.append(Record("confidant", c.id, c.to_dict()))
                known[c.name.casefold()] = c
        for e in entries:
            if e.person.casefold() not in known:
                new = Confidant(e.person)
                known[e.person.casefold()] = new
                records.append(Record("confidant", new.id, new.to_dict()))
        # An item already in the journal under its (given or derived) id is left as it is.
        # (Another kind under the same id is not skipped: _put refuses it.)
        have = {r.id: r.kind for r in self.store.records()}
        records += [Record("entry", e.id, e.to_dict()) for e in entries
                    if have.get(e.id) != "entry"]
        records += [Record("reflection", r.id, r.to_dict()) for r in reflections
                    if have.get(r.id) != "reflection"]
        records += [Record("session", s.id, s.to_dict()) for s in sessions
                    if have.get(s.id) != "session"]
        self._put(records)
        added = [r.kind for r in records if r.id not in have]
        return {"confidants": len(confidants), "entries": added.count("entry"),
                "reflections": added.count("reflection"), "sessions": added.count("session"),
                "unchanged": sum(x.id in have for x in (*entries, *reflections, *sessions))}


def _content_id(kind: str, item: Mapping[str, Any]) -> str:
    """A stable id for an imported item that has none: a hash of its kind and content."""
    try:
        canonical = json.dumps(item, sort_keys=True, ensure_ascii=True, default=str)
    except (TypeError, ValueError, RecursionError):
        canonical = repr(sorted(map(str, item)))
    return "imp-" + hashlib.sha256(f"{kind}|{canonical}".encode()).hexdigest()[:28]


CSV_FIELDS = ("id", "when", "person", "topic", "depth", "valence", "expected_reaction",
              "fear_before", "responsiveness", "understanding", "validation", "caring",
              "safety_signals", "edited", "feeling_after", "fear_after", "note")


#: A text cell starting with one of these is a formula to a spreadsheet (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: formulas get a leading ``'`` (OWASP's
    advice) and terminal control characters are dropped. Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    value = _CONTROL.sub("", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def entries_to_csv(entries: Sequence[Entry]) -> str:
    """Entries as CSV (one row each; safety signals joined with ``;``) for spreadsheets.

    Text that a spreadsheet would run as a formula (``=HYPERLINK(...)`` in a note, say) is
    neutralised with a leading apostrophe.
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for e in entries:
        row = e.to_dict()
        row["safety_signals"] = ";".join(e.safety_signals)
        writer.writerow({k: "" if row[k] is None else safe_cell(row[k]) for k in CSV_FIELDS})
    return buf.getvalue()
