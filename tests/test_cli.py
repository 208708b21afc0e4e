"""The command line, through typer's runner: commands parse, call the library, print."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from nabij.cli import app

runner = CliRunner()


def test_simulate_prints_summary_and_writes_parquet(tmp_path: Path) -> None:
    out = tmp_path / "final.parquet"
    res = runner.invoke(app, ["simulate", "--protocol", "small_talk", "--dyads", "50",
                              "--seed", "3", "--out", str(out), "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "ios" in res.output
    frame = pd.read_parquet(out)
    assert len(frame) == 100  # 50 dyads x 2 persons
    assert frame["ios"].between(1, 7).all()


def test_simulate_per_turn_csv(tmp_path: Path) -> None:
    out = tmp_path / "turns.csv"
    res = runner.invoke(app, ["simulate", "--protocol", "turn_taking", "--dyads", "10",
                              "--per-turn", "--out", str(out), "--no-progress"])
    assert res.exit_code == 0, res.output
    frame = pd.read_csv(out)
    assert {"turn", "dyad", "person", "variable", "value"} <= set(frame.columns)


def test_same_seed_same_output_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a.csv", tmp_path / "b.csv"
    for path in (a, b):
        runner.invoke(app, ["simulate", "--dyads", "20", "--seed", "9", "--out", str(path),
                            "--no-progress"])
    assert a.read_bytes() == b.read_bytes()


def test_unknown_protocol_is_a_clear_error() -> None:
    res = runner.invoke(app, ["simulate", "--protocol", "speed_chess", "--no-progress"])
    assert res.exit_code == 2
    assert "unknown protocol" in res.output and "36_questions" in res.output


def test_bad_relationship_and_out_suffix_are_clear_errors(tmp_path: Path) -> None:
    res = runner.invoke(app, ["simulate", "--relationship", "pen_pals", "--no-progress"])
    assert res.exit_code == 2 and "relationship" in res.output
    res = runner.invoke(app, ["simulate", "--dyads", "5", "--out", str(tmp_path / "x.xlsx"),
                              "--no-progress"])
    assert res.exit_code == 2 and ".csv or .parquet" in res.output


def test_demo_writes_plot_and_table(tmp_path: Path) -> None:
    res = runner.invoke(app, ["demo", "--pairs", "200", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "closeness.png").stat().st_size > 10_000
    table = pd.read_csv(tmp_path / "showcase.csv").set_index(["condition", "outcome"])  # one header row
    assert list(table.columns) == ["mean", "sd", "pairs"] and (table["pairs"] == 200).all()
    assert table.loc[("36 questions", "ios"), "mean"] > table.loc[("small talk", "ios"), "mean"]


def test_params_protocols_and_willing_commands() -> None:
    res = runner.invoke(app, ["params", "--rule", "learning"])
    assert res.exit_code == 0 and "trust_z" in res.output
    res = runner.invoke(app, ["protocols"])
    assert res.exit_code == 0 and "graded_exposure" in res.output
    res = runner.invoke(app, ["willing", "--intimacy", "0.7", "--people", "200"])
    assert res.exit_code == 0 and "willingness" in res.output


def test_willing_rejects_out_of_range_intimacy() -> None:
    res = runner.invoke(app, ["willing", "--intimacy", "1.5", "--people", "10"])
    assert res.exit_code == 2 and "topic_intimacy" in res.output


def test_help_lists_commands() -> None:
    res = runner.invoke(app, ["--help"])
    assert res.exit_code == 0
    for command in ("simulate", "demo", "params", "protocols", "willing"):
        assert command in res.output


def test_sweep_in_process_writes_parquet_and_resumes_nothing_twice(tmp_path: Path) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text('quantities = ["T13.dz_depth_boss_minus_friend"]\nscale = 0.2\nchunk_size = 1\n'
                    '[grid]\npower_risk = [0.4, 1.6]\n')
    out = tmp_path / "r.parquet"
    res = runner.invoke(app, ["sweep", "--grid", str(grid), "--out", str(out)])
    assert res.exit_code == 0, res.output
    frame = pd.read_parquet(out)
    assert frame["power_risk"].tolist() == [0.4, 1.6]
    assert frame["T13.dz_depth_boss_minus_friend"].iloc[1] < frame["T13.dz_depth_boss_minus_friend"].iloc[0]


def test_sweep_bad_grid_is_a_clear_error(tmp_path: Path) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text('targets = ["T1"]\n[grid]\npower_risk = [9]\n')
    res = runner.invoke(app, ["sweep", "--grid", str(grid)])
    assert res.exit_code == 2
    assert "grid.power_risk" in res.output and "outside the allowed range [0, 3]" in res.output
    both = runner.invoke(app, ["sweep", "--grid", str(grid), "--local-cluster", "1", "--scheduler", "x"])
    assert both.exit_code == 2 and "not both" in both.output


@pytest.mark.slow
def test_calibrate_end_to_end_on_a_tiny_budget(tmp_path: Path) -> None:
    res = runner.invoke(app, ["calibrate", "--sobol-n", "2", "--k", "2", "--identify-budget", "60",
                              "--budget", "60", "--sbc", "10", "--predictive", "1", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    assert "identified by the published data" in res.output and "posterior predictive" in res.output
    wanted = {"report.md", "summary.json", "posterior.parquet", "predictive.csv", "sobol.png", "fitted.toml"}
    assert wanted <= {p.name for p in tmp_path.iterdir()}


def test_calibrate_rejects_a_sobol_sample_that_is_not_a_power_of_two() -> None:
    res = runner.invoke(app, ["calibrate", "--sobol-n", "3"])
    assert res.exit_code == 2 and "power of two" in res.output


def test_simulate_set_changes_the_run_and_its_provenance(tmp_path: Path) -> None:
    import json

    default, changed = tmp_path / "default.csv", tmp_path / "changed.csv"
    no_liking = ["--set", "liking_receive=0", "--set", "liking_disclose=0"]
    for path, extra in ((default, []), (changed, no_liking)):
        res = runner.invoke(app, ["simulate", "--dyads", "30", "--seed", "4", "--out", str(path),
                                  "--no-progress", *extra])
        assert res.exit_code == 0, res.output
    assert "liking_receive" in res.output  # the summary title names the changed values
    assert pd.read_csv(default)["liking"].tolist() != pd.read_csv(changed)["liking"].tolist()
    sidecar = json.loads((tmp_path / "changed.csv.provenance.json").read_text())
    assert sidecar["params"]["liking_receive"] == 0.0


def test_simulate_bad_set_is_a_clear_error_before_any_work(tmp_path: Path) -> None:
    out = tmp_path / "never.csv"
    res = runner.invoke(app, ["simulate", "--set", "projection=7", "--out", str(out), "--no-progress"])
    assert res.exit_code != 0
    assert "projection" in res.output and "must lie in" in res.output
    assert not out.exists()
