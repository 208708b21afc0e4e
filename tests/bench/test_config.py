"""The benchmark configuration is data; a wrong setting is named in the error."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.config import load_config

CONFIG = Path(__file__).resolve().parents[2] / "benchmarks" / "config.toml"


def test_shipped_config_loads_and_covers_the_issue_sizes():
    cfg = load_config(CONFIG)
    assert cfg.turns == 72
    assert {100, 1_000, 10_000, 100_000, 1_000_000} <= set(cfg.engine_dyads)
    assert cfg.cli_dyads == 10_000_000 and cfg.mesa_dyads == 10_000 and cfg.numpy_dyads == 100_000
    assert (cfg.small_n, cfg.large_n) == (100, 100_000)
    assert (cfg.sweep_points, cfg.sweep_dyads) == (200, 200)
    assert cfg.calibrate_args == ("--budget", "200", "--sbc", "20")


@pytest.mark.parametrize(("old", "new", "message"), [
    ("repeats = 3 ", "repeats = 0 ", "timing.repeats"),
    ('outcomes = ["ios", "liking", "trust"]', 'outcomes = ["ios", "happiness"]', "happiness"),
    ("[scaling]", "[scalin]", r"missing section \[scaling\]"),
    ("seed = 1\n", "seed = 1\nspeed = 2\n", "unknown"),
    ("dyads = 10_000 ", 'dyads = "many" ', "mesa.dyads"),
    ("threads = 2\n", "threads = 1\n", "threads.threads"),
    ('args = ["--budget"', 'args = [200, "--budget"', "calibrate.args"),
])
def test_bad_config_is_a_clear_error(tmp_path, old, new, message):
    text = CONFIG.read_text()
    assert old in text
    bad = tmp_path / "config.toml"
    bad.write_text(text.replace(old, new, 1))
    with pytest.raises(ValueError, match=message):
        load_config(bad)


def test_unreadable_config_is_a_clear_error(tmp_path):
    bad = tmp_path / "config.toml"
    bad.write_text("[engine\n")
    with pytest.raises(ValueError, match="cannot read"):
        load_config(bad)
