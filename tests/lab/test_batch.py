"""Your own experiment at scale: batch_run, `nabij sweep --experiment`, CSV out, provenance, clear errors."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

from nabij.cli import app
from nabij.lab.batch import ExperimentError, batch_run, load_experiment, parse_batch_grid
from nabij.provenance import read_provenance

HERE = Path(__file__).resolve().parent
REF = f"{HERE / 'user_experiment.py'}:closeness_after_talk"
runner = CliRunner()


def test_batch_run_crosses_grid_and_replications_and_routes_params_and_design() -> None:
    frame = batch_run(REF, {"closeness_rate": [0.01, 0.1], "relationship": ["strangers", "friends"]},
                      replications=2, seed=5, design={"pairs": 30, "turns": 4}, chunk_size=3)
    assert len(frame) == 2 * 2 * 2
    assert list(frame.columns[:4]) == ["point", "replication", "closeness_rate", "relationship"]
    assert (frame["rate_seen"] == frame["closeness_rate"]).all()  # a grid parameter reached params
    # replications are independent draws, the same replication is the same run everywhere
    first = frame[frame.point == 0]
    assert first.closeness.iloc[0] != first.closeness.iloc[1]
    again = batch_run(REF, {"closeness_rate": [0.01, 0.1], "relationship": ["strangers", "friends"]},
                      replications=2, seed=5, design={"pairs": 30, "turns": 4}, chunk_size=1)
    pd.testing.assert_frame_equal(frame, again)


def test_a_faster_closeness_rate_brings_pairs_closer() -> None:
    frame = batch_run(REF, {"closeness_rate": [0.005, 0.2]}, replications=2, seed=1,
                      design={"pairs": 200, "turns": 8})
    slow, fast = frame.groupby("closeness_rate")["closeness"].mean()
    assert fast > slow


@pytest.mark.parametrize(("text", "message"), [
    ("[grid]\ncloseness_rate = [5.0]", "outside the allowed range"),
    ("quantities = ['T1.d_composite']\n[grid]\nx = [1]", "targets and quantities are for the built-in"),
    ("seed = 1", "needs a [grid] table"),
    ("[grid]\npoint = [1]", "a column nabij adds"),
    ("[grid]\nx = [1]\n[fixed]\npairs = 3", "not a model parameter"),
])
def test_batch_grid_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ExperimentError, match=message.replace("[", r"\[")):
        parse_batch_grid(text, REF, "g.toml")


def test_a_bad_experiment_reference_is_a_clear_error() -> None:
    with pytest.raises(ExperimentError, match="module:function"):
        load_experiment("no_colon_here")
    with pytest.raises(ExperimentError, match="has no function 'nope'"):
        load_experiment(f"{HERE / 'user_experiment.py'}:nope")
    with pytest.raises(ExperimentError, match="cannot import 'surely_absent_module_q'"):
        load_experiment("surely_absent_module_q:run")


def _grid(tmp_path: Path) -> Path:
    grid = tmp_path / "grid.toml"
    grid.write_text("seed = 3\nreplications = 2\nchunk_size = 1\n[grid]\ncloseness_rate = [0.02, 0.08]\n"
                    "[design]\npairs = 20\nturns = 3\n", encoding="utf-8")
    return grid


def test_sweep_experiment_writes_csv_with_a_provenance_sidecar(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _grid(tmp_path)
    monkeypatch.chdir(tmp_path)  # --grid is relative to the working directory
    args = ["sweep", "--grid", "grid.toml", "--out", "rows.csv", "--experiment", REF]
    monkeypatch.setattr(sys, "argv", ["nabij", *args])  # what the user typed
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    head = (tmp_path / "rows.csv").read_bytes()[:4]
    assert head != b"PAR1" and head.startswith(b"poin")  # a CSV, not Parquet behind a .csv name
    rows = pd.read_csv(tmp_path / "rows.csv")
    assert len(rows) == 4 and {"closeness", "replication"} <= set(rows.columns)
    prov = read_provenance(tmp_path / "rows.csv")
    assert prov["seed"] == 3 and prov["replications"] == 2 and "closeness_after_talk" in prov["protocol"]
    assert prov["grid"] == {"closeness_rate": [0.02, 0.08]} and prov["design"] == {"pairs": 20, "turns": 3}
    assert prov["command"].startswith("nabij sweep --grid grid.toml") and prov["nabij_version"]


def test_sweep_grid_path_is_relative_to_the_working_directory(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["sweep", "--grid", "missing.toml"], env={"COLUMNS": "300"})
    assert res.exit_code == 2
    assert "working directory" in res.output and str(tmp_path) in res.output.replace("\n", "")


def test_sweep_refuses_an_out_it_cannot_write(tmp_path: Path) -> None:
    res = runner.invoke(app, ["sweep", "--grid", str(_grid(tmp_path)), "--out", str(tmp_path / "x.xlsx")])
    assert res.exit_code == 2 and ".parquet or .csv" in res.output


def test_sweep_parquet_carries_its_provenance_inside(tmp_path: Path) -> None:
    out = tmp_path / "rows.parquet"
    res = runner.invoke(app, ["sweep", "--grid", str(_grid(tmp_path)), "--out", str(out),
                              "--experiment", REF])
    assert res.exit_code == 0, res.output
    prov = read_provenance(out)
    assert prov["seed"] == 3 and len(prov["params_sha256"]) == 16
    assert json.loads(json.dumps(prov["params"]))["closeness_rate"] > 0
