"""Every file nabij writes says how it was made: version, seed, parameters, protocol, command."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import nabij
from nabij.cli import app
from nabij.provenance import params_hash, read_provenance, stamp, write_table

runner = CliRunner()


def test_stamp_holds_every_fact_and_the_hash_tells_parameter_sets_apart() -> None:
    default = stamp(seed=1, protocol="small_talk", command="nabij x")
    changed = stamp(seed=1, protocol="small_talk", params={"closeness_rate": 0.09}, command="nabij x")
    for key in ("nabij_version", "seed", "protocol", "command", "params", "params_sha256"):
        assert key in default
    assert default["params"] == asdict(nabij.Params())
    assert default["params_sha256"] == params_hash(asdict(nabij.Params()))
    assert changed["params_sha256"] != default["params_sha256"]


@pytest.mark.parametrize("name", ["t.csv", "t.parquet"])
def test_tables_round_trip_with_their_provenance(tmp_path: Path, name: str) -> None:
    frame = pd.DataFrame({"a": [1.0, 2.0]})
    prov = stamp(seed=4, protocol="p", command="nabij test")
    write_table(frame, tmp_path / name, prov)
    assert read_provenance(tmp_path / name) == prov
    read = pd.read_csv if name.endswith(".csv") else pd.read_parquet
    pd.testing.assert_frame_equal(read(tmp_path / name), frame)


@pytest.mark.parametrize("name", ["final.csv", "final.parquet"])
def test_simulate_output_names_seed_protocol_params_and_command(tmp_path: Path, name: str,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["simulate", "--protocol", "small_talk", "--dyads", "5", "--seed", "11", "--no-progress",
            "--out", str(tmp_path / name)]
    monkeypatch.setattr(sys, "argv", ["nabij", *args])
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    prov = read_provenance(tmp_path / name)
    assert prov["seed"] == 11 and prov["protocol"] == "small_talk" and prov["dyads"] == 5
    assert prov["command"] == "nabij " + " ".join(args)
    assert prov["nabij_version"] == nabij.__version__ and "closeness_rate" in prov["params"]


def test_demo_table_has_a_provenance_sidecar(tmp_path: Path) -> None:
    res = runner.invoke(app, ["demo", "--pairs", "20", "--seed", "8", "--out", str(tmp_path)])
    assert res.exit_code == 0, res.output
    prov = read_provenance(tmp_path / "showcase.csv")
    assert prov["seed"] == 8 and prov["pairs_per_condition"] == 20

