"""Crash safety: a writer killed with SIGKILL mid-write leaves every committed entry."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nabij.companion.journal import Journal
from nabij.companion.store import SqliteStore

WRITER = """
import sys
from nabij.companion.domain import Entry
from nabij.companion.journal import Journal
from nabij.companion.store import SqliteStore
j = Journal(SqliteStore.open(sys.argv[1], "crash test pass"))
i = 0
while True:
    e = j.add_entry(Entry("Sam", "topic %d" % i, i % 100, 50, 5, note="x" * 2000))
    print(e.id, flush=True)  # printed only after the commit returned
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")
def test_sigkill_mid_write_keeps_every_committed_entry(journal_path: Path) -> None:
    SqliteStore.create(journal_path, "crash test pass")[0].close()
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(journal_path)],
                            stdout=subprocess.PIPE, text=True, env={**os.environ})
    committed: list[str] = []
    deadline = time.monotonic() + 8
    assert proc.stdout is not None
    while len(committed) < 40 and time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stdout.close()
    assert len(committed) >= 5, "the writer did not get going"
    with SqliteStore.open(journal_path, "crash test pass") as s:
        ids = {e.id for e in Journal(s).entries()}
        assert s._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert set(committed) <= ids
