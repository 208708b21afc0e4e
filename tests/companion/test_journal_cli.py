"""The CLI as a user and a script use it: init, add, list, show, people, next, review, ..."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from journal_helpers import ENTRY, PW, run

from nabij.companion.journal import Journal


@pytest.fixture
def journal(journal_path: Path) -> Path:
    res = run("init", "--journal", str(journal_path))
    assert res.exit_code == 0, res.output
    for extra in ({}, {"depth": 33, "safety_signals": ["calm_voice"]},
                  {"depth": 35, "topic": "my father"}):
        res = run("add", "--journal", str(journal_path), "--json", "-",
                  input=json.dumps({**ENTRY, **extra}))
        assert res.exit_code == 0, res.output
    return journal_path


def test_init_shows_the_not_therapy_notice_and_refuses_to_overwrite(journal_path: Path) -> None:
    res = run("init", "--journal", str(journal_path))
    assert res.exit_code == 0
    assert "not therapy" in res.stderr and "113.nl" in res.stderr
    again = run("init", "--journal", str(journal_path))
    assert again.exit_code != 0 and "already exists" in again.stderr


def test_add_list_show_people_next(journal: Path) -> None:
    listing = run("list", "--journal", str(journal))
    assert listing.exit_code == 0 and "work stress" in listing.stdout
    short = listing.stdout.split("│")[1].strip()
    shown = run("show", short, "--journal", str(journal))
    assert shown.exit_code == 0 and "went fine" in shown.stdout
    people = run("people", "--journal", str(journal))
    assert people.exit_code == 0 and "Sam" in people.stdout
    nxt = run("next", "--journal", str(journal))
    assert nxt.exit_code == 0
    assert "Next step: with Sam" in nxt.stdout and "10%" in nxt.stdout


def test_invalid_json_entry_names_the_field(journal: Path) -> None:
    res = run("add", "--journal", str(journal), "--json", "-",
              input=json.dumps({**ENTRY, "depth": 130}))
    assert res.exit_code == 1 and "depth" in res.stderr and "0 to 100" in res.stderr


def test_wrong_passphrase_clear_message_nonzero_exit_file_untouched(journal: Path) -> None:
    before = hashlib.sha256(journal.read_bytes()).hexdigest()
    names = sorted(p.name for p in journal.parent.iterdir())
    for command in (["list"], ["add", "--json", "-"], ["export"], ["passwd"]):
        res = run(*command, "--journal", str(journal), pw="not the passphrase",
                  input=json.dumps(ENTRY))
        assert res.exit_code == 2
        assert "passphrase" in res.stderr.lower()
    assert hashlib.sha256(journal.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in journal.parent.iterdir()) == names


def test_interactive_passphrase_is_asked_first_and_retried(journal: Path) -> None:
    typed = "\n".join(["wrong one", PW, "Kim", "a worry", "20", "", "70", "5", "", "", "",
                       "calm_voice", "n", "", "", "typed note"]) + "\n"
    res = run("add", "--journal", str(journal), input=typed, pw=None)
    assert res.exit_code == 0, res.output
    assert res.output.index("Passphrase") < res.output.index("Person")
    notes = run("export", "--journal", str(journal)).stdout
    assert "typed note" in notes and "Kim" in notes
    three_wrong = run("list", "--journal", str(journal), input="a\nb\nc\n", pw=None)
    assert three_wrong.exit_code == 2


def test_typed_entry_survives_a_store_failure(journal: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(self: Journal, entry: Any) -> Any:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(Journal, "add_entry", broken)
    res = run("add", "--journal", str(journal), "--json", "-",
              input=json.dumps({**ENTRY, "note": "precious words"}))
    assert res.exit_code != 0 and "precious words" in res.stdout


def test_export_import_round_trip_and_csv(journal: Path, tmp_path: Path) -> None:
    exported = run("export", "--journal", str(journal), "--format", "json")
    assert exported.exit_code == 0 and "NOT encrypted" in exported.stderr
    data = json.loads(exported.stdout)
    assert len(data["entries"]) == 3
    (tmp_path / "out.json").write_text(exported.stdout, encoding="utf-8")
    other = tmp_path / "other.db"
    assert run("init", "--journal", str(other)).exit_code == 0
    imported = run("import", "--journal", str(other), str(tmp_path / "out.json"))
    assert imported.exit_code == 0, imported.output
    again = json.loads(run("export", "--journal", str(other)).stdout)
    assert again["entries"] == data["entries"]
    assert list((tmp_path / "other.db.backups").glob("*pre-import.db"))
    csv = run("export", "--journal", str(journal), "--format", "csv")
    assert csv.exit_code == 0 and csv.stdout.splitlines()[0].startswith("id,when,person")
    assert len(csv.stdout.splitlines()) == 4
    bad = run("export", "--journal", str(journal), "--format", "xml")
    assert bad.exit_code == 2


def test_passwd_and_recovery_key(journal: Path) -> None:
    res = run("passwd", "--journal", str(journal), "--new-recovery-key",
              env={"NABIJ_NEW_PASSPHRASE": "a brand new passphrase"})
    assert res.exit_code == 0, res.output
    key = res.stdout.strip().splitlines()[-1]
    assert run("list", "--journal", str(journal)).exit_code == 2
    assert run("list", "--journal", str(journal), pw="a brand new passphrase").exit_code == 0
    reset = run("passwd", "--journal", str(journal), "--use-recovery-key", pw=None,
                env={"NABIJ_RECOVERY_KEY": key.lower(), "NABIJ_NEW_PASSPHRASE": PW})
    assert reset.exit_code == 0, reset.output
    assert run("list", "--journal", str(journal)).exit_code == 0
    assert len(list(journal.parent.glob("journal.db.backups/*pre-passwd.db"))) == 2


def test_backup_review_and_people_edit(journal: Path, tmp_path: Path) -> None:
    res = run("backup", "--journal", str(journal), "--to", str(tmp_path / "b.db"))
    assert res.exit_code == 0 and "verified" in res.stderr
    review = run("review", "--journal", str(journal))
    assert review.exit_code == 0
    assert "kinder than you feared" in review.stdout and "reflect" in review.stdout
    assert "rejection sensitivity: not enough data yet" in review.stdout  # a handful of entries
    answered = run("review", "--journal", str(journal), "--reflect",
                   input="at home\n\n\n\n\ncall Sam\n")
    assert answered.exit_code == 0 and "Reflection saved" in answered.stderr
    data = json.loads(run("export", "--journal", str(journal)).stdout)
    assert data["reflections"][0]["answers"] == {"where": "at home", "today": "call Sam"}
    edit = run("people", "--journal", str(journal), "--edit", "Sam", "--power",
               "they_have_power", "--relationship", "colleague")
    assert edit.exit_code == 0 and "they have power" in edit.stdout
    assert "power difference" in run("next", "--journal", str(journal)).stdout


def test_dutch_output(journal: Path) -> None:
    nxt = run("next", "--journal", str(journal), "--lang", "nl")
    assert nxt.exit_code == 0 and "Volgende stap: met Sam" in nxt.stdout
    # the advice sentence itself is Dutch, whether it starts from last time or from the usual
    assert "meer dan vorige keer" in nxt.stdout or "meer dan gewoonlijk" in nxt.stdout
    assert "more than" not in nxt.stdout
    people = run("people", "--journal", str(journal), env={"LANG": "nl_NL.UTF-8"})
    assert "Personen" in people.stdout
    wrong = run("list", "--journal", str(journal), "--lang", "nl", pw="fout")
    assert wrong.exit_code == 2 and "wachtzin" in wrong.stderr.lower()
    assert run("list", "--journal", str(journal), "--lang", "fr").exit_code == 2


def test_journal_path_from_environment(journal: Path) -> None:
    res = run("list", env={"NABIJ_JOURNAL": str(journal)})
    assert res.exit_code == 0 and "work stress" in res.stdout


def test_other_record_kinds_via_json(journal: Path) -> None:
    session = {"kind": "session", "person_a": "Ann", "person_b": "Bo", "ios_before": [2, 2],
               "ios_after": [4, 5], "turns": [{"set": 1, "question": 1, "answered_by": "both"}]}
    assert run("add", "--journal", str(journal), "--json", "-",
               input=json.dumps(session)).exit_code == 0
    boss = {"kind": "confidant", "name": "Boss", "power": "they_have_power"}
    assert run("add", "--journal", str(journal), "--json", "-",
               input=json.dumps(boss)).exit_code == 0
    data = json.loads(run("export", "--journal", str(journal)).stdout)
    assert data["sessions"][0]["ios_after"] == [4, 5]
    assert {c["name"] for c in data["confidants"]} == {"Boss", "Sam"}


def test_what_if_projection(journal: Path) -> None:
    res = run("next", "--journal", str(journal), "--what-if", "--weeks", "3")
    assert res.exit_code == 0, res.output
    assert "What if" in res.stdout and "not a prediction" in res.stdout
    nl = run("whatif", "Sam", "--journal", str(journal), "--weeks", "2", "--lang", "nl")
    assert nl.exit_code == 0 and "Stel dat" in nl.stdout
    missing = run("whatif", "Nobody", "--journal", str(journal))
    assert missing.exit_code == 1 and "Nobody" in missing.stderr


def test_guided_36_questions_session_is_recorded(journal: Path) -> None:
    typed = "\n".join(["2", "3", "both", "a", "skip", "stop", "4", "5"]) + "\n"
    res = run("session", "Ann", "Bo", "--journal", str(journal), input=typed)
    assert res.exit_code == 0, res.output
    assert "[1.1]" in res.stdout and "[1.4]" in res.stdout and "[1.5]" not in res.stdout
    data = json.loads(run("export", "--journal", str(journal)).stdout)
    s = data["sessions"][0]
    assert s["ios_before"] == [2, 3] and s["ios_after"] == [4, 5]
    assert [(t["answered_by"], t["skipped"]) for t in s["turns"]] == [
        ("both", False), ("a", False), ("both", True)]
    review = run("review", "--journal", str(journal))
    assert "Ann & Bo" in review.stdout and "2/36" in review.stdout


def test_user_text_is_never_read_as_markup(journal: Path) -> None:
    odd = {**ENTRY, "person": "[red]Al[/red]", "topic": "[/x] a closing tag"}
    assert run("add", "--journal", str(journal), "--json", "-",
               input=json.dumps(odd)).exit_code == 0
    for command in (["list"], ["people"], ["next"], ["review"]):
        res = run(*command, "--journal", str(journal))
        assert res.exit_code == 0, res.output
        assert "[red]Al[/red]" in res.stdout


def test_passphrase_length_rules(tmp_path: Path) -> None:
    short = run("init", "--journal", str(tmp_path / "a.db"), pw="abc")
    assert short.exit_code == 0 and "shorter than 8" in short.stderr  # scripts: a warning
    typed = run("init", "--journal", str(tmp_path / "b.db"), pw=None, input="abc\nabc\n")
    assert typed.exit_code == 1 and "at least 8" in typed.stderr
    assert not (tmp_path / "b.db").exists()
    empty = run("init", "--journal", str(tmp_path / "c.db"), pw="")
    assert empty.exit_code == 1 and "empty" in empty.stderr


def test_validation_errors_in_dutch(journal: Path) -> None:
    res = run("add", "--journal", str(journal), "--json", "-", "--lang", "nl",
              input=json.dumps({**ENTRY, "depth": 130}))
    assert res.exit_code == 1 and "depth: moet een geheel getal van 0 tot en met 100" in res.stderr
