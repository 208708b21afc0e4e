"""Sweeps: grid validation with clear errors, resume after an interruption, Dask = in-process."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nabij.lab.sweep import GridError, load_grid, parse_grid, run_chunk, run_sweep

GRID = """
seed = 7
quantities = ["T9.r_rs_hurt", "T13.dz_depth_boss_minus_friend"]
scale = 0.25
chunk_size = 2

[grid]
perception_rs_bias = [0.6, 1.2, 2.4]
power_risk = { from = 0.4, to = 1.6, steps = 2 }

[fixed]
chemistry_sd = 1.2
"""


def test_grid_parses_to_the_full_factorial() -> None:
    spec = parse_grid(GRID)
    assert len(spec.points) == 6 and spec.n_chunks == 3
    assert list(spec.points.columns) == ["perception_rs_bias", "power_risk"]
    assert spec.points["power_risk"].tolist() == [0.4, 1.6] * 3
    assert spec.fixed == {"chemistry_sd": 1.2}


@pytest.mark.parametrize(("text", "message"), [
    ("quantities=['T1.d_composite']\n[grid]\nclosness_rate=[0.1]",
     "unknown parameter 'closness_rate' (did you mean 'closeness_rate'?)"),
    ("quantities=['T1.d_composite']\n[grid]\ncloseness_rate=[0.1, 1.5]", "value 1.5 is outside the allowed"),
    ("quantities=['T1.d_composite']\n[grid]\ncloseness_rate=[]",
     "grid.closeness_rate: the list of values is empty"),
    ("quantities=['T1.d_composite']\n[grid]\ncloseness_rate={from=0.1, to=0.2}", "missing steps"),
    ("quantities=['T1.d_composite']\n[grid]\ncloseness_rate=['a']",
     "grid.closeness_rate[0]: must be a finite"),
    ("quantities=['T1.nope']\n[grid]\ncloseness_rate=[0.1]", "T1 has no check 'nope'"),
    ("targets=['T99']\n[grid]\ncloseness_rate=[0.1]", "unknown target 'T99'"),
    ("[grid]\ncloseness_rate=[0.1]", "say what to measure"),
    ("quantities=['T1.d_composite']", "needs a [grid] table"),
    ("quantities=['T1.d_composite']\nchunksize=3\n[grid]\ncloseness_rate=[0.1]",
     "unknown key 'chunksize' (did you mean 'chunk_size'?)"),
    ("quantities=['T1.d_composite']\nchunk_size=0\n[grid]\ncloseness_rate=[0.1]",
     "chunk_size: must be a whole"),
    ("quantities=['T1.d_composite']\nscale=-1\n[grid]\ncloseness_rate=[0.1]", "scale: must be > 0"),
    ("quantities = [", "not valid TOML"),
])
def test_grid_errors_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(GridError) as info:
        parse_grid(text, "g.toml")
    assert message in str(info.value)
    assert str(info.value).startswith("g.toml")


def test_missing_grid_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(GridError, match="cannot read the grid file"):
        load_grid(tmp_path / "nope.toml")


class InterruptError(Exception):
    pass


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> pd.DataFrame:
    out = tmp_path_factory.mktemp("full") / "r.parquet"
    outcome = run_sweep(parse_grid(GRID), out)
    assert outcome.computed == 3 and outcome.skipped == 0
    assert out.exists() and not out.with_name("r.parquet.parts").exists()
    return outcome.frame


def test_results_are_one_row_per_point_and_any_chunk_replays(full: pd.DataFrame) -> None:
    assert full["point"].tolist() == list(range(6))
    assert np.isfinite(full[["T9.r_rs_hurt", "T13.dz_depth_boss_minus_friend"]].to_numpy()).all()
    again = run_chunk(parse_grid(GRID), 1)
    pd.testing.assert_frame_equal(again, full.iloc[2:4].reset_index(drop=True), check_exact=True)
    # another chunking of the same grid gives the same numbers: seeds follow the point
    rechunked = parse_grid(GRID.replace("chunk_size = 2", "chunk_size = 4"))
    pd.testing.assert_frame_equal(run_chunk(rechunked, 0), full.iloc[:4], check_exact=True)


def test_an_interrupted_sweep_resumes_without_recomputing(full: pd.DataFrame, tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    spec = parse_grid(GRID)

    def stop_after_one(done: int, total: int) -> None:
        if done == 1:
            raise InterruptError

    with pytest.raises(InterruptError):
        run_sweep(spec, out, on_chunk=stop_after_one)
    assert not out.exists()
    assert len(list(out.with_name("r.parquet.parts").glob("chunk-*.parquet"))) == 1
    outcome = run_sweep(spec, out)
    assert (outcome.computed, outcome.skipped) == (2, 1)
    pd.testing.assert_frame_equal(outcome.frame, full, check_exact=True)


def test_a_changed_grid_does_not_mix_with_old_parts(tmp_path: Path) -> None:
    out = tmp_path / "r.parquet"
    with pytest.raises(InterruptError):
        run_sweep(parse_grid(GRID), out, on_chunk=lambda d, t: (_ for _ in ()).throw(InterruptError()))
    with pytest.raises(GridError, match="different sweep"):
        run_sweep(parse_grid(GRID.replace("seed = 7", "seed = 8")), out)


@pytest.mark.slow
def test_local_dask_cluster_equals_in_process_bit_for_bit(full: pd.DataFrame, tmp_path: Path) -> None:
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, protocol="tcp", host="127.0.0.1",
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        outcome = run_sweep(parse_grid(GRID), tmp_path / "r.parquet", client=client)
    pd.testing.assert_frame_equal(outcome.frame, full, check_exact=True)
    values = outcome.frame.drop(columns="point").to_numpy()
    assert values.tobytes() == full.drop(columns="point").to_numpy().tobytes()
