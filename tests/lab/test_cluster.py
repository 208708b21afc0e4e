"""A real Dask cluster: a scheduler and two workers on 127.0.0.1, driven through `--scheduler`.

The sweep must give byte-identical results on the cluster and in-process, for the built-in
measures and for a user's own experiment. Everything started here is stopped at the end.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _dask(*args: str, log: Path) -> subprocess.Popen[bytes]:
    with log.open("wb") as sink:
        return subprocess.Popen([sys.executable, "-m", "dask", *args], env=ENV, stdout=sink,
                                stderr=subprocess.STDOUT, cwd=log.parent)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from distributed import Client

    logs = tmp_path_factory.mktemp("cluster")
    address = f"tcp://127.0.0.1:{_free_port()}"
    port = address.rsplit(":", 1)[1]
    processes = [_dask("scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard",
                       log=logs / "scheduler.log")]
    try:
        for i in range(2):
            processes.append(_dask("worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                   "--nworkers", "1", "--no-dashboard", "--memory-limit", "0",
                                   log=logs / f"worker{i}.log"))
        deadline = time.monotonic() + 120
        while True:
            try:
                with Client(address, timeout=10) as client:  # type: ignore[no-untyped-call]
                    client.wait_for_workers(2, timeout=120)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _sweep(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, "-m", "nabij", "sweep", *args], env=ENV, cwd=cwd,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return done


def test_built_in_sweep_on_a_cluster_is_byte_identical(scheduler: str, tmp_path: Path) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text('seed = 4\nquantities = ["T13.dz_depth_boss_minus_friend"]\nscale = 0.2\nchunk_size = 1\n'
                    "[grid]\npower_risk = [0.4, 1.0, 1.6]\n", encoding="utf-8")
    _sweep(["--grid", "grid.toml", "--out", "local.csv"], tmp_path)
    remote = _sweep(["--grid", "grid.toml", "--out", "cluster.csv", "--scheduler", scheduler], tmp_path)
    assert f"scheduler {scheduler}" in remote.stdout
    assert (tmp_path / "cluster.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
    assert len((tmp_path / "local.csv").read_text(encoding="utf-8").splitlines()) == 1 + 3


def test_user_experiment_on_a_cluster_is_byte_identical(scheduler: str, tmp_path: Path) -> None:
    grid = tmp_path / "grid.toml"
    grid.write_text("seed = 9\nreplications = 2\nchunk_size = 1\n[grid]\ncloseness_rate = [0.02, 0.08]\n"
                    '[design]\npairs = 30\nturns = 4\n', encoding="utf-8")
    experiment = f"{HERE / 'user_experiment.py'}:closeness_after_talk"
    _sweep(["--grid", "grid.toml", "--out", "local.csv", "--experiment", experiment], tmp_path)
    _sweep(["--grid", "grid.toml", "--out", "cluster.csv", "--experiment", experiment,
            "--scheduler", scheduler], tmp_path)
    assert (tmp_path / "cluster.csv").read_bytes() == (tmp_path / "local.csv").read_bytes()
