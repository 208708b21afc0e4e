"""Input that used to crash: each gives a clear error, exits by itself and keeps what was typed.

A traceback loses what the person typed and says nothing useful, so every case here must end
with a message (``no_traceback``) and, where a person typed something, show it again.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from journal_helpers import ENTRY, make_journal, no_traceback, run

from nabij.companion import store as store_module


#: The answers to ``journal add``'s questions, in order, with depth given as ``depth``.
def _typed(depth: str, person: str = "Sam") -> str:
    return "\n".join([person, "work stress", depth, "", "40", "6", "", "", "", "", "n", "", "",
                      "a note I typed"]) + "\n"


@pytest.fixture
def journal(journal_path: Path) -> Path:
    return make_journal(journal_path, {})


def test_a_superscript_two_in_a_number_is_asked_again(journal: Path) -> None:
    # '²' is a digit to str.isdigit() but not to int(): a Belgian AZERTY key types it.
    res = run("add", "--journal", str(journal), input=_typed("²\n30"))
    no_traceback(res)
    assert res.exit_code == 0, res.output
    assert "whole number" in res.stderr


def test_a_typed_entry_that_fails_validation_is_shown_again(journal: Path) -> None:
    res = run("add", "--journal", str(journal), input=_typed("30", person="x" * 150))
    no_traceback(res)
    assert res.exit_code != 0 and "person" in res.stderr
    assert "a note I typed" in res.stdout  # printed, ready for `add --json -`
    assert json.loads(res.stdout.strip().splitlines()[-1])["note"] == "a note I typed"


BAD_RECORDS = {
    "date far in the future": json.dumps({**ENTRY, "when": "9999-12-31T23:59:59-01:00"}),
    "date far in the past": json.dumps({**ENTRY, "when": "0001-01-01T00:00:00+01:00"}),
    "a turn that is a number": json.dumps({"kind": "session", "person_a": "A",
                                           "person_b": "B", "turns": [1]}),
    "a 5000-digit integer": json.dumps(ENTRY)[:-1] + ', "depth": ' + "9" * 5000 + "}",
    "deeply nested JSON": '{"person": ' + "[" * 100_000 + "]" * 100_000 + "}",
    "a lone surrogate": json.dumps({**ENTRY, "note": "\ud800"}),
    "a list of pairs for answers": json.dumps({"kind": "reflection", "answers": [["a", "b"]]}),
    "a number for a name": json.dumps({"kind": "confidant", "name": 5}),
    "a string for the IOS pair": json.dumps({"kind": "session", "person_a": "A",
                                             "person_b": "B", "ios_before": "77"}),
    "a list of lists of safety signals": json.dumps({**ENTRY, "safety_signals": [["x"]]}),
}


@pytest.mark.parametrize("text", list(BAD_RECORDS.values()), ids=list(BAD_RECORDS))
def test_bad_json_records_give_a_clear_error(journal: Path, text: str) -> None:
    res = run("add", "--journal", str(journal), "--json", "-", input=text)
    no_traceback(res)
    assert res.exit_code != 0
    assert res.stderr.strip()


def test_a_non_utf8_import_file_gives_a_clear_error(journal: Path, tmp_path: Path) -> None:
    source = tmp_path / "latin1.json"
    source.write_bytes(json.dumps([{**ENTRY, "note": "caf\u00e9"}], ensure_ascii=False)
                       .encode("latin-1"))
    res = run("import", str(source), "--journal", str(journal))
    no_traceback(res)
    assert res.exit_code != 0 and "UTF-8" in res.stderr


@pytest.mark.parametrize("text", [BAD_RECORDS["date far in the future"],
                                  BAD_RECORDS["deeply nested JSON"],
                                  BAD_RECORDS["a 5000-digit integer"]])
def test_bad_imports_give_a_clear_error(journal: Path, tmp_path: Path, text: str) -> None:
    source = tmp_path / "bad.json"
    source.write_text("[" + text + "]", encoding="utf-8")
    res = run("import", str(source), "--journal", str(journal))
    no_traceback(res)
    assert res.exit_code != 0 and res.stderr.strip()


def _slot(path: Path) -> dict[str, object]:
    db = sqlite3.connect(path)
    (raw,) = db.execute("SELECT value FROM meta WHERE key='keyslot:passphrase'").fetchone()
    db.close()
    return json.loads(raw)


def _write_slot(path: Path, raw: bytes) -> None:
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value=? WHERE key='keyslot:passphrase'", (raw,))
    db.commit()
    db.close()


SLOT_DAMAGE = {
    "missing field": lambda s: {k: v for k, v in s.items() if k != "salt"},
    "missing parameter": lambda s: {k: v for k, v in s.items() if k != "time_cost"},
    "bad base64": lambda s: {**s, "nonce": "@@not base64@@"},
    "a JSON list": lambda s: [s],
    "huge memory cost": lambda s: {**s, "memory_cost_kib": 99999999999},
    "negative time cost": lambda s: {**s, "time_cost": -1},
    "text for a number": lambda s: {**s, "parallelism": "four"},
}


@pytest.mark.parametrize("damage", list(SLOT_DAMAGE.values()), ids=list(SLOT_DAMAGE))
def test_a_corrupt_key_slot_gives_a_clear_error(journal: Path, damage: object) -> None:
    _write_slot(journal, json.dumps(damage(_slot(journal))).encode())  # type: ignore[operator]
    before = journal.read_bytes()
    res = run("list", "--journal", str(journal))
    no_traceback(res)
    assert res.exit_code != 0 and "key slot" in res.stderr
    assert journal.read_bytes() == before


def test_export_into_a_missing_folder_gives_a_clear_error(journal: Path, tmp_path: Path) -> None:
    res = run("export", "--journal", str(journal), "--out", str(tmp_path / "missing/dir/x.json"))
    no_traceback(res)
    assert res.exit_code != 0 and "missing" in res.stderr


def test_a_backup_on_a_full_disk_fails_cleanly_and_leaves_no_file(
        journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(_db: sqlite3.Connection, _target: Path) -> None:
        raise sqlite3.OperationalError("database or disk is full")
    monkeypatch.setattr(store_module, "_copy_database", full)
    target = tmp_path / "backups" / "copy.db"
    res = run("backup", "--journal", str(journal), "--to", str(target))
    no_traceback(res)
    assert res.exit_code != 0 and "disk is full" in res.stderr
    assert not target.exists()
    auto = run("backup", "--journal", str(journal))
    assert auto.exit_code != 0
    assert not list((journal.parent / f"{journal.name}.backups").glob("*"))


def test_session_asks_again_for_an_unknown_answer(journal: Path) -> None:
    # Closeness before (3, 4); "x" is no answer and must not be recorded as "both".
    res = run("session", "Ann", "Bo", "--journal", str(journal),
              input="3\n4\nx\na\nstop\n5\n5\n")
    no_traceback(res)
    assert res.exit_code == 0, res.output
    export = json.loads(run("export", "--journal", str(journal)).stdout)
    (session,) = export["sessions"]
    assert [t["answered_by"] for t in session["turns"]] == ["a"]
