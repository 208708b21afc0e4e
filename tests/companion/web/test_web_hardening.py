"""The web app under accidents and a hostile local process: damaged records, bad input."""

from __future__ import annotations

import http.server
import json
import threading
import time
import webbrowser
from collections.abc import Iterator
from pathlib import Path

import pytest
from journal_helpers import flip_a_byte
from starlette.testclient import TestClient
from web_helpers import BASE, PASSPHRASE, in_journal, post

from nabij.companion.web import WebConfig, create_app
from nabij.companion.web.config import LAUNCH_PATH
from nabij.companion.web.server import PortBusyError, open_when_ours, serve

ENTRY = {"person": "Sam", "depth": "30", "fear_before": "50", "responsiveness": "6"}


def _log(client: TestClient, topic: str) -> None:
    r = post(client, "/entries", {**ENTRY, "topic": topic}, token_from="/today")
    assert r.status_code == 303, r.text


def test_a_damaged_record_does_not_break_the_pages(unlocked: TestClient,
                                                   config: WebConfig) -> None:
    _log(unlocked, "kept")
    _log(unlocked, "damaged")
    bad = in_journal(unlocked, lambda j: next(e.id for e in j.entries()
                                              if e.topic == "damaged"))
    flip_a_byte(config.journal, bad)
    for page in ("/today", "/people", "/calibration", "/ladder", "/review", "/settings"):
        assert unlocked.get(page).status_code == 200, page
    r = post(unlocked, "/settings/export", {"format": "json"}, token_from="/settings")
    assert r.status_code == 200
    assert [e["topic"] for e in json.loads(r.text)["entries"]] == ["kept"]


def test_a_superscript_two_in_the_timer_is_a_form_error(unlocked: TestClient) -> None:
    r = post(unlocked, "/session/start", {"person_a": "Ann", "person_b": "Bo", "ios_a": "3",
                                          "ios_b": "4", "timer": "²"}, token_from="/session")
    assert r.status_code == 422 and "timer" in r.text
    assert 'value="Ann"' in r.text  # what was typed is still there


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-01:00", "0001-01-01T00:00:00+01:00"])
def test_an_extreme_date_is_a_form_error(unlocked: TestClient, when: str) -> None:
    r = post(unlocked, "/entries", {**ENTRY, "topic": "kept as typed", "when": when},
             token_from="/today")
    assert r.status_code == 422 and "kept as typed" in r.text


# -- a busy port: no browser opened onto whatever holds it ----------------------------------
class _Impostor(http.server.BaseHTTPRequestHandler):
    """A program that grabbed the port and shows its own (fake unlock) page."""

    def do_GET(self) -> None:
        body = b"<form>Passphrase: <input name=passphrase></form>"
        self.send_response(200)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


@pytest.fixture
def impostor() -> Iterator[int]:
    server = http.server.HTTPServer(("127.0.0.1", 0), _Impostor)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


def test_serve_on_a_busy_port_opens_no_browser(tmp_path: Path, impostor: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *_a, **_k: opened.append(url))
    config = WebConfig(journal=tmp_path / "journal.db", port=impostor)
    with pytest.raises((OSError, SystemExit)) as caught:
        serve(config)
    time.sleep(2.0)  # longer than any "open the browser in a second" timer
    assert opened == []
    assert isinstance(caught.value, PortBusyError) and str(impostor) in str(caught.value)


def test_the_browser_opens_only_for_the_server_that_knows_the_secret(impostor: int) -> None:
    opened: list[str] = []
    url = f"http://127.0.0.1:{impostor}/"
    assert not open_when_ours(url, "our secret", opened.append, timeout=3)
    assert opened == []


def test_the_launch_secret_is_answered(config: WebConfig) -> None:
    config.launch_token = "launch-secret-123"
    with TestClient(create_app(config), base_url=BASE) as c:
        assert c.get(LAUNCH_PATH).text == "launch-secret-123"


# -- passphrase guessing, and what a 500 may say ---------------------------------------------
def test_passphrase_guesses_back_off(unlocked: TestClient, clock: object) -> None:
    assert post(unlocked, "/lock", token_from="/today").status_code == 303
    codes = [post(unlocked, "/unlock", {"passphrase": f"guess {i}"}).status_code
             for i in range(6)]
    assert codes[:3] == [403] * 3 and set(codes[3:]) == {429}
    r = post(unlocked, "/unlock", {"passphrase": PASSPHRASE})
    assert r.status_code == 429 and "Wait" in r.text  # even the right one waits its turn
    clock.advance(600)  # type: ignore[attr-defined]
    assert post(unlocked, "/unlock", {"passphrase": PASSPHRASE}).status_code == 303
    assert post(unlocked, "/lock", token_from="/today").status_code == 303
    assert post(unlocked, "/unlock", {"passphrase": "one typo"}).status_code == 403  # reset


def test_the_current_passphrase_check_backs_off_too(unlocked: TestClient) -> None:
    for i in range(8):
        r = post(unlocked, "/settings/passphrase", {"current": f"guess {i}",
                                                    "new": "a new passphrase",
                                                    "confirm": "a new passphrase"},
                 token_from="/settings")
    assert r.status_code == 429


def test_an_unexpected_error_reaches_the_server_as_nothing(
        config: WebConfig, caplog: pytest.LogCaptureFixture) -> None:
    """uvicorn logs whatever escapes the app with its traceback: nothing may escape."""
    app = create_app(config)
    secret = "my-secret-topic-4711"

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError(f"failure quoting {secret}")

    with TestClient(app, base_url=BASE, raise_server_exceptions=True) as c:
        r = c.get("/boom")  # raised out of the app, this would fail the test
    assert r.status_code == 500 and secret not in r.text
    assert r.headers["content-security-policy"]
    assert "unexpected RuntimeError on GET /boom" in caplog.text
    assert secret not in caplog.text and all(rec.exc_info is None for rec in caplog.records)
