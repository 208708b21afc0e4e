"""Nothing typed is lost to the lock: drafts survive auto-lock and the lock button.

Route names for the browser test: a form posted to ``POST /entries`` (or
``POST /reflections``) while locked answers ``303 /unlock?kept=1``; ``POST /unlock`` by the
same browser then answers ``303 /entries/new?restored=1`` (``/reflections?restored=1``),
where the form is filled in as typed. A 36-questions session in progress comes back on
``/session``.
"""

from __future__ import annotations

from starlette.testclient import TestClient
from web_helpers import BASE, PASSPHRASE, csrf, post

from nabij.companion.web import WebConfig

DRAFT = {"person": "Sam", "topic": "the thing I never said", "note": "half typed",
         "depth": "40"}


def _unlock(client: TestClient) -> object:
    return post(client, "/unlock", {"passphrase": PASSPHRASE})


def _idle_past_the_lock(clock: object, config: WebConfig) -> None:
    clock.advance(config.idle_seconds + 1)  # type: ignore[attr-defined]


def test_an_entry_posted_after_the_auto_lock_comes_back_filled_in(
        unlocked: TestClient, clock: object, config: WebConfig) -> None:
    token_page = unlocked.get("/entries/new").text
    assert "csrf_token" in token_page
    _idle_past_the_lock(clock, config)
    r = post(unlocked, "/entries", DRAFT, token_from="/unlock")
    assert r.status_code == 303 and r.headers["location"] == "/unlock?kept=1"
    r = _unlock(unlocked)
    assert r.status_code == 303 and r.headers["location"] == "/entries/new?restored=1"
    form = unlocked.get("/entries/new?restored=1").text
    assert 'value="the thing I never said"' in form and "half typed" in form
    assert "the thing I never said" not in unlocked.get("/entries/new").text  # given back once


def test_a_reflection_posted_after_the_lock_comes_back(unlocked: TestClient, clock: object,
                                                      config: WebConfig) -> None:
    _idle_past_the_lock(clock, config)
    r = post(unlocked, "/reflections", {"good": "my kept answer"}, token_from="/unlock")
    assert r.headers["location"] == "/unlock?kept=1"
    assert _unlock(unlocked).headers["location"] == "/reflections?restored=1"
    assert "my kept answer" in unlocked.get("/reflections").text


def test_another_browser_never_gets_the_draft(unlocked: TestClient, clock: object,
                                              config: WebConfig) -> None:
    _idle_past_the_lock(clock, config)
    post(unlocked, "/entries", DRAFT, token_from="/unlock")
    other = TestClient(unlocked.app, base_url=BASE, follow_redirects=False)
    assert _unlock(other).headers["location"] == "/today"
    assert "the thing I never said" not in other.get("/entries/new").text


def test_a_36_questions_session_survives_the_lock_button(unlocked: TestClient) -> None:
    r = post(unlocked, "/session/start", {"person_a": "Ann", "person_b": "Bo", "ios_a": "3",
                                          "ios_b": "4"}, token_from="/session")
    assert r.status_code == 303
    for who in ("a", "b"):
        assert post(unlocked, "/session/turn", {"answered_by": who},
                    token_from="/session").status_code == 303
    assert post(unlocked, "/lock", token_from="/session").status_code == 303
    assert _unlock(unlocked).headers["location"] == "/session"
    draft = unlocked.app.state.vault.scratch["session"]  # type: ignore[attr-defined]
    assert draft.position == 2 and draft.person_a == "Ann"


def test_a_timed_set_keeps_the_journal_open_as_long_as_its_timer(
        unlocked: TestClient, clock: object, config: WebConfig) -> None:
    minutes = 15
    assert minutes * 60 > config.idle_seconds
    post(unlocked, "/session/start", {"person_a": "Ann", "person_b": "Bo", "ios_a": "3",
                                      "ios_b": "4", "timer": str(minutes)}, token_from="/session")
    clock.advance(minutes * 60 - 30)  # type: ignore[attr-defined]
    page = unlocked.get("/session")
    assert page.status_code == 200
    assert f'data-idle-seconds="{minutes * 60 + 60}"' in page.text
    clock.advance(minutes * 60 + 120)  # type: ignore[attr-defined]
    assert unlocked.get("/session").headers["location"] == "/unlock"
    assert _unlock(unlocked).headers["location"] == "/session"  # and the session is kept


def test_typing_counts_as_activity(unlocked: TestClient, clock: object,
                                   config: WebConfig) -> None:
    token = csrf(unlocked, "/entries/new")
    for _ in range(3):  # a long note: well past the idle limit in all, never idle that long
        clock.advance(config.idle_seconds - 10)  # type: ignore[attr-defined]
        r = unlocked.post("/activity", headers={"X-CSRF-Token": token})
        assert r.status_code == 204
    assert unlocked.get("/entries/new").status_code == 200
    assert unlocked.post("/activity").status_code == 403  # a token is needed, as everywhere
