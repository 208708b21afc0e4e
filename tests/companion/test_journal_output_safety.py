"""What leaves the journal is safe to look at and to re-import: escapes, formulas, files."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from journal_helpers import ENTRY, make_journal, no_traceback, run

from nabij.companion.personal import TraitEstimate
from nabij.companion.views import trait_line

ESCAPES = "\x1b]0;owned\x07\x1b[2J\x9b31m"


@pytest.fixture
def journal(journal_path: Path) -> Path:
    return make_journal(journal_path, {"topic": "=HYPERLINK(\"http://evil.example\",\"x\")",
                                       "note": "@SUM(1+1)" + ESCAPES, "person": "Sam" + ESCAPES})


@pytest.mark.parametrize("command", [["list"], ["people"], ["next"], ["review"]])
def test_printed_notes_and_names_carry_no_terminal_escapes(journal: Path,
                                                           command: list[str]) -> None:
    res = run(*command, "--journal", str(journal))
    assert res.exit_code == 0, res.output
    for char in ("\x1b", "\x07", "\x9b"):
        assert char not in res.stdout and char not in res.stderr


def test_show_carries_no_terminal_escapes(journal: Path) -> None:
    export = json.loads(run("export", "--journal", str(journal)).stdout)
    res = run("show", export["entries"][0]["id"][:8], "--journal", str(journal))
    assert res.exit_code == 0 and "@SUM(1+1)" in res.stdout
    assert "\x1b" not in res.stdout and "\x9b" not in res.stdout


def test_csv_export_neutralises_spreadsheet_formulas(journal: Path) -> None:
    res = run("export", "--format", "csv", "--journal", str(journal))
    row = next(csv.DictReader(io.StringIO(res.stdout)))
    assert row["topic"].startswith("'=") and row["note"].startswith("'@")
    assert row["depth"] == "30"  # numbers stay numbers
    assert "\x1b" not in res.stdout


def test_export_over_an_existing_file_ends_owner_only(journal: Path, tmp_path: Path) -> None:
    target = tmp_path / "export.json"
    target.write_text("old")
    target.chmod(0o644)
    assert run("export", "--journal", str(journal), "--out", str(target)).exit_code == 0
    assert target.stat().st_mode & 0o777 == 0o600
    assert json.loads(target.read_text())["entries"]


def test_export_never_follows_a_symlink(journal: Path, tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    link = tmp_path / "export.json"
    os.symlink(victim, link)
    res = run("export", "--journal", str(journal), "--out", str(link))
    no_traceback(res)
    assert res.exit_code != 0 and "link" in res.stderr
    assert victim.read_text() == "keep me"


def test_import_reports_reflections_and_sessions(journal: Path, tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps({
        "reflections": [{"answers": {"good": "it went well"}}],
        "sessions": [{"person_a": "A", "person_b": "B", "ios_before": [2, 3]}]}))
    res = run("import", str(source), "--journal", str(journal))
    assert res.exit_code == 0, res.output
    assert "1 reflections" in res.stderr and "1 sessions" in res.stderr


def test_re_importing_a_bare_list_without_ids_adds_nothing(journal: Path,
                                                           tmp_path: Path) -> None:
    source = tmp_path / "list.json"
    source.write_text(json.dumps([{**ENTRY, "topic": "one", "when": "2026-01-02"},
                                  {**ENTRY, "topic": "two"}]))
    for _ in range(2):
        assert run("import", str(source), "--journal", str(journal)).exit_code == 0
    topics = [e["topic"] for e in json.loads(run("export", "--journal",
                                                 str(journal)).stdout)["entries"]]
    assert sorted(topics).count("one") == 1 and topics.count("two") == 1


@pytest.mark.parametrize("record", [
    {"kind": "confidant", "nmae": "Sam", "name": "Sam"},
    {"kind": "reflection", "answers": {"good": "x"}, "answer": "typo"},
    {"kind": "session", "person_a": "A", "person_b": "B", "ios": [1, 2]},
    {"kind": "session", "person_a": "A", "person_b": "B",
     "turns": [{"set": 1, "question": 1, "answered_by": "a", "skiped": True}]},
])
def test_unknown_fields_are_refused_for_every_kind(journal: Path,
                                                   record: dict[str, object]) -> None:
    res = run("add", "--journal", str(journal), "--json", "-", input=json.dumps(record))
    no_traceback(res)
    assert res.exit_code != 0 and "unknown field" in res.stderr


@pytest.mark.parametrize("end", [0.0, 1.0])
def test_a_clipped_rejection_sensitivity_claims_no_certainty(end: float) -> None:
    est = TraitEstimate(n=20, enough=True, bias=-9.0, bias_low=-12.0, bias_high=-7.0,
                        rejection_sensitivity=end, rs_low=end, rs_high=end, level=0.9)
    line = trait_line(est)
    assert f"{end:.2f}" not in line and "interval" in line
