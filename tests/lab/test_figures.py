"""Every report figure says how many simulated studies of what size, the seed, and what a bar is."""

from __future__ import annotations

import pytest

from nabij.lab import figures
from nabij.lab.report import build_report
from nabij.lab.runner import run_target


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
