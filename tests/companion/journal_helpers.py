"""Helpers for the CLI tests: run a journal command as a script would, damage a record."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner, Result

from nabij.companion.cli import journal_app

PW = "correct horse battery"
ENTRY = {"person": "Sam", "topic": "work stress", "depth": 30, "fear_before": 60,
         "responsiveness": 6, "note": "went fine"}


def run(*args: str, input: str | None = None, pw: str | None = PW,
        env: dict[str, str] | None = None) -> Result:
    """``nabij journal ARGS`` with the passphrase in the environment (like a script)."""
    full_env = {"NABIJ_PASSPHRASE": pw} if pw is not None else {}
    full_env.update(env or {})
    return CliRunner(env=full_env).invoke(journal_app, list(args), input=input)


def make_journal(path: Path, *entries: dict[str, object]) -> Path:
    """A journal at ``path`` holding ``entries`` (each merged onto :data:`ENTRY`)."""
    res = run("init", "--journal", str(path))
    assert res.exit_code == 0, res.output
    for extra in entries:
        res = run("add", "--journal", str(path), "--json", "-",
                  input=json.dumps({**ENTRY, **extra}))
        assert res.exit_code == 0, res.output
    return path


def no_traceback(res: Result) -> None:
    """The command ended by itself (a clear message), not by an unexpected exception."""
    assert res.exception is None or isinstance(res.exception, SystemExit), (
        repr(res.exception), res.output)


def flip_a_byte(path: Path, record_id: str) -> None:
    """Damage one sealed row the way a bad sector or a careless tool would."""
    db = sqlite3.connect(path)
    (sealed,) = db.execute("SELECT sealed FROM records WHERE id = ?", (record_id,)).fetchone()
    damaged = bytearray(sealed)
    damaged[len(damaged) // 2] ^= 0x01
    db.execute("UPDATE records SET sealed = ? WHERE id = ?", (bytes(damaged), record_id))
    db.commit()
    db.close()
