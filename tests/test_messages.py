"""What the command line prints keeps its brackets: rich would read ``[grid]`` as markup and drop it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from nabij.cli import app

runner = CliRunner()
_WORD_IN_BRACKETS = re.compile(r"\[[A-Za-z_][^\[\]]*\]")


def _commands(command: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    if hasattr(command, "commands"):  # a group (typer carries its own copy of click)
        for name, sub in command.commands.items():
            yield from _commands(sub, (*path, name))


COMMANDS = list(_commands(typer.main.get_command(app)))


@pytest.mark.parametrize("path", [p for p, _ in COMMANDS], ids=lambda p: " ".join(p) or "nabij")
def test_help_keeps_every_bracketed_word_and_shows_flags_without_a_type(path: tuple[str, ...]) -> None:
    command = dict(COMMANDS)[path]
    res = runner.invoke(app, [*path, "--help"], env={"COLUMNS": "200"})
    assert res.exit_code == 0, res.output
    texts = [command.help or ""] + [getattr(p, "help", None) or "" for p in command.params]
    for text in texts:
        for word in _WORD_IN_BRACKETS.findall(text.replace("\\[", "[")):
            assert word in res.output, f"{' '.join(path)} --help lost {word!r}"
    assert "<bool>" not in res.output


def test_sweep_help_names_the_grid_table() -> None:
    res = runner.invoke(app, ["sweep", "--help"], env={"COLUMNS": "200"})
    assert "[grid]" in res.output


def test_an_error_about_the_grid_table_keeps_its_name(tmp_path: Path) -> None:
    grid = tmp_path / "g.toml"
    grid.write_text('quantities = ["T1.d_composite"]\n', encoding="utf-8")
    res = runner.invoke(app, ["sweep", "--grid", str(grid)], env={"COLUMNS": "200"})
    assert res.exit_code == 2
    assert "needs a [grid] table" in res.output


def test_a_path_with_brackets_is_printed_as_given(tmp_path: Path) -> None:
    out = tmp_path / "run[lab]" / "final.csv"
    res = runner.invoke(app, ["simulate", "--dyads", "3", "--no-progress", "--out", str(out)],
                        env={"COLUMNS": "400"})
    assert res.exit_code == 0, res.output
    assert "run[lab]" in res.output.replace("\n", "")  # a long path may wrap, but keeps its brackets
