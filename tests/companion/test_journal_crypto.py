"""Encryption at rest: wrong secrets fail clearly, tampering is caught, no plaintext on disk."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from nabij.companion import crypto
from nabij.companion.domain import Entry
from nabij.companion.journal import Journal
from nabij.companion.store import SqliteStore

MARKER = "ZEBRA-MARKER-4711"


def test_default_kdf_profile_is_strong(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NABIJ_KDF_PROFILE")
    p = crypto.kdf_profile()
    assert p.time_cost >= 3 and p.memory_cost_kib >= 64 * 1024 and p.parallelism >= 1


def test_wrap_unwrap_and_wrong_passphrase() -> None:
    master = crypto.new_master_key()
    slot = crypto.wrap_master_key(master, "secret words", "passphrase")
    again = crypto.KeySlot.from_bytes(slot.to_bytes())
    assert crypto.unwrap_master_key(again, "secret words") == master
    with pytest.raises(crypto.WrongPassphraseError, match="passphrase"):
        crypto.unwrap_master_key(again, "Secret words")


def test_slot_header_is_versioned_and_carries_kdf_params() -> None:
    slot = crypto.wrap_master_key(crypto.new_master_key(), "pw", "passphrase")
    text = slot.to_bytes().decode()
    for key in ('"v": 1', '"kdf": "argon2id"', "time_cost", "memory_cost_kib", "salt"):
        assert key in text
    other = crypto.wrap_master_key(crypto.new_master_key(), "pw", "passphrase")
    assert other.salt != slot.salt  # random salt per slot


def test_records_are_bound_to_their_id() -> None:
    key = crypto.new_master_key()
    sealed = crypto.seal_record(key, "a", b'{"x": 1}')
    assert crypto.open_record(key, "a", sealed).strip() == b'{"x": 1}'
    with pytest.raises(crypto.CryptoError, match="failed authentication"):
        crypto.open_record(key, "b", sealed)  # swapped row
    flipped = sealed[:-1] + bytes([sealed[-1] ^ 1])
    with pytest.raises(crypto.CryptoError):
        crypto.open_record(key, "a", flipped)
    assert (len(sealed) - 1 - 12 - 16) % crypto.PAD_TO == 0  # lengths are blurred


def _scan(path: Path) -> None:
    data = path.read_bytes()
    assert MARKER.encode() not in data, f"plaintext marker found in {path.name}"
    assert b"Robin" not in data


def test_database_wal_and_backup_hold_no_plaintext(journal_path: Path) -> None:
    store, _ = SqliteStore.create(journal_path, "pw-long-enough")
    j = Journal(store)
    for i in range(5):
        j.add_entry(Entry(person="Robin", topic=f"{MARKER} {i}", depth=40, fear_before=50,
                          responsiveness=5, note=MARKER))
    wal = journal_path.with_name(journal_path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the entries are in the WAL right now
    _scan(wal)
    _scan(journal_path)
    backup = store.backup()
    _scan(backup)
    store.close()
    _scan(journal_path)
    reopened = Journal(SqliteStore.open(journal_path, "pw-long-enough"))
    assert [e.note for e in reopened.entries()] == [MARKER] * 5
    reopened.store.close()


def test_wrong_passphrase_leaves_the_file_byte_identical(journal_path: Path) -> None:
    store, _ = SqliteStore.create(journal_path, "right passphrase")
    Journal(store).add_entry(Entry("Sam", "t", 10, 10, 5))
    store.close()
    before = hashlib.sha256(journal_path.read_bytes()).hexdigest()
    listing = sorted(p.name for p in journal_path.parent.iterdir())
    with pytest.raises(crypto.WrongPassphraseError, match="wrong passphrase"):
        SqliteStore.open(journal_path, "wrong passphrase")
    assert hashlib.sha256(journal_path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in journal_path.parent.iterdir()) == listing


def test_recovery_key_unlocks_and_is_normalised(journal_path: Path) -> None:
    store, key = SqliteStore.create(journal_path, "right passphrase", recovery=True)
    store.close()
    assert key is not None and len(key.replace("-", "")) == 25
    sloppy = key.lower().replace("-", " ")
    opened = SqliteStore.open(journal_path, crypto.format_recovery_key(sloppy), slot="recovery")
    opened.close()
