"""The scriptable forms exactly as a script runs them: separate processes, env passphrase."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ENTRY = {"person": "Sam", "topic": "something I never said", "depth": 30, "fear_before": 60,
         "responsiveness": 6, "note": "it went better than feared"}


def nabij(*args: str, pw: str = "a scripted passphrase", stdin: str | None = None,
          lang: str = "C") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NABIJ_PASSPHRASE": pw, "NABIJ_KDF_PROFILE": "test", "LANG": lang}
    env.pop("LC_ALL", None)
    return subprocess.run([sys.executable, "-m", "nabij.companion.cli", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=60)


@pytest.mark.slow
def test_scriptable_forms_end_to_end(tmp_path: Path) -> None:
    path, other = str(tmp_path / "j.db"), str(tmp_path / "other.db")
    assert nabij("init", "--journal", path).returncode == 0
    added = nabij("add", "--journal", path, "--json", "-", stdin=json.dumps(ENTRY))
    assert added.returncode == 0, added.stderr
    listed = nabij("list", "--journal", path)
    assert listed.returncode == 0 and "Sam" in listed.stdout

    before = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    wrong = nabij("list", "--journal", path, pw="not it")
    assert wrong.returncode != 0 and "passphrase" in wrong.stderr.lower()
    assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == before

    exported = nabij("export", "--journal", path, "--format", "json")
    assert exported.returncode == 0
    (tmp_path / "out.json").write_text(exported.stdout, encoding="utf-8")
    assert nabij("init", "--journal", other).returncode == 0
    assert nabij("import", "--journal", other, str(tmp_path / "out.json")).returncode == 0
    again = nabij("export", "--journal", other, "--format", "json")
    assert json.loads(again.stdout)["entries"] == json.loads(exported.stdout)["entries"]

    nxt = nabij("next", "--journal", path)
    assert nxt.returncode == 0 and "Sam" in nxt.stdout
    dutch = nabij("next", "--journal", path, lang="nl_NL.UTF-8")
    assert "Volgende stap" in dutch.stdout
