"""The runner, the report's three files and the CLI, on a small, fast selection."""

import json

import pytest
from typer.testing import CliRunner

from nabij.cli import app
from nabij.lab.report import build_report, count_lines, group_counts, results_json, write_report
from nabij.lab.runner import parse_only, run_target, run_targets
from nabij.lab.verdict import VERDICTS

FAST = ["T1", "T3", "T5", "T15"]


@pytest.fixture(scope="module")
def small_results():
    return run_targets(FAST, replications=2, rng=3, scale=0.25)


def test_results_json_schema(small_results):
    rows = results_json(small_results)
    assert [r["id"] for r in rows] == FAST
    for r in rows:
        assert {"id", "group", "source", "kind", "paper_n", "quantity", "metric", "paper", "model", "ci_low",
                "ci_high", "predictive_low", "predictive_high", "verdict"} <= set(r)
        assert r["group"] in ("calibration", "validation")
        assert r["kind"] in ("quantitative", "direction")
        assert r["verdict"] in VERDICTS
        assert r["ci_low"] <= r["model"] <= r["ci_high"]
        assert r["checks"] and all(c["verdict"] in VERDICTS for c in r["checks"])
        for c in r["checks"]:
            assert c["metric"] in ("d", "d_z", "r", "beta", "share", "level")
            if c["kind"] == "quantitative":
                assert c["predictive_low"] <= c["predictive_high"] and c["paper_n"] is not None
            else:
                assert c["window"] is not None


def test_a_study_is_the_papers_size():
    """T1 gives its N: one replication simulates that many pairs (times --scale)."""
    r = run_target("T1", replications=2, rng=3, scale=0.25)
    assert r.target.paper_n is not None
    assert r.study_n == round(r.target.paper_n * 0.25)


def test_counts_are_per_group(small_results):
    counts = group_counts(small_results)
    assert set(counts) == {"calibration", "validation"}
    assert sum(c["targets"] for c in counts.values()) == len(FAST)
    for c in counts.values():
        assert c["match"] + c["direction-match"] + c["miss"] == c["targets"]
        assert set(c["checks"]) == {"quantitative", "direction"}
    lines = count_lines(counts)
    assert lines[0].startswith("calibration:") and lines[1].startswith("validation:")


def test_report_writes_three_self_contained_files(small_results, tmp_path):
    report = build_report(small_results, replications=2, seed=3)
    assert {"overview", "t1_closeness", "t3_mediation", "trajectories", "t15_ladder"} <= set(report.figures)
    files = write_report(report, tmp_path)
    page = files["html"].read_text(encoding="utf-8")
    assert "data:image/png;base64," in page and "http://" not in page and "https://" not in page
    md = files["md"].read_text(encoding="utf-8")
    assert "Calibration targets" in md and "Validation targets" in md and "figures/overview.png" in md
    assert (tmp_path / "figures" / "overview.png").stat().st_size > 1000
    doc = json.loads(files["json"].read_text())
    assert len(doc["targets"]) == len(FAST) and set(doc["counts"]) == {"calibration", "validation"}


def test_verdicts_print_as_words(small_results, tmp_path):
    md = _markdown_of(small_results, tmp_path)
    for symbol in ("\u2705", "\u274c", "\U0001f7e7"):
        assert symbol not in md


def _markdown_of(results, tmp_path):
    return write_report(build_report(results, 2, 3), tmp_path)["md"].read_text(encoding="utf-8")


def test_a_target_gives_the_same_result_alone_or_with_others(small_results):
    alone = run_target("T3", replications=2, rng=3, scale=0.25)
    together = next(r for r in small_results if r.target.id == "T3")
    assert [c.estimate for c in alone.checks] == [c.estimate for c in together.checks]


def test_parse_only():
    assert parse_only("t1, T3") == ["T1", "T3"]
    assert len(parse_only(None)) >= 15
    with pytest.raises(ValueError, match="T99"):
        parse_only("T1,T99")


def test_replicate_cli(tmp_path):
    result = CliRunner().invoke(app, ["replicate", "--only", "T8", "--replications", "2", "--scale", "0.25",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "calibration: " in result.output and "targets match" in result.output
    assert {p.name for p in tmp_path.iterdir()} >= {"report.html", "report.md", "results.json"}


def test_replicate_cli_rejects_unknown_targets(tmp_path):
    result = CliRunner().invoke(app, ["replicate", "--only", "T99", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "T99" in result.output
    assert not (tmp_path / "results.json").exists()


def test_replicate_cli_set_is_a_labelled_what_if(tmp_path):
    result = CliRunner().invoke(app, ["replicate", "--only", "T8", "--replications", "2", "--scale", "0.25",
                                      "--set", "sociometer_rate=0", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    doc = json.loads((tmp_path / "results.json").read_text())
    assert doc["overrides"] == {"sociometer_rate": 0.0}
    assert doc["provenance"]["params"]["sociometer_rate"] == 0.0
    assert "not the model's headline" in (tmp_path / "report.md").read_text()


def test_replicate_cli_rejects_a_bad_set_before_any_work(tmp_path):
    result = CliRunner().invoke(app, ["replicate", "--only", "T8", "--set", "sociometer_rate=-1",
                                      "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "sociometer_rate" in result.output and "lesions:" not in result.output
    assert not (tmp_path / "results.json").exists()
