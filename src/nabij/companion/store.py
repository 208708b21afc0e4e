"""Where journal records live: a narrow Store protocol, an encrypted SQLite file and a twin.

The SQLite store holds one write connection in WAL mode with ``synchronous=FULL``; every
change is one ``BEGIN IMMEDIATE`` transaction, so a crash leaves either all of it or none
(datasette's habit: one writer, short transactions). Rows are ``(id, sealed)`` only: the kind
of record, its dates and all personal content are inside the AES-GCM ciphertext
(:mod:`nabij.companion.crypto`). Temporary tables stay in memory (``temp_store=MEMORY``) and
deleted pages are zeroed (``secure_delete``), so no plaintext or stale ciphertext lingers.

Unlocking only *reads*: a wrong passphrase leaves the file byte-identical. Migrations run
after unlocking and only after a verified backup.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import secrets
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Protocol

from nabij.companion import crypto
from nabij.companion.i18n import _

__all__ = [
    "APPLICATION_ID",
    "KEEP_AUTO_BACKUPS",
    "MIGRATIONS",
    "JournalError",
    "MemoryStore",
    "Record",
    "SqliteStore",
    "Store",
]

#: ``PRAGMA application_id`` of a nabij journal ("nabj"), so tools can recognise the file.
APPLICATION_ID = 0x6E61626A
#: Automatic backups kept per journal (the oldest are removed; manual ones are kept).
KEEP_AUTO_BACKUPS = 10


class JournalError(Exception):
    """The journal file is missing, already exists, or is not a nabij journal."""


@dataclass(frozen=True)
class Record:
    """One stored record: its kind (entry, confidant, ...), id and plain JSON payload."""

    kind: str
    id: str
    payload: dict[str, Any]


class Store(Protocol):
    """The seam between the journal and its storage (SQLite, or memory for tests)."""

    def put_many(self, records: Sequence[Record]) -> None:
        """Insert or replace all ``records`` atomically."""

    def records(self, kind: str | None = None) -> list[Record]:
        """All records, optionally of one kind, in no particular order."""

    def delete(self, record_id: str) -> bool:
        """Remove one record; whether it existed."""

    def close(self) -> None:
        """Release the store."""


class MemoryStore:
    """The in-memory twin of :class:`SqliteStore`: same behaviour, nothing on disk."""

    def __init__(self) -> None:
        self._rows: dict[str, Record] = {}

    def put_many(self, records: Sequence[Record]) -> None:
        """Insert or replace all ``records`` (copies, so callers cannot mutate the store)."""
        for r in records:
            self._rows[r.id] = Record(r.kind, r.id, json.loads(json.dumps(r.payload)))

    def records(self, kind: str | None = None) -> list[Record]:
        """All records, optionally of one kind."""
        return [r for r in self._rows.values() if kind is None or r.kind == kind]

    def delete(self, record_id: str) -> bool:
        """Remove one record."""
        return self._rows.pop(record_id, None) is not None

    def close(self) -> None:
        """Nothing to release."""


def _m1_initial(db: sqlite3.Connection) -> None:
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL) WITHOUT ROWID")
    db.execute("CREATE TABLE records (id TEXT PRIMARY KEY, sealed BLOB NOT NULL) WITHOUT ROWID")


#: Schema migrations, in order: (version, name, function). Never edit a released one;
#: append a new one (a backup is made and verified before any of them runs).
MIGRATIONS: list[tuple[int, str, Callable[[sqlite3.Connection], None]]] = [
    (1, "initial", _m1_initial),
]


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), isolation_level=None, timeout=10.0)
    db.execute("PRAGMA temp_store=MEMORY")
    return db


def _digest(sealed: bytes) -> str:
    """A short fingerprint of one sealed row, kept in the manifest."""
    return hashlib.sha256(sealed).hexdigest()[:32]


def _is_wal(path: Path) -> bool:
    """Whether the SQLite file at ``path`` is in WAL mode (header bytes 18 and 19 are 2)."""
    with path.open("rb") as fh:
        header = fh.read(20)
    return len(header) == 20 and header[18] == 2 and header[19] == 2


def _link_no_clobber(src: Path, dest: Path) -> None:
    """Give ``src`` the name ``dest`` atomically, failing if ``dest`` exists (a hard link)."""
    try:
        os.link(src, dest)
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: check, then rename
        if dest.exists():
            raise FileExistsError(str(dest)) from None
        os.replace(src, dest)


def _fsync_dir(folder: Path) -> None:
    """Make a new directory entry durable (POSIX; a no-op where directories cannot be opened)."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _copy_database(db: sqlite3.Connection, target: Path) -> None:
    """Copy ``db`` into the file ``target`` with SQLite's backup API (ciphertext only)."""
    copy = sqlite3.connect(str(target), isolation_level=None)
    try:
        db.backup(copy)
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


class SqliteStore:
    """An encrypted journal in one SQLite file. Build it with :meth:`create` or :meth:`open`."""

    def __init__(self, path: Path, db: sqlite3.Connection, master: bytes) -> None:
        self.path = path
        self._db = db
        self._master = master
        #: Records the last read could not open, id -> reason. One damaged row must not
        #: cost the rest: reads skip it, and the CLI and ``journal check`` report it.
        self.problems: dict[str, str] = {}

    # -- lifecycle -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, passphrase: str, *, recovery: bool = False,
               params: crypto.KdfParams | None = None) -> tuple[SqliteStore, str | None]:
        """Create a new journal; returns the store and the recovery key (shown once) if asked."""
        path = Path(path)
        if path.exists():
            raise JournalError(_("journal: {path} already exists; pick another --journal path")
                               .format(path=path))
        # Everything that can fail or be interrupted (the slow KDF, a bad KDF profile, Ctrl-C)
        # happens before the journal's name exists: the file is built under a temporary name
        # and linked into place complete, so no half-made journal ever blocks a command.
        master = crypto.new_master_key()
        slots = [crypto.wrap_master_key(master, passphrase, "passphrase", params)]
        recovery_key = crypto.new_recovery_key() if recovery else None
        if recovery_key:
            slots.append(crypto.wrap_master_key(master, recovery_key, "recovery", params))
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.creating")
        try:
            os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # owner-only
            cls._build(tmp, master, slots)
            _link_no_clobber(tmp, path)
        except FileExistsError:
            raise JournalError(_("journal: {path} already exists; pick another --journal path")
                               .format(path=path)) from None
        finally:
            for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm"), Path(f"{tmp}-journal")):
                leftover.unlink(missing_ok=True)
        _fsync_dir(path.parent)
        db = _connect(path)
        store = cls(path, db, master)
        store._configure()
        return store, recovery_key

    @classmethod
    def _build(cls, tmp: Path, master: bytes, slots: list[crypto.KeySlot]) -> None:
        """Write a complete new journal into ``tmp`` and close it (the WAL folded in)."""
        db = _connect(tmp)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA application_id={APPLICATION_ID}")
            store = cls(tmp, db, master)
            store._configure()
            with store._tx():
                store._migrate_in_tx()
                db.execute("INSERT INTO meta VALUES ('format', ?)", (b"nabij-journal",))
                for slot in slots:
                    db.execute("INSERT INTO meta VALUES (?, ?)",
                               (f"keyslot:{slot.name}", slot.to_bytes()))
                store._write_manifest({})
        finally:
            db.close()

    @classmethod
    def open(cls, path: Path, secret: str, *, slot: str = "passphrase",
             write: bool = True) -> SqliteStore:
        """Unlock an existing journal, reading only until the secret is proven right.

        With ``write=False`` a file that is not in WAL mode (a backup) or not writable is
        opened read-only (SQLite ``mode=ro``): nothing about it changes, not even its header.
        A problem with the file is named for what it is: missing, empty, read-only, damaged
        or truncated, or not a nabij journal.
        """
        path = Path(path)
        if not path.is_file():
            raise JournalError(_("journal: {path} does not exist; create it with `nabij "
                                 "journal init --journal PATH`").format(path=path))
        size = path.stat().st_size
        if size == 0:
            raise JournalError(_("journal: {path} is empty (0 bytes), probably left by an "
                                 "interrupted `init` of an older nabij; remove it, then run "
                                 "`nabij journal init` again").format(path=path))
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        read_only = not write and (not writable or not _is_wal(path))
        if write and not writable:
            raise JournalError(_("journal: {path} is read-only (or its folder is); nabij needs "
                                 "to write there. Check the permissions, or copy the file "
                                 "somewhere writable.").format(path=path))
        db = (sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
              if read_only else _connect(path))
        try:
            raw = cls._read_slot(db, path, slot)
            master = crypto.unwrap_master_key(crypto.KeySlot.from_bytes(raw), secret)
        except BaseException:
            db.close()
            raise
        store = cls(path, db, master)
        if not read_only:
            store._configure()
            store._migrate()
            store._ensure_manifest()
        return store

    @staticmethod
    def _read_slot(db: sqlite3.Connection, path: Path, slot: str) -> bytes:
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            row = db.execute("SELECT value FROM meta WHERE key = ?",
                             (f"keyslot:{slot}",)).fetchone()
        except sqlite3.DatabaseError as exc:
            size = path.stat().st_size
            if size < 512 or size % 512 or "malformed" in str(exc):
                raise JournalError(_("journal: {path} is damaged or truncated ({size} bytes; "
                                     "SQLite says: {error}). Restore it from a backup in "
                                     "{backups}").format(path=path, size=size, error=exc,
                                                         backups=f"{path.name}.backups")
                                   ) from None
            raise JournalError(_("journal: {path} is not a nabij journal").format(path=path)
                               + f" ({exc})") from None
        if app_id != APPLICATION_ID:
            raise JournalError(_("journal: {path} is not a nabij journal").format(path=path))
        if row is None:
            if slot == "recovery":
                raise JournalError(_("journal: this journal has no recovery key"))
            raise JournalError(_("journal: {path} has no key slot {slot}").format(
                path=path, slot=repr(slot)))
        return bytes(row[0])

    def _configure(self) -> None:
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.execute("PRAGMA secure_delete=ON")

    def close(self) -> None:
        """Checkpoint and close the one connection (removes the -wal and -shm files).

        Also drops this object's reference to the master key, so a locked web session keeps
        no key material reachable (Python cannot wipe the bytes themselves).
        """
        self._db.close()
        self._master = b""

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions and migrations ---------------------------------------------------------
    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def schema_version(self) -> int:
        """The highest applied migration (0 for an empty file)."""
        has = self._db.execute("SELECT 1 FROM sqlite_master WHERE name='schema_migrations'")
        if has.fetchone() is None:
            return 0
        row = self._db.execute("SELECT coalesce(max(version), 0) FROM schema_migrations")
        return int(row.fetchone()[0])

    def _migrate_in_tx(self) -> None:
        self._db.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                         "(version INTEGER PRIMARY KEY, name TEXT NOT NULL)")
        current = self.schema_version()
        for version, name, step in MIGRATIONS:
            if version > current:
                step(self._db)
                self._db.execute("INSERT INTO schema_migrations VALUES (?, ?)", (version, name))

    def _migrate(self) -> None:
        if self.schema_version() >= MIGRATIONS[-1][0]:
            return
        self.backup(reason="pre-migration")
        with self._tx():
            self._migrate_in_tx()

    # -- records -----------------------------------------------------------------------------
    def put_many(self, records: Sequence[Record]) -> None:
        """Seal and insert or replace all ``records`` in one transaction (manifest too)."""
        sealed = [(r.id, crypto.seal_record(self._master, r.id, json.dumps(
            {"kind": r.kind, "data": r.payload}, ensure_ascii=False, sort_keys=True).encode()))
            for r in records]
        with self._tx() as db:
            db.executemany("INSERT OR REPLACE INTO records (id, sealed) VALUES (?, ?)", sealed)
            manifest = self._manifest() or {}
            manifest.update({rid: _digest(blob) for rid, blob in sealed})
            self._write_manifest(manifest)

    # -- the manifest: integrity over the *set* of records ----------------------------------
    def _manifest(self) -> dict[str, str] | None:
        """The sealed list of record ids and ciphertext digests (``None``: none yet)."""
        row = self._db.execute("SELECT value FROM meta WHERE key='manifest'").fetchone()
        if row is None:
            return None
        try:
            found = json.loads(crypto.open_meta(self._master, "manifest", bytes(row[0])))
        except (crypto.CryptoError, ValueError):
            return {}
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def _write_manifest(self, manifest: dict[str, str]) -> None:
        blob = crypto.seal_meta(self._master, "manifest",
                                json.dumps(manifest, sort_keys=True).encode())
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('manifest', ?)", (blob,))

    def _ensure_manifest(self) -> None:
        """A journal from before the manifest gets one, trusting the rows it has now."""
        if self._manifest() is None:
            with self._tx() as db:
                rows = db.execute("SELECT id, sealed FROM records").fetchall()
                self._write_manifest({str(rid): _digest(bytes(b)) for rid, b in rows})

    def _set_problems(self, rows: dict[str, bytes]) -> dict[str, str]:
        """Rows missing, added or rolled back against the manifest, id -> reason."""
        manifest = self._manifest()
        if manifest is None:
            return {}
        found: dict[str, str] = {}
        for rid, digest in manifest.items():
            if rid not in rows:
                found[rid] = _("record {id}: missing (deleted outside nabij, or the file was "
                               "rolled back)").format(id=rid)
            elif _digest(rows[rid]) != digest:
                found[rid] = _("record {id}: not the version nabij last wrote (rolled back or "
                               "replaced outside nabij)").format(id=rid)
        for rid in rows.keys() - manifest.keys():
            found[rid] = _("record {id}: added outside nabij (not in the journal's sealed list "
                           "of records)").format(id=rid)
        return found

    def records(self, kind: str | None = None) -> list[Record]:
        """Open every record (a journal is small; there is deliberately no plaintext index).

        A record that does not open (a flipped bit, a tampered row) is skipped and noted in
        :attr:`problems`, so the rest stays readable and can be exported or backed up.
        """
        out = []
        rows = {str(rid): bytes(b) for rid, b in self._db.execute("SELECT id, sealed FROM records")}
        problems = self._set_problems(rows)
        for rid, sealed in rows.items():
            try:
                record = self._open(rid, sealed)
            except crypto.CryptoError as exc:
                problems[rid] = str(exc)
                continue
            if kind is None or record.kind == kind:
                out.append(record)
        self.problems = problems
        return out

    def _open(self, rid: str, sealed: bytes) -> Record:
        plain = crypto.open_record(self._master, rid, sealed)
        try:
            doc = json.loads(plain)
            return Record(str(doc["kind"]), rid, dict(doc["data"]))
        except (ValueError, KeyError, TypeError) as exc:
            raise crypto.CryptoError(_("record {id}: decrypted, but not a nabij record "
                                       "({error})").format(id=rid, error=type(exc).__name__)
                                     ) from None

    def check(self) -> dict[str, str]:
        """Verify everything: SQLite's integrity check, then every record; problems by id.

        File-level problems are listed under the key ``"file"``.
        """
        result = [str(r[0]) for r in self._db.execute("PRAGMA integrity_check")]
        found: dict[str, str] = {}
        if result != ["ok"]:
            found["file"] = "SQLite integrity check: " + "; ".join(result[:5])
        self.records()
        return {**found, **self.problems}

    def delete(self, record_id: str) -> bool:
        """Remove one record (its pages are zeroed by ``secure_delete``)."""
        with self._tx() as db:
            gone = db.execute("DELETE FROM records WHERE id = ?", (record_id,)).rowcount > 0
            manifest = self._manifest() or {}
            manifest.pop(record_id, None)
            self._write_manifest(manifest)
            return gone

    # -- keys --------------------------------------------------------------------------------
    def has_recovery_key(self) -> bool:
        """Whether a recovery key slot exists."""
        return self._db.execute("SELECT 1 FROM meta WHERE key='keyslot:recovery'"
                                ).fetchone() is not None

    def change_passphrase(self, new_passphrase: str) -> None:
        """Re-wrap the master key under a new passphrase; records are untouched."""
        slot = crypto.wrap_master_key(self._master, new_passphrase, "passphrase")
        with self._tx() as db:
            db.execute("UPDATE meta SET value=? WHERE key='keyslot:passphrase'",
                       (slot.to_bytes(),))

    def new_recovery_key(self) -> str:
        """Create (or replace) the recovery key slot; the key is returned to be shown once."""
        key = crypto.new_recovery_key()
        slot = crypto.wrap_master_key(self._master, key, "recovery")
        with self._tx() as db:
            db.execute("INSERT OR REPLACE INTO meta VALUES ('keyslot:recovery', ?)",
                       (slot.to_bytes(),))
        return key

    # -- backups -----------------------------------------------------------------------------
    def backup_dir(self) -> Path:
        """Backups live next to the journal, in ``<name>.backups/``."""
        return self.path.parent / f"{self.path.name}.backups"

    def backup(self, reason: str = "manual", dest: Path | None = None) -> Path:
        """Copy the journal (ciphertext only) with SQLite's backup API, then verify the copy."""
        target = Path(dest) if dest else self.backup_dir() / f"{_stamp()}-{reason}.db"
        if target.exists():
            raise JournalError(_("backup: {path} already exists").format(path=target))
        made_dir = not target.parent.exists()
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            target.touch(mode=0o600, exist_ok=False)
            _copy_database(self._db, target)
            self.verify_backup(target)
        except BaseException:
            # A failed backup (a full disk, Ctrl-C) leaves nothing that looks like one.
            for leftover in (target, target.with_name(target.name + "-journal")):
                leftover.unlink(missing_ok=True)
            if made_dir:
                with contextlib.suppress(OSError):
                    target.parent.rmdir()
            raise
        if reason != "manual" and dest is None:
            self._prune_backups()
        return target

    def verify_backup(self, target: Path) -> None:
        """Reopen a backup: integrity check, same key slots, the same rows byte for byte,
        and every record opens that opens in the journal (a damaged one is copied as it was,
        so the rest is salvaged and the damaged row can still be studied)."""
        check = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
        try:
            if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise JournalError(_("backup: {path} failed SQLite's integrity check").format(
                    path=target))
            theirs = dict(check.execute("SELECT id, sealed FROM records").fetchall())
            slots = check.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
        finally:
            check.close()
        ours = self._db.execute("SELECT key, value FROM meta ORDER BY key").fetchall()
        rows = dict(self._db.execute("SELECT id, sealed FROM records").fetchall())
        if slots != ours or theirs != rows:
            raise JournalError(_("backup: {path} does not match the journal").format(
                path=target))
        problems: dict[str, str] = {}
        for rid, sealed in theirs.items():
            try:
                self._open(str(rid), bytes(sealed))
            except crypto.CryptoError as exc:
                problems[str(rid)] = str(exc)
        self.problems = problems

    def _prune_backups(self) -> None:
        auto = sorted(p for p in self.backup_dir().glob("*.db") if not p.stem.endswith("manual"))
        for old in auto[:-KEEP_AUTO_BACKUPS]:
            old.unlink()
