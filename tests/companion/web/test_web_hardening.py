"""The web app under accidents and a hostile local process: damaged records, bad input."""

from __future__ import annotations

import json

from journal_helpers import flip_a_byte
from starlette.testclient import TestClient
from web_helpers import in_journal, post

from nabij.companion.web import WebConfig

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
