"""Helpers for the browser tests: ``nabij serve`` in a subprocess and Debian's chromium.

Playwright cannot download its own browser here, so the tests drive ``/usr/bin/chromium``
(``make chromium`` installs it); they are skipped where it is missing.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from web_helpers import PASSPHRASE

from nabij.companion.domain import Entry
from nabij.companion.journal import Journal
from nabij.companion.store import SqliteStore

CHROMIUM = Path(os.environ.get("NABIJ_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(journal: Path, entries: Sequence[dict[str, object]], lang: str = "nl",
            extra: Sequence[str] = ()) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``nabij serve`` on a fresh journal holding ``entries``; yields (base URL, process)."""
    store, _ = SqliteStore.create(journal, PASSPHRASE)
    j = Journal(store)
    for data in entries:
        j.add_entry(Entry.from_dict(data))
    store.close()
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nabij.cli", "serve", "--port", str(port), "--journal",
         str(journal), "--lang", lang, "--no-browser", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NABIJ_KDF_PROFILE": "test"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(f"{base}/unlock", timeout=1).close()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(
                    f"nabij serve did not start: {proc.communicate()[0]}") from None
            time.sleep(0.2)
    try:
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.terminate()
        proc.communicate(timeout=10)
