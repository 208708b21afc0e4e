"""One vocabulary and honest help across commands: relationships, params, allowed values, ports."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nabij.cli import app
from nabij.companion.domain import Confidant, Relationship
from nabij.model import Context, param_specs
from nabij.model.context import canonical_relationship

runner = CliRunner()


@pytest.mark.parametrize(("word", "model"), [("friend", "friends"), ("friends", "friends"),
                                             ("partner", "romantic"), ("colleague", "colleagues"),
                                             ("Strangers", "strangers")])
def test_the_journal_words_and_the_model_words_name_the_same_types(word: str, model: str) -> None:
    assert canonical_relationship(word) == model
    Context(relationship=word).resolve(2)  # accepted by the engine


@pytest.mark.parametrize("word", ["friend", "friends"])
def test_willing_simulate_and_journal_people_accept_friend_and_friends(word: str) -> None:
    for args in (["willing", "--relationship", word, "--people", "20"],
                 ["simulate", "--relationship", word, "--dyads", "3", "--no-progress"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 0, res.output
    assert Confidant.from_dict({"name": "Sam", "relationship": word}).relationship is Relationship.FRIEND


def test_an_unknown_relationship_lists_the_allowed_words() -> None:
    res = runner.invoke(app, ["willing", "--relationship", "pen_pals", "--people", "5"],
                        env={"COLUMNS": "300"})
    assert res.exit_code == 2
    assert "strangers" in res.output and "friend" in res.output


def test_help_lists_allowed_values() -> None:
    res = runner.invoke(app, ["willing", "--help"], env={"COLUMNS": "300"})
    assert "boss_employee" in res.output and "friend" in res.output
    res = runner.invoke(app, ["params", "--help"], env={"COLUMNS": "300"})
    assert all(rule in res.output for rule in {s.rule for s in param_specs()})


def test_params_shows_full_names_meaning_and_why_and_refuses_an_unknown_rule() -> None:
    longest = max(param_specs(), key=lambda s: len(s.name))
    res = runner.invoke(app, ["params", "--rule", longest.rule], env={"COLUMNS": "80"})
    assert res.exit_code == 0
    assert longest.name in res.output  # not cut to "longest_na…"
    assert "why:" in res.output and "source:" in res.output
    bad = runner.invoke(app, ["params", "--rule", "learnin"])
    assert bad.exit_code == 2 and "unknown rule 'learnin'" in bad.output and "learning" in bad.output


def test_serve_on_a_busy_port_suggests_another(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        res = runner.invoke(app, ["serve", "--port", str(port), "--no-browser", "--journal",
                                  str(tmp_path / "j.nabij")], env={"COLUMNS": "300"})
    assert res.exit_code == 2
    assert "already in use" in res.output and "--port" in res.output
