"""The SQLite store and its in-memory twin behave alike; migrations and keys are safe."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from nabij.companion import crypto, store
from nabij.companion.domain import Entry
from nabij.companion.journal import Journal
from nabij.companion.store import JournalError, MemoryStore, Record, SqliteStore, Store


@pytest.fixture(params=["memory", "sqlite"])
def any_store(request: pytest.FixtureRequest, journal_path: Path) -> Iterator[Store]:
    if request.param == "memory":
        s: Store = MemoryStore()
    else:
        s, _ = SqliteStore.create(journal_path, "a passphrase")
    yield s
    s.close()


def test_store_contract(any_store: Store) -> None:
    any_store.put_many([Record("entry", "1", {"a": 1}), Record("confidant", "2", {"b": "x"})])
    assert {r.id for r in any_store.records()} == {"1", "2"}
    assert [r.payload for r in any_store.records("entry")] == [{"a": 1}]
    any_store.put_many([Record("entry", "1", {"a": 2})])  # replace
    assert [r.payload for r in any_store.records("entry")] == [{"a": 2}]
    assert any_store.delete("1") and not any_store.delete("1")
    assert [r.id for r in any_store.records()] == ["2"]


def test_journal_adds_confidant_with_first_entry(any_store: Store) -> None:
    j = Journal(any_store)
    j.add_entry(Entry("Sam", "t", 10, 20, 5))
    j.add_entry(Entry("sam", "t", 15, 20, 6))
    assert [c.name for c in j.confidants()] == ["Sam"]
    assert len(j.entries("SAM")) == 2


def test_rows_hold_only_id_and_ciphertext(journal_path: Path) -> None:
    s, _ = SqliteStore.create(journal_path, "a passphrase")
    Journal(s).add_entry(Entry("Sam", "t", 10, 20, 5))
    s.close()
    db = sqlite3.connect(journal_path)
    cols = [r[1] for r in db.execute("PRAGMA table_info(records)")]
    keys = sorted(r[0] for r in db.execute("SELECT key FROM meta"))
    mode = db.execute("PRAGMA journal_mode").fetchone()[0]
    db.close()
    assert cols == ["id", "sealed"]
    assert keys == ["format", "keyslot:passphrase", "manifest"]
    assert mode == "wal"


def test_existing_or_missing_journal_gives_clear_errors(journal_path: Path) -> None:
    with pytest.raises(JournalError, match="does not exist"):
        SqliteStore.open(journal_path, "x")
    SqliteStore.create(journal_path, "a passphrase")[0].close()
    with pytest.raises(JournalError, match="already exists"):
        SqliteStore.create(journal_path, "a passphrase")
    other = journal_path.with_name("other.db")
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(JournalError, match="not a nabij journal"):
        SqliteStore.open(other, "x")


def test_passphrase_change_rewraps_only_the_key(journal_path: Path) -> None:
    s, _ = SqliteStore.create(journal_path, "old passphrase")
    Journal(s).add_entry(Entry("Sam", "t", 10, 20, 5))
    sealed_before = s._db.execute("SELECT id, sealed FROM records").fetchall()
    s.change_passphrase("new passphrase")
    assert s._db.execute("SELECT id, sealed FROM records").fetchall() == sealed_before
    s.close()
    with pytest.raises(crypto.WrongPassphraseError):
        SqliteStore.open(journal_path, "old passphrase")
    with SqliteStore.open(journal_path, "new passphrase") as again:
        assert len(again.records("entry")) == 1


def test_migration_is_preceded_by_a_verified_backup(journal_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    s, _ = SqliteStore.create(journal_path, "a passphrase")
    Journal(s).add_entry(Entry("Sam", "t", 10, 20, 5))
    s.close()
    ran: list[int] = []

    def m2(db: sqlite3.Connection) -> None:
        ran.append(2)
        db.execute("CREATE TABLE future (x)")

    monkeypatch.setattr(store, "MIGRATIONS", [*store.MIGRATIONS, (2, "future", m2)])
    with SqliteStore.open(journal_path, "a passphrase") as s2:
        assert s2.schema_version() == 2
        backups = list(s2.backup_dir().glob("*pre-migration.db"))
        assert len(backups) == 1
        s2.verify_backup(backups[0])
    assert ran == [2]
    with SqliteStore.open(journal_path, "a passphrase"):
        assert ran == [2]  # applied once


def test_backup_is_verified_and_opens(journal_path: Path) -> None:
    s, _ = SqliteStore.create(journal_path, "a passphrase")
    Journal(s).add_entry(Entry("Sam", "t", 10, 20, 5))
    target = s.backup()
    s.close()
    with SqliteStore.open(target, "a passphrase") as copy:
        assert len(copy.records("entry")) == 1


def test_failed_transaction_leaves_nothing(journal_path: Path) -> None:
    s, _ = SqliteStore.create(journal_path, "a passphrase")
    with pytest.raises(RuntimeError), s._tx() as db:
        db.execute("INSERT INTO records VALUES ('x', x'00')")
        raise RuntimeError("boom")
    assert s.records() == []
    s.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_journal_and_backups_are_owner_only(journal_path: Path) -> None:
    s, _ = SqliteStore.create(journal_path, "a passphrase")
    Journal(s).add_entry(Entry("Sam", "t", 10, 20, 5))
    backup = s.backup()
    s.close()
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert stat.S_IMODE(backup.parent.stat().st_mode) == 0o700
