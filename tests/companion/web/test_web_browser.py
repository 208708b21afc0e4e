"""End to end in a real browser: Debian's chromium driven by Playwright against ``nabij serve``.

Unlocks, logs a disclosure in Dutch, sees the next step change, answers three questions of
a 36-questions session as two people, and locks; every request the pages make must go to
127.0.0.1, the browser console must stay free of errors (a CSP violation would show
there), and the server's output must not contain the passphrase or what was typed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import PASSPHRASE

from nabij.companion.domain import Entry
from nabij.companion.journal import Journal
from nabij.companion.store import SqliteStore

CHROMIUM = Path(os.environ.get("NABIJ_CHROMIUM", "/usr/bin/chromium"))
SECRET_TOPIC = "verhuizing-naar-utrecht-93"
playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: `make test` installs Debian's chromium")]

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """``nabij serve`` on a journal where Sam has met one disclosure warmly."""
    journal = tmp_path / "journal.db"
    store, _ = SqliteStore.create(journal, PASSPHRASE)
    Journal(store).add_entry(Entry.from_dict({"person": "Sam", "topic": "werk", "depth": 30,
                                              "fear_before": 60, "responsiveness": 6}))
    store.close()
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "nabij.cli", "serve", "--port", str(port), "--journal",
         str(journal), "--lang", "nl", "--no-browser"],
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
                pytest.fail(f"nabij serve did not start: {proc.communicate()[0]}")
            time.sleep(0.2)
    yield base, proc
    if proc.poll() is None:
        proc.terminate()
    proc.communicate(timeout=10)  # also closes the pipe


def test_unlock_log_in_dutch_session_for_two_and_lock(
        server: tuple[str, subprocess.Popen[str]]) -> None:
    base, proc = server
    requested: list[str] = []
    console_errors: list[str] = []
    with playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(locale="nl-NL")
        page.on("request", lambda r: requested.append(r.url))
        page.on("console", lambda m: console_errors.append(m.text) if m.type == "error" else None)
        expect = playwright_api.expect

        page.goto(base + "/")
        expect(page).to_have_url(base + "/unlock")
        page.get_by_label("Wachtzin", exact=True).fill(PASSPHRASE)
        page.keyboard.press("Enter")
        expect(page).to_have_url(base + "/today")
        before = page.get_by_test_id("headline").inner_text()
        assert "Sam" in before

        page.get_by_role("link", name="Noteren").click()
        page.get_by_label("Persoon (naam of bijnaam)").fill("Sam")
        page.get_by_label("Onderwerp").fill(SECRET_TOPIC)
        page.get_by_label("Diepte, hoe persoonlijk").fill("36")
        page.get_by_label("Angst vooraf").fill("40")
        page.locator("input[name=responsiveness][value='7']").check()
        page.get_by_label("Onderwerp").press("Enter")  # the keyboard saves
        expect(page).to_have_url(base + "/today?saved=1")
        expect(page.get_by_role("status")).to_contain_text("Opgeslagen")
        after = page.get_by_test_id("headline").inner_text()
        assert after != before, (before, after)

        page.get_by_role("link", name="36 vragen").click()
        page.get_by_label("Eerste persoon").fill("Ann")
        page.get_by_label("Tweede persoon").fill("Bo")
        page.locator("input[name=ios_a][value='2']").check()
        page.locator("input[name=ios_b][value='3']").check()
        page.get_by_role("button", name="Beginnen").click()
        question = page.get_by_test_id("question")
        seen = []
        for number in (1, 2, 3):
            expect(page.locator(".progress")).to_contain_text(f"vraag {number} van 12")
            seen.append(question.inner_text())
            page.get_by_role("button", name="We hebben allebei geantwoord").click()
        expect(page.locator(".progress")).to_contain_text("vraag 4 van 12")
        assert len(set(seen)) == 3
        page.get_by_role("button", name="Stoppen met de vragen").click()
        page.locator("input[name=ios_a][value='4']").check()
        page.locator("input[name=ios_b][value='5']").check()
        page.get_by_role("button", name="Sessie opslaan").click()
        expect(page.get_by_role("status")).to_contain_text("Sessie opgeslagen")
        expect(page.locator("table")).to_contain_text("3/36")

        page.get_by_role("button", name="Vergrendelen").click()
        expect(page.get_by_role("status")).to_contain_text("Vergrendeld")
        page.goto(base + "/today")
        expect(page).to_have_url(base + "/unlock")
        browser.close()

    assert requested and all(u.startswith(base + "/") for u in requested), requested
    assert not console_errors, console_errors
    proc.terminate()
    output = proc.communicate(timeout=10)[0]
    for secret in (PASSPHRASE, SECRET_TOPIC, "Sam", "Ann"):
        assert secret not in output
