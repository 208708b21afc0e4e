"""Every report figure says how many simulated studies of what size, the seed, and what a bar is."""

from __future__ import annotations

from pathlib import Path

import pytest

from nabij.lab import figures
from nabij.lab.report import build_report, write_report
from nabij.lab.runner import run_target
from nabij.provenance import read_provenance, stamp


@pytest.fixture(scope="module")
def t15():  # type: ignore[no-untyped-def]
    return run_target("T15", 2, 31, scale=0.1)


def test_the_note_names_studies_size_seed_and_the_interval(t15) -> None:  # type: ignore[no-untyped-def]
    text = figures.note([t15], 31, "bands")
    assert "T15: 2 simulated studies" in text and f"n = {t15.study_n:,}" in text
    assert "seed 31" in text and "bands: 95% Monte Carlo interval" in text


def test_report_draws_every_figure_with_its_note(t15) -> None:  # type: ignore[no-untyped-def]
    report = build_report([t15], 2, 31)
    assert {"overview", "t15_ladder"} <= set(report.figures)
    assert all(png.startswith(b"\x89PNG") for png in report.figures.values())


def test_results_json_carries_its_provenance(t15, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    prov = stamp(seed=31, protocol="replication of T15", command="nabij replicate --only T15", replications=2)
    files = write_report(build_report([t15], 2, 31), tmp_path, prov)
    assert read_provenance(files["json"]) == prov
