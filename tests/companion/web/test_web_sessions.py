"""Sessions a local attacker could steal or plant: fixation, other launches, /lock by others.

Browsers send 127.0.0.1 cookies to every port, so a page served by another local process
can plant a session cookie for ours. These tests play that attacker with a second client.
"""

from __future__ import annotations

from starlette.testclient import TestClient
from web_helpers import BASE, PASSPHRASE, csrf, post

from nabij.companion.web import WebConfig, create_app
from nabij.companion.web.security import cookie_name


def _session(client: TestClient) -> dict[str, str]:
    return {c.name: str(c.value) for c in client.cookies.jar}


def _plant(client: TestClient, cookies: dict[str, str]) -> None:
    """What a page on another local port can do: set cookies for 127.0.0.1."""
    client.cookies.clear()
    for name, value in cookies.items():
        client.cookies.set(name, value, domain="127.0.0.1")


def _second(client: TestClient) -> TestClient:
    """Another client of the same running app (no ``with``: that would stop the app)."""
    return TestClient(client.app, base_url=BASE, follow_redirects=False)


def test_a_session_planted_before_unlocking_opens_nothing(client: TestClient) -> None:
    attacker = _second(client)
    attacker.get("/unlock")  # the attacker's process gets a genuine cookie ...
    planted = _session(attacker)
    attacker_token = csrf(attacker)
    _plant(client, planted)  # ... and its page on another port plants it
    assert post(client, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE}
                ).status_code == 303
    assert client.get("/today").status_code == 200
    assert _session(client) != planted  # renewed on unlock
    replay = _second(client)
    _plant(replay, planted)
    r = replay.get("/settings")
    assert r.status_code == 303 and r.headers["location"] == "/unlock"
    r = replay.post("/settings/export", data={"csrf_token": attacker_token, "format": "json"})
    assert r.status_code != 200 and "nabij-journal-export" not in r.text


def test_a_session_from_another_launch_is_refused(config: WebConfig) -> None:
    with TestClient(create_app(config), base_url=BASE, follow_redirects=False) as first:
        first.get("/unlock")
        old = _session(first)
    with TestClient(create_app(config), base_url=BASE, follow_redirects=False) as second:
        _plant(second, old)
        r = second.get("/unlock")
        assert "set-cookie" in r.headers  # not ours: replaced by a fresh session
        assert _session(second) != old


def test_an_invented_session_id_is_replaced(client: TestClient, config: WebConfig) -> None:
    invented = "A" * 43 + "." + "0" * 32
    _plant(client, {cookie_name(config.port): invented})
    r = client.get("/unlock")
    assert "set-cookie" in r.headers and invented not in r.headers["set-cookie"]


def test_the_cookie_names_its_port(client: TestClient, config: WebConfig) -> None:
    cookie = client.get("/unlock").headers["set-cookie"]
    assert cookie.startswith(cookie_name(config.port) + "=")
    assert str(config.port) in cookie_name(config.port)


def test_lock_renews_the_session(unlocked: TestClient) -> None:
    before = _session(unlocked)
    assert post(unlocked, "/lock", token_from="/today").status_code == 303
    assert _session(unlocked) != before


def test_only_the_owning_session_can_lock(unlocked: TestClient) -> None:
    r = post(_second(unlocked), "/lock")  # a valid token, but for another session
    assert r.status_code == 303
    assert unlocked.get("/today").status_code == 200  # still unlocked for its owner
