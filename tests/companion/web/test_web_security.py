"""The security wall: CSRF, Host header, headers, cookie, session binding, auto-lock, logs."""

from __future__ import annotations

import logging

import pytest
from starlette.testclient import TestClient
from web_helpers import BASE, PASSPHRASE, csrf, post

from nabij.companion.web import WebConfig, create_app
from nabij.companion.web.security import CSP, MAX_BODY
from nabij.companion.web.server import check_bind_address

STATE_CHANGING = ["/unlock", "/create", "/lock", "/entries", "/people", "/reflections",
                  "/session/start", "/session/turn", "/session/finish", "/settings/language",
                  "/settings/export", "/settings/backup", "/settings/passphrase", "/activity"]


@pytest.mark.parametrize("path", STATE_CHANGING)
def test_post_without_csrf_token_is_refused(unlocked: TestClient, path: str) -> None:
    r = unlocked.post(path, data={"person": "Sam", "topic": "x", "depth": "10",
                                  "fear_before": "10", "responsiveness": "5"})
    assert r.status_code == 403
    assert "CSRF" in r.text


def test_wrong_csrf_token_and_header_token(unlocked: TestClient) -> None:
    assert unlocked.post("/lock", data={"csrf_token": "0" * 64}).status_code == 403
    token = csrf(unlocked, "/today")
    assert unlocked.post("/lock", headers={"X-CSRF-Token": token}).status_code == 303


def test_token_of_another_session_is_refused(config: WebConfig, unlocked: TestClient) -> None:
    token = csrf(unlocked, "/today")
    with TestClient(unlocked.app, base_url=BASE, follow_redirects=False) as other:
        other.get("/unlock")
        assert other.post("/lock", data={"csrf_token": token}).status_code == 403


def test_foreign_origin_is_refused(unlocked: TestClient) -> None:
    r = post(unlocked, "/lock", token_from="/today", headers={"Origin": "http://evil.example"})
    assert r.status_code == 403


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1:9999",
                                  "localhost", "0.0.0.0:8765", ""])
def test_foreign_host_header_is_refused(client: TestClient, host: str) -> None:
    r = client.get("/unlock", headers={"Host": host})
    assert r.status_code == 421
    assert "set-cookie" not in r.headers


def test_localhost_with_our_port_is_accepted(client: TestClient) -> None:
    assert client.get("/unlock", headers={"Host": "localhost:8765"}).status_code == 200


@pytest.mark.parametrize("path", ["/unlock", "/static/app.css", "/nope"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    h = client.get(path).headers
    assert h["content-security-policy"] == CSP
    assert "script-src 'self';" in CSP and "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert "frame-ancestors 'none'" in CSP
    assert h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "no-referrer"
    assert h["x-content-type-options"] == "nosniff"
    assert h["cache-control"] == "no-store"


def test_session_cookie_is_samesite_strict_and_httponly(client: TestClient) -> None:
    cookie = client.get("/unlock").headers["set-cookie"]
    assert "SameSite=Strict" in cookie and "HttpOnly" in cookie and "Path=/" in cookie


def test_unlocked_journal_is_only_for_the_session_that_unlocked_it(unlocked: TestClient) -> None:
    assert unlocked.get("/today").status_code == 200
    with TestClient(unlocked.app, base_url=BASE, follow_redirects=False) as other:
        r = other.get("/today")
        assert r.status_code == 303 and r.headers["location"] == "/unlock"


def test_auto_lock_after_inactivity_with_a_fake_clock(unlocked: TestClient, clock: object,
                                                       config: WebConfig) -> None:
    vault = unlocked.app.state.vault  # type: ignore[attr-defined]
    clock.advance(config.idle_seconds - 1)  # type: ignore[attr-defined]
    assert unlocked.get("/today").status_code == 200  # activity restarts the countdown
    clock.advance(config.idle_seconds - 1)  # type: ignore[attr-defined]
    assert unlocked.get("/today").status_code == 200
    clock.advance(config.idle_seconds + 1)  # type: ignore[attr-defined]
    assert vault.expire_if_idle() is True
    assert vault._journal is None and vault._owner is None
    r = unlocked.get("/today")
    assert r.status_code == 303 and r.headers["location"] == "/unlock"


def test_lock_drops_the_key(unlocked: TestClient) -> None:
    vault = unlocked.app.state.vault  # type: ignore[attr-defined]
    store = vault._journal.store
    assert post(unlocked, "/lock", token_from="/today").status_code == 303
    assert vault._journal is None
    vault._executor.submit(lambda: None).result()  # the close ran on the journal thread
    assert store._master == b""
    assert unlocked.get("/people").headers["location"] == "/unlock"


def test_htmx_request_when_locked_gets_a_redirect_header(client: TestClient) -> None:
    r = client.get("/today", headers={"HX-Request": "true"})
    assert r.status_code == 204 and r.headers["hx-redirect"] == "/unlock"


def test_oversized_body_is_refused(unlocked: TestClient) -> None:
    r = post(unlocked, "/entries", {"note": "x" * (MAX_BODY + 10)}, token_from="/today")
    assert r.status_code == 413


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.2", "::", "localhost.evil", "::1"])
def test_serve_refuses_to_bind_anywhere_but_loopback(host: str) -> None:
    with pytest.raises(ValueError, match=r"127\.0\.0\.1 only"):
        check_bind_address(host)
    assert check_bind_address("127.0.0.1") == "127.0.0.1"


def test_logs_never_contain_content_or_passphrases(config: WebConfig,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    secret_topic, secret_note = "my-secret-topic-4711", "my-secret-note-0815"
    caplog.set_level(logging.DEBUG)
    app = create_app(config)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError(f"failure quoting {secret_topic}")

    with TestClient(app, base_url=BASE, follow_redirects=False,
                    raise_server_exceptions=False) as c:
        post(c, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
        post(c, "/entries", {"person": "Sam", "topic": secret_topic, "depth": "30",
                             "fear_before": "50", "responsiveness": "6", "note": secret_note},
             token_from="/today")
        post(c, "/entries", {"person": "Sam", "topic": secret_topic, "depth": "300"},
             token_from="/today")
        post(c, "/lock", token_from="/today")
        post(c, "/unlock", {"passphrase": "wrong " + PASSPHRASE})
        assert c.get("/boom").status_code == 500
    text = caplog.text + " ".join(str(r.args) for r in caplog.records)
    assert "unexpected RuntimeError on GET /boom" in caplog.text
    for secret in (secret_topic, secret_note, PASSPHRASE, "Sam"):
        assert secret not in text
