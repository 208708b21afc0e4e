"""The journal file and its records stay whole: atomic creation, no id collisions, ..."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from journal_helpers import ENTRY, PW, make_journal, no_traceback, run

from nabij.companion import crypto
from nabij.companion.domain import Confidant, Entry, Reflection, ValidationError
from nabij.companion.journal import Journal
from nabij.companion.store import SqliteStore


# -- creating a journal is all or nothing ----------------------------------------------------
def test_ctrl_c_during_init_leaves_no_file(journal_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> crypto.KeySlot:
        raise KeyboardInterrupt
    monkeypatch.setattr(crypto, "wrap_master_key", interrupted)
    with pytest.raises(KeyboardInterrupt):
        SqliteStore.create(journal_path, PW)
    assert list(journal_path.parent.iterdir()) == []


def test_interrupted_while_writing_leaves_no_file(journal_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt
    monkeypatch.setattr(SqliteStore, "_migrate_in_tx", interrupted)
    with pytest.raises(KeyboardInterrupt):
        SqliteStore.create(journal_path, PW)
    assert list(journal_path.parent.iterdir()) == []


def test_a_bogus_kdf_profile_leaves_no_file(journal_path: Path) -> None:
    res = run("init", "--journal", str(journal_path), env={"NABIJ_KDF_PROFILE": "bogus"})
    no_traceback(res)
    assert res.exit_code != 0 and "NABIJ_KDF_PROFILE" in res.stderr
    assert not journal_path.exists()
    assert run("init", "--journal", str(journal_path)).exit_code == 0  # nothing blocks it


def test_a_new_journal_is_owner_only(journal_path: Path) -> None:
    SqliteStore.create(journal_path, PW)[0].close()
    assert journal_path.stat().st_mode & 0o777 == 0o600


# -- ids never collide across kinds ----------------------------------------------------------
@pytest.fixture
def journal(journal_path: Path) -> Path:
    return make_journal(journal_path, {"topic": "precious"})


def _ids(path: Path) -> tuple[str, str]:
    with SqliteStore.open(path, PW) as store:
        j = Journal(store)
        return j.entries()[0].id, j.confidants()[0].id


def _topics(path: Path) -> list[str]:
    with SqliteStore.open(path, PW) as store:
        return [e.topic for e in Journal(store).entries()]


def test_a_reflection_with_an_entrys_id_is_refused(journal: Path, tmp_path: Path) -> None:
    entry_id, _person = _ids(journal)
    source = tmp_path / "in.json"
    source.write_text(json.dumps({"reflections": [{"id": entry_id, "answers": {"q": "a"}}]}))
    res = run("import", str(source), "--journal", str(journal))
    no_traceback(res)
    assert res.exit_code != 0 and entry_id in res.stderr
    assert _topics(journal) == ["precious"]


def test_an_entry_with_a_confidants_id_is_refused(journal: Path) -> None:
    _entry, person_id = _ids(journal)
    res = run("add", "--journal", str(journal), "--json", "-",
              input=json.dumps({**ENTRY, "id": person_id}))
    no_traceback(res)
    assert res.exit_code != 0 and person_id in res.stderr
    with SqliteStore.open(journal, PW) as store:
        assert [c.id for c in Journal(store).confidants()] == [person_id]


def test_one_id_twice_in_one_import_is_refused(journal_path: Path) -> None:
    store, _ = SqliteStore.create(journal_path, PW)
    with store:
        data = {"entries": [{**ENTRY, "id": "same"}],
                "reflections": [{"id": "same", "answers": {"q": "a"}}]}
        with pytest.raises(ValidationError, match="same"):
            Journal(store).import_data(data)
        assert store.records() == []


def test_the_same_kind_may_replace_itself(journal_path: Path) -> None:
    store, _ = SqliteStore.create(journal_path, PW)
    with store:
        j = Journal(store)
        j.add_reflection(Reflection({"q": "first"}, id="r1"))
        j.add_reflection(Reflection({"q": "second"}, id="r1"))
        assert [r.answers["q"] for r in j.reflections()] == ["second"]
        j.add_confidant(Confidant("Sam", id="c1"))
        with pytest.raises(ValidationError):
            j.add_entry(Entry("Sam", "t", 10, 10, 5, id="c1"))


# -- sizes on disk do not tell the kind of record --------------------------------------------
def test_records_of_every_kind_fill_the_same_size_bucket(journal_path: Path) -> None:
    from nabij.companion.domain import Session

    store, _ = SqliteStore.create(journal_path, PW)
    with store:
        j = Journal(store)
        j.add_confidant(Confidant("Sam", id="c"))
        j.add_entry(Entry("Sam", "work stress", 30, 60, 6, note="It went fine, really. " * 8,
                          safety_signals=("calm_voice", "asked_follow_up"), id="e"))
        j.add_reflection(Reflection({"good": "Talking to Sam on Friday. " * 6}, id="r"))
        turns = [{"set": s, "question": q, "answered_by": "both", "skipped": False}
                 for s in (1, 2, 3) for q in range(1, 13)]
        j.add_session(Session.from_dict({"person_a": "Ann", "person_b": "Bo", "turns": turns,
                                         "ios_before": [3, 4], "ios_after": [5, 5],
                                         "id": "s"}))
    import sqlite3
    db = sqlite3.connect(journal_path)
    sizes = {rid: n for rid, n in db.execute("SELECT id, length(sealed) FROM records")}
    db.close()
    assert set(sizes) == {"c", "e", "r", "s"}
    assert len(set(sizes.values())) == 1, sizes


# -- damaged, read-only and backup files: the real reason, and nothing rewritten -------------
def test_an_empty_journal_file_says_so(journal_path: Path) -> None:
    journal_path.touch()
    res = run("list", "--journal", str(journal_path))
    no_traceback(res)
    assert res.exit_code != 0 and "empty" in res.stderr and "not a nabij journal" not in res.stderr


def test_a_truncated_journal_says_so(journal_path: Path, tmp_path: Path) -> None:
    make_journal(journal_path, {"topic": "x"})
    cut = tmp_path / "cut.db"
    cut.write_bytes(journal_path.read_bytes()[:1000])
    res = run("list", "--journal", str(cut))
    no_traceback(res)
    assert res.exit_code != 0 and "truncated" in res.stderr and "backup" in res.stderr


def test_a_read_only_journal_says_so_when_writing(journal_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    make_journal(journal_path, {"topic": "x"})
    monkeypatch.setattr("os.access", lambda path, mode: mode != os.W_OK)  # root ignores 0400
    res = run("add", "--journal", str(journal_path), "--json", "-", input=json.dumps(ENTRY))
    no_traceback(res)
    assert res.exit_code != 0 and "read-only" in res.stderr
    assert run("list", "--journal", str(journal_path)).exit_code == 0  # reading still works


def test_reading_a_backup_leaves_it_byte_identical(journal_path: Path, tmp_path: Path) -> None:
    make_journal(journal_path, {"topic": "x"})
    copy = tmp_path / "copy.db"
    assert run("backup", "--journal", str(journal_path), "--to", str(copy)).exit_code == 0
    before = copy.read_bytes()
    for command in (["list"], ["export"], ["check"], ["next"]):
        assert run(*command, "--journal", str(copy)).exit_code == 0, command
    assert copy.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("copy")) == ["copy.db"]
