"""scripts/latest_run.py: the docs section is rebuilt from results.json, and hand-written prose survives."""

from __future__ import annotations

from scripts.latest_run import END, check_table, rewrite

CHECK = {"quantity": "d_x", "metric": "d", "kind": "quantitative", "paper": 0.88, "paper_n": 60,
         "verified": False, "model": 0.7, "ci_low": 0.6, "ci_high": 0.8, "predictive_low": 0.3,
         "predictive_high": 1.1, "discrepancy_z": 0.7, "verdict": "match"}


def test_every_check_of_the_group_gets_a_row_and_its_verdict_in_words() -> None:
    targets = [{"id": "T1", "group": "calibration", "checks": [CHECK, {**CHECK, "verdict": "miss"}]},
               {"id": "T4", "group": "validation", "checks": [CHECK]}]
    rows = check_table(targets, "calibration")[2:]
    assert len(rows) == 2
    assert rows[0].endswith("| match |") and rows[1].endswith("| MISS |")
    assert "unverified" in rows[0]


def test_rewrite_replaces_the_generated_part_and_keeps_the_prose_after_the_marker() -> None:
    doc = (f"# R\n\n## Latest run (main at commit old)\n\nold numbers\n{END}\n\n"
           "What changed.\n\n## Results\n\nx\n")
    out = rewrite(doc, ["## Latest run (main at commit new)", "", "new numbers"])
    assert "old numbers" not in out and "new numbers" in out
    assert "What changed." in out and out.index("What changed.") < out.index("## Results")
    assert out.count("## Latest run") == 1
