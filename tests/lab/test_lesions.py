"""Lesions are documented null versions of mechanisms, and the table says what each finding needs."""

import json

import pytest
from typer.testing import CliRunner

from nabij.cli import app
from nabij.lab.lesions import BASELINE, LESION_NAMES, LESIONS, LesionTable, lesioned, parse_lesions
from nabij.lab.runner import run_target
from nabij.model import Params


@pytest.mark.parametrize("name", LESION_NAMES)
def test_every_lesion_is_a_valid_parameter_set_that_changes_something(name):
    p = lesioned(Params(), name)
    assert p != Params()


def test_the_baseline_switches_off_the_three_rules():
    base = lesioned(Params(), BASELINE)
    for part in ("appraisal", "signaling", "dependence"):
        for key, value in LESIONS[part].overrides.items():
            assert getattr(base, key) == value
    assert base.edit_gain == Params().edit_gain  # the other mechanisms stay


def test_unknown_lesions_are_refused_with_the_choices():
    with pytest.raises(ValueError, match="appraisal"):
        lesioned(Params(), "telepathy")
    with pytest.raises(ValueError, match="choose"):
        parse_lesions("appraisal,telepathy")
    assert parse_lesions("all") == list(LESION_NAMES)


def test_signaling_lesion_removes_the_sociometer():
    """T8 measures the sociometer directly: without signaling, exclusion no longer lowers state SE."""
    intact = run_target("T8", replications=3, rng=1, scale=0.25)
    numb = run_target("T8", replications=3, rng=1, scale=0.25, params=lesioned(Params(), "signaling"))
    q = "d_included_vs_excluded_personal"
    assert abs(numb.checks[0].estimate.value) < abs(intact.checks[0].estimate.value)
    assert intact.target.check(q) is numb.target.check(q)


def test_table_flags_unneeded_and_single_target_mechanisms():
    table = LesionTable(("T1", "T2", "T3"), {"T1": "match", "T2": "match", "T3": "miss"},
                        {"editing": {"T1": "match", "T2": "match", "T3": "miss"},
                         "goals": {"T1": "miss", "T2": "match", "T3": "miss"},
                         "signaling": {"T1": "miss", "T2": "direction-match", "T3": "miss"}}, 5)
    assert table.needed_by("editing") == []
    assert table.needed_by("goals") == ["T1"]
    assert table.needed_by("signaling") == ["T1", "T2"]
    flags = "\n".join(table.flags())
    assert "editing: no target needs" in flags and "goals: only T1" in flags and "signaling" not in flags
    md = "\n".join(table.markdown())
    assert "| T1 |" in md and "**MISS**" in md


def test_replicate_cli_lesion(tmp_path):
    result = CliRunner().invoke(app, ["replicate", "--only", "T8", "--replications", "2", "--scale", "0.25",
                                      "--lesion", "signaling", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "signaling lesioned" in result.output
    doc = json.loads((tmp_path / "results.json").read_text())
    assert doc["lesion"] == "signaling"
    assert doc["provenance"]["params"]["sociometer_rate"] == 0.0  # the lesioned parameters are recorded


def test_replicate_cli_refuses_unknown_lesion(tmp_path):
    result = CliRunner().invoke(app, ["replicate", "--only", "T8", "--lesion", "telepathy",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 2 and "telepathy" in result.output


def test_the_lesion_table_goes_into_the_report(tmp_path):
    from nabij.lab.report import build_report, write_report

    results = [run_target("T8", replications=2, rng=1, scale=0.25)]
    table = LesionTable(("T8",), {"T8": "match"}, {"signaling": {"T8": "miss"}}, 2)
    files = write_report(build_report(results, 2, 1, table), tmp_path)
    md = files["md"].read_text(encoding="utf-8")
    assert "## Lesions" in md and "**MISS**" in md
    doc = json.loads(files["json"].read_text())
    assert doc["lesions"]["needed_by"]["signaling"] == ["T8"]
