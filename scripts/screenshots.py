"""Screenshots of the web app's main pages for the docs: ``python scripts/screenshots.py``.

Builds a made-up journal (three people over a few weeks, a reflection), serves it with
``nabij serve`` on a free loopback port, and photographs the pages with Debian's chromium
through Playwright into ``docs/images/web-*.png`` (English and Dutch, one phone-sized).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

from playwright.sync_api import Page, sync_playwright

from nabij.companion.domain import Confidant, Entry, Reflection
from nabij.companion.journal import Journal
from nabij.companion.store import SqliteStore

OUT = Path(__file__).resolve().parents[1] / "docs" / "images"
PASSPHRASE = "screenshots only"
#: (person, days ago, depth, fear before, reaction 1-7, topic)
MOMENTS = [
    ("Sam", 40, 10, 60, 5, "a film that moved me"), ("Sam", 33, 14, 55, 6, "stress at work"),
    ("Sam", 26, 18, 50, 6, "my sister"), ("Sam", 19, 22, 45, 7, "feeling lonely lately"),
    ("Sam", 12, 26, 40, 6, "doubts about my job"), ("Sam", 5, 30, 35, 7, "an old fear"),
    ("Noor", 35, 12, 70, 3, "a hobby"), ("Noor", 24, 10, 65, 6, "weekend plans"),
    ("Noor", 14, 15, 60, 2, "a worry"), ("Noor", 4, 12, 55, 5, "a book"),
    ("Mr. Visser", 20, 8, 80, 4, "workload"), ("Mr. Visser", 6, 12, 70, 5, "a deadline"),
]


def build_journal(path: Path) -> None:
    """A small, believable journal; nothing in it is about a real person."""
    store, _ = SqliteStore.create(path, PASSPHRASE)
    journal = Journal(store)
    now = datetime.now(UTC)
    for person, days, depth, fear, reaction, topic in MOMENTS:
        journal.add_entry(Entry(person, topic, depth, fear, reaction,
                                when=now - timedelta(days=days), fear_after=20))
    journal.add_confidant(Confidant.from_dict({"name": "Mr. Visser", "relationship": "colleague",
                                               "power": "they_have_power"}))
    journal.add_reflection(Reflection({"today": "Ask Sam how the move went."}))
    store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def shoot(page: Page, base: str, lang: str) -> None:
    page.goto(base + "/unlock")
    page.locator("#passphrase").fill(PASSPHRASE)
    page.keyboard.press("Enter")
    page.wait_for_url(base + "/today")
    page.locator(f"footer button[value='{lang}']").click()
    for path, name in [("/today", "today"), ("/entries/new", "log"), ("/people", "people"),
                       ("/calibration", "calibration"), ("/ladder", "ladder")]:
        page.goto(base + path)
        page.screenshot(path=OUT / f"web-{name}-{lang}.png", full_page=path != "/people")
    page.goto(base + "/session")
    page.locator("#person_a").fill("Ann")
    page.locator("#person_b").fill("Bo")
    page.locator("input[name=ios_a][value='2']").check()
    page.locator("input[name=ios_b][value='3']").check()
    page.locator("#timer").fill("15")
    page.locator("form[action='/session/start'] button[type=submit]").click()
    page.screenshot(path=OUT / f"web-session-{lang}.png")
    page.locator("form[action='/session/cancel'], form[action='/session/end']").first.locator(
        "button").click()
    page.goto(base + "/session")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        journal = Path(tmp) / "journal.db"
        os.environ["NABIJ_KDF_PROFILE"] = "test"  # a throwaway journal: fast to unlock
        build_journal(journal)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = subprocess.Popen([sys.executable, "-m", "nabij.cli", "serve", "--port",
                                   str(port), "--journal", str(journal), "--no-browser"])
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/unlock", timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.2)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=[
                    "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
                for lang in ("en", "nl"):
                    page = browser.new_page(viewport={"width": 1100, "height": 800})
                    shoot(page, base, lang)
                    page.close()
                phone = browser.new_page(viewport={"width": 390, "height": 844},
                                         device_scale_factor=1)
                phone.goto(base + "/unlock")
                phone.locator("#passphrase").fill(PASSPHRASE)
                phone.keyboard.press("Enter")
                phone.wait_for_url(base + "/today")
                phone.screenshot(path=OUT / "web-today-phone-nl.png")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)
    print("\n".join(sorted(str(p) for p in OUT.glob("web-*.png"))))


if __name__ == "__main__":
    main()
