"""One damaged record must not cost the rest: reads skip it and say so; check finds it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from journal_helpers import PW, flip_a_byte, make_journal, no_traceback, run

from nabij.companion.journal import Journal
from nabij.companion.store import Record, SqliteStore


@pytest.fixture
def damaged(journal_path: Path) -> tuple[Path, str]:
    """A journal of three entries, one of them (about "the bad one") damaged on disk."""
    make_journal(journal_path, {"topic": "first"}, {"topic": "the bad one"}, {"topic": "last"})
    with SqliteStore.open(journal_path, PW) as store:
        bad = next(e.id for e in Journal(store).entries() if e.topic == "the bad one")
    flip_a_byte(journal_path, bad)
    return journal_path, bad


@pytest.mark.parametrize("command", [["list"], ["people"], ["next"], ["review"],
                                     ["export"], ["export", "--format", "csv"]])
def test_reading_commands_skip_and_report_a_damaged_record(damaged: tuple[Path, str],
                                                           command: list[str]) -> None:
    path, bad = damaged
    res = run(*command, "--journal", str(path))
    no_traceback(res)
    assert res.exit_code == 0, res.output
    assert "1 record(s) could not be decrypted" in res.stderr and bad[:8] in res.stderr
    assert "the bad one" not in res.stdout


def test_export_salvages_everything_else(damaged: tuple[Path, str]) -> None:
    path, _bad = damaged
    res = run("export", "--journal", str(path))
    topics = {e["topic"] for e in json.loads(res.stdout)["entries"]}
    assert topics == {"first", "last"}


def test_backup_salvages_and_keeps_the_damaged_row_as_it_was(damaged: tuple[Path, str],
                                                             tmp_path: Path) -> None:
    path, bad = damaged
    target = tmp_path / "copy.db"
    res = run("backup", "--journal", str(path), "--to", str(target))
    no_traceback(res)
    assert res.exit_code == 0, res.output
    assert bad[:8] in res.stderr
    listing = run("export", "--journal", str(target))
    assert {e["topic"] for e in json.loads(listing.stdout)["entries"]} == {"first", "last"}


def test_check_names_the_damaged_record(damaged: tuple[Path, str]) -> None:
    path, bad = damaged
    res = run("check", "--journal", str(path))
    no_traceback(res)
    assert res.exit_code == 1
    assert bad in res.stdout + res.stderr


def test_check_passes_an_intact_journal(journal_path: Path) -> None:
    make_journal(journal_path, {"topic": "first"})
    res = run("check", "--journal", str(journal_path))
    assert res.exit_code == 0, res.output


# -- integrity over the set of records: a deleted row, a rolled-back row ---------------------
def _rows(path: Path) -> dict[str, bytes]:
    import sqlite3
    db = sqlite3.connect(path)
    rows = {rid: bytes(b) for rid, b in db.execute("SELECT id, sealed FROM records")}
    db.close()
    return rows


def _sql(path: Path, statement: str, *args: object) -> None:
    import sqlite3
    db = sqlite3.connect(path)
    db.execute(statement, args)
    db.commit()
    db.close()


def test_a_row_deleted_outside_nabij_is_detected(journal_path: Path) -> None:
    make_journal(journal_path, {"topic": "first"}, {"topic": "gone"})
    with SqliteStore.open(journal_path, PW) as store:
        gone = next(e.id for e in Journal(store).entries() if e.topic == "gone")
    _sql(journal_path, "DELETE FROM records WHERE id = ?", gone)
    res = run("check", "--journal", str(journal_path))
    assert res.exit_code == 1 and gone in res.stdout and "missing" in res.stdout
    assert gone[:8] in run("list", "--journal", str(journal_path)).stderr


def test_a_row_rolled_back_to_an_older_version_is_detected(journal_path: Path) -> None:
    make_journal(journal_path, {"topic": "first"})
    with SqliteStore.open(journal_path, PW) as store:
        j = Journal(store)
        entry = j.entries()[0]
        old = _rows(journal_path)[entry.id]
        store.put_many([Record("entry", entry.id, {**entry.to_dict(), "topic": "corrected"})])
    _sql(journal_path, "UPDATE records SET sealed = ? WHERE id = ?", old, entry.id)
    res = run("check", "--journal", str(journal_path))
    assert res.exit_code == 1 and entry.id in res.stdout and "rolled back" in res.stdout


def test_deleting_through_nabij_is_not_a_problem(journal_path: Path) -> None:
    make_journal(journal_path, {"topic": "first"}, {"topic": "second"})
    with SqliteStore.open(journal_path, PW) as store:
        assert store.delete(Journal(store).entries()[0].id)
    assert run("check", "--journal", str(journal_path)).exit_code == 0
