"""Property: export -> import into another journal -> export gives the same records."""

from __future__ import annotations

import tempfile
from datetime import UTC, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from nabij.companion.domain import SAFETY_SIGNALS, Entry, Reflection, Session, Turn, Valence
from nabij.companion.journal import Journal
from nabij.companion.store import MemoryStore, SqliteStore

names = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                min_size=1, max_size=20).filter(lambda s: s.strip() == s and s.strip() != "")
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
optional_1_7 = st.none() | st.integers(1, 7)
optional_0_100 = st.none() | st.integers(0, 100)
whens = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1),
                     timezones=st.just(UTC)).map(lambda d: d.replace(microsecond=0))

entries = st.builds(
    Entry, person=names, topic=texts.filter(lambda s: s.strip() != ""),
    depth=st.integers(0, 100), fear_before=st.integers(0, 100),
    responsiveness=st.integers(1, 7), note=texts, when=whens,
    valence=st.sampled_from(Valence), expected_reaction=optional_1_7,
    understanding=optional_1_7, validation=optional_1_7, caring=optional_1_7,
    safety_signals=st.lists(st.sampled_from(SAFETY_SIGNALS), max_size=3).map(tuple),
    edited=st.booleans(), feeling_after=optional_0_100, fear_after=optional_0_100)

reflections = st.builds(Reflection, answers=st.dictionaries(
    st.sampled_from(["where", "beliefs", "good", "today"]), texts, max_size=3), when=whens)
ios_pairs = st.none() | st.tuples(st.integers(1, 7), st.integers(1, 7))
sessions = st.builds(
    Session, person_a=names, person_b=names, when=whens, ios_before=ios_pairs,
    ios_after=ios_pairs, turns=st.lists(st.builds(
        Turn, set=st.integers(1, 3), question=st.integers(1, 12),
        answered_by=st.sampled_from(["a", "b", "both"]), skipped=st.booleans()),
        max_size=4).map(tuple))


@settings(max_examples=25, deadline=None)
@given(st.lists(entries, max_size=6), st.lists(reflections, max_size=2),
       st.lists(sessions, max_size=2))
def test_export_import_round_trip_is_lossless(batch: list[Entry], refl: list[Reflection],
                                              sess: list[Session]) -> None:
    source = Journal(MemoryStore())
    for e in batch:
        source.add_entry(e)
    for r in refl:
        source.add_reflection(r)
    for s in sess:
        source.add_session(s)
    exported = source.export_data()
    with tempfile.TemporaryDirectory() as tmp:
        store, _ = SqliteStore.create(Path(tmp) / "other.db", "round trip pass")
        target = Journal(store)
        target.import_data(exported)
        again = target.export_data()
        target.import_data(exported)  # idempotent: importing twice changes nothing
        twice = target.export_data()
        store.close()
    assert again["entries"] == exported["entries"]
    assert twice["entries"] == exported["entries"]
    assert again["reflections"] == exported["reflections"]
    assert again["sessions"] == exported["sessions"]
    assert sorted(e.id for e in batch) == sorted(e["id"] for e in again["entries"])
    assert {c["name"].casefold() for c in again["confidants"]} == {
        e.person.casefold() for e in batch}


@settings(max_examples=25, deadline=None)
@given(entries)
def test_entry_survives_plain_data(entry: Entry) -> None:
    assert Entry.from_dict(entry.to_dict()) == entry
