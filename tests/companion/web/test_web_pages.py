"""Every page, in both languages, through the ASGI transport: unlock, log, plan, session."""

from __future__ import annotations

import re

import pytest
from starlette.testclient import TestClient
from web_helpers import PASSPHRASE, in_journal, post

from nabij.companion.web import WebConfig

PAGES = ["/today", "/entries/new", "/people", "/calibration", "/ladder", "/reflections",
         "/review", "/session", "/settings"]
ENTRY = {"person": "Sam", "topic": "work worries", "depth": "30", "fear_before": "60",
         "responsiveness": "6"}


def _headline(client: TestClient) -> str:
    found = re.search(r'data-testid="headline">([^<]*)<', client.get("/today").text)
    assert found
    return found.group(1)


def _switch(client: TestClient, lang: str) -> None:
    assert post(client, "/settings/language", {"lang": lang}, token_from="/today"
                ).status_code == 303


def test_fresh_start_offers_to_create_a_journal(client: TestClient, config: WebConfig) -> None:
    assert client.get("/").headers["location"] == "/unlock"
    page = client.get("/unlock")
    assert "Create your journal" in page.text and not config.journal.exists()
    short = post(client, "/create", {"passphrase": "short", "confirm": "short"})
    assert short.status_code == 422 and "at least 8 characters" in short.text
    differ = post(client, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE + "x"})
    assert differ.status_code == 422 and not config.journal.exists()
    assert post(client, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE}
                ).headers["location"] == "/today"
    assert config.journal.exists()


def test_unlock_with_wrong_and_right_passphrase(unlocked: TestClient, config: WebConfig) -> None:
    post(unlocked, "/lock", token_from="/today")
    before = config.journal.read_bytes()
    wrong = post(unlocked, "/unlock", {"passphrase": "not it at all"})
    assert wrong.status_code == 403 and "Wrong passphrase" in wrong.text
    assert config.journal.read_bytes() == before
    assert post(unlocked, "/unlock", {"passphrase": PASSPHRASE}).headers["location"] == "/today"


@pytest.mark.parametrize("lang", ["en", "nl"])
@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_in_both_languages(unlocked: TestClient, lang: str, path: str) -> None:
    post(unlocked, "/entries", ENTRY, token_from="/today")
    _switch(unlocked, lang)
    r = unlocked.get(path)
    assert r.status_code == 200
    assert f'<html lang="{lang}">' in r.text
    assert ("Vandaag" if lang == "nl" else "Today") in r.text  # the navigation


def test_logging_an_entry_changes_the_next_step(unlocked: TestClient) -> None:
    assert "Nobody in the journal yet" in unlocked.get("/today").text
    r = post(unlocked, "/entries", ENTRY, token_from="/today")
    assert r.status_code == 303 and r.headers["location"] == "/today?saved=1"
    first = _headline(unlocked)
    assert "Sam" in first
    for _ in range(3):
        post(unlocked, "/entries", {**ENTRY, "responsiveness": "7"}, token_from="/today")
    assert _headline(unlocked) != first
    assert "step up" in _headline(unlocked)


def test_bad_input_keeps_everything_typed_and_says_why_in_dutch(unlocked: TestClient) -> None:
    _switch(unlocked, "nl")
    typed = {**ENTRY, "depth": "300", "note": "line one\n  line two", "signals": "calm_voice",
             "other_signals": "a hug", "edited": "1", "caring": "5"}
    r = post(unlocked, "/entries", typed, token_from="/today")
    assert r.status_code == 422
    assert "Diepte, hoe persoonlijk: moet een geheel getal van 0 tot en met 100 zijn" in r.text
    assert 'id="depth" name="depth"' in r.text and 'value="300"' in r.text
    assert 'aria-invalid="true"' in r.text
    for kept in ('value="work worries"', "line one\n  line two", 'value="a hug"',
                 'value="calm_voice" checked', 'name="edited" value="1" checked', 'value="5"'):
        assert kept in r.text
    assert "Sam" not in _today_text(unlocked)


def _today_text(client: TestClient) -> str:
    return client.get("/today").text.split("<main", 1)[1]


def test_optional_details_are_stored(unlocked: TestClient) -> None:
    post(unlocked, "/entries", {**ENTRY, "signals": ["calm_voice", "shared_back"],
                                "other_signals": "a hug, tea", "edited": "1",
                                "when": "2026-01-05", "feeling_after": "80"},
         token_from="/today")
    [entry] = in_journal(unlocked, lambda j: j.entries())
    assert entry.safety_signals == ("calm_voice", "shared_back", "a hug", "tea")
    assert entry.edited and entry.feeling_after == 80 and entry.when.year == 2026


def test_people_page_shows_a_chart_and_edits_context(unlocked: TestClient) -> None:
    for r in ("6", "5", "7"):
        post(unlocked, "/entries", {**ENTRY, "responsiveness": r}, token_from="/today")
    page = unlocked.get("/people").text
    assert page.count('<svg class="chart"') == 1 and "Responsiveness of Sam over time" in page
    assert "<polygon" in page  # the uncertainty band
    r = post(unlocked, "/people", {"name": "Sam", "relationship": "colleague",
                                   "power": "they_have_power"}, token_from="/today")
    assert r.status_code == 303
    assert "they have power" in unlocked.get("/people").text
    bad = post(unlocked, "/people", {"name": "Sam", "relationship": "nemesis"},
               token_from="/today")
    assert bad.status_code == 422 and "relationship: must be one of" in bad.text


def test_charts_are_labelled_in_dutch(unlocked: TestClient) -> None:
    post(unlocked, "/entries", ENTRY, token_from="/today")
    _switch(unlocked, "nl")
    assert "reactie nummer (oudste eerst)" in unlocked.get("/people").text
    assert "verwachte reactie (1-7)" in unlocked.get("/calibration").text
    assert "diepte (0-100)" in unlocked.get("/ladder").text


def test_reflections_are_saved(unlocked: TestClient) -> None:
    empty = post(unlocked, "/reflections", {"today": "  "}, token_from="/today")
    assert empty.status_code == 422
    post(unlocked, "/reflections", {"today": "ask Sam about the move"}, token_from="/today")
    assert "ask Sam about the move" in unlocked.get("/reflections").text


def test_a_36_questions_session_for_two(unlocked: TestClient) -> None:
    bad = post(unlocked, "/session/start", {"person_a": "Ann", "person_b": "Bo", "ios_a": "9",
                                            "ios_b": "3"}, token_from="/today")
    assert bad.status_code == 422 and 'value="Ann"' in bad.text
    post(unlocked, "/session/start", {"person_a": "Ann", "person_b": "Bo", "ios_a": "2",
                                      "ios_b": "3", "timer": "15"}, token_from="/today")
    page = unlocked.get("/session").text
    assert "Set 1 of 3 · question 1 of 12" in page and "Ann answers first, then Bo." in page
    assert 'data-seconds-left="900"' in page
    hx = {"HX-Request": "true"}
    card = post(unlocked, "/session/turn", {"answered_by": "both"}, "/today", headers=hx)
    assert "question 2 of 12" in card.text and "Bo answers first, then Ann." in card.text
    assert "<html" not in card.text  # only the card is swapped
    post(unlocked, "/session/turn", {"answered_by": "a"}, "/today", headers=hx)
    post(unlocked, "/session/turn", {"skip": "1"}, "/today", headers=hx)
    finish = post(unlocked, "/session/end", token_from="/today")
    assert "How close do you feel now?" in finish.text
    saved = post(unlocked, "/session/finish", {"ios_a": "4", "ios_b": "5"}, token_from="/today")
    assert saved.headers["location"] == "/session?saved=1"
    [session] = in_journal(unlocked, lambda j: j.sessions())
    assert session.ios_before == (2, 3) and session.ios_after == (4, 5)
    assert [t.answered_by for t in session.turns] == ["both", "a", "both"]
    assert session.turns[2].skipped
    assert "2/36" in unlocked.get("/session").text


def test_settings_export_backup_and_passphrase(unlocked: TestClient, config: WebConfig) -> None:
    post(unlocked, "/entries", ENTRY, token_from="/today")
    export = post(unlocked, "/settings/export", {"format": "json"}, token_from="/today")
    assert export.json()["entries"][0]["topic"] == "work worries"
    assert "attachment" in export.headers["content-disposition"]
    csv = post(unlocked, "/settings/export", {"format": "csv"}, token_from="/today")
    assert csv.text.startswith("id,when,person")
    backup = post(unlocked, "/settings/backup", token_from="/today")
    assert "Backup written and verified" in backup.text
    wrong = post(unlocked, "/settings/passphrase", {"current": "nope nope", "new": "new phrase 1",
                                                    "confirm": "new phrase 1"}, "/today")
    assert wrong.status_code == 403
    ok = post(unlocked, "/settings/passphrase", {"current": PASSPHRASE, "new": "new phrase 1",
                                                 "confirm": "new phrase 1"}, "/today")
    assert "Passphrase changed." in ok.text
    post(unlocked, "/lock", token_from="/today")
    assert post(unlocked, "/unlock", {"passphrase": "new phrase 1"}).status_code == 303
