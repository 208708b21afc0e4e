"""The web app under ``--lang nl``: the wall's refusals, the 500 page and form errors in Dutch."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from starlette.testclient import TestClient
from web_helpers import BASE, PASSPHRASE, post

import nabij.companion
from nabij.companion.web import WebConfig, create_app
from nabij.companion.web.security import MAX_BODY

LOCALE = Path(nabij.companion.__file__).parent / "locale"


@pytest.fixture
def dutch(tmp_path: Path) -> Iterator[TestClient]:
    config = WebConfig(journal=tmp_path / "journal.db", lang="nl", port=8765)
    app = create_app(config)

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("a bug")

    with TestClient(app, base_url=BASE, follow_redirects=False,
                    raise_server_exceptions=False) as c:
        yield c


def test_refusals_and_500_are_dutch(dutch: TestClient) -> None:
    assert "alleen op 127.0.0.1" in dutch.get("/unlock", headers={"Host": "evil.example"}).text
    no_token = dutch.post("/lock", data={"x": "1"})
    assert no_token.status_code == 403 and "Geweigerd" in no_token.text
    foreign = post(dutch, "/lock", headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 403 and "andere site" in foreign.text
    big = dutch.post("/lock", content=b"x" * (MAX_BODY + 1),
                     headers={"content-type": "application/x-www-form-urlencoded"})
    assert big.status_code == 413 and "te groot" in big.text
    broken = dutch.get("/boom")
    assert broken.status_code == 500 and "niets opgeslagen" in broken.text


def _english_only() -> list[str]:
    """Catalogue messages of two or more words whose Dutch differs from the English."""
    with (LOCALE / "nl" / "LC_MESSAGES" / "nabij.po").open("rb") as fh:
        return [m.id for m in read_po(fh) if isinstance(m.id, str) and m.id and m.string
                and m.string != m.id and " " in m.id and "{" not in m.id]


def test_dutch_pages_show_no_english_message(dutch: TestClient) -> None:
    r = post(dutch, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    assert r.status_code == 303, r.text
    post(dutch, "/entries", {"person": "Sam", "topic": "werk", "depth": "30",
                             "fear_before": "50", "responsiveness": "6"}, token_from="/today")
    bad = post(dutch, "/entries", {"person": "", "topic": "", "depth": "130",
                                   "fear_before": "", "responsiveness": ""}, token_from="/today")
    pages = [bad.text] + [dutch.get(p).text for p in (
        "/today", "/entries/new", "/people", "/calibration", "/ladder", "/reflections",
        "/review", "/session", "/settings")]
    english = _english_only()
    for html in pages:
        text = re.sub(r"<[^>]+>", " ", html)
        leaked = [m for m in english if m in text]
        assert not leaked, leaked


def test_entry_form_shows_every_error_at_once_with_dutch_labels(dutch: TestClient) -> None:
    post(dutch, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    typed = {"person": "Sam", "topic": "", "depth": "130", "fear_before": "",
             "responsiveness": "", "caring": "9", "note": "blijft staan"}
    r = post(dutch, "/entries", typed, token_from="/today")
    assert r.status_code == 422
    box = r.text.split('data-testid="form-errors"', 1)[1].split("</div>", 1)[0]
    for label in ("Onderwerp:", "Diepte, hoe persoonlijk:", "Angst vooraf:",
                  "Hun reactie in het algemeen:", "Gaf om me:"):
        assert label in box, label
    assert box.count("<li>") == 5
    for field in ("topic", "depth", "fear_before", "responsiveness", "caring"):
        assert f'id="{field}-error"' in r.text and f'aria-describedby="{field}-error"' in r.text
    assert 'aria-invalid="true"' not in r.text.split('id="person"', 1)[1].split(">", 1)[0]
    assert "<details open>" in r.text  # "caring" sits in the folded part: it is unfolded
    assert "blijft staan" in r.text


def test_entry_form_anchors_depth_with_examples(dutch: TestClient) -> None:
    post(dutch, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    form = dutch.get("/entries/new").text
    bands = form.split('data-testid="depth-bands"', 1)[1].split("</ul>", 1)[0]
    assert bands.count("<li>") == 5 and "het weer" in bands and "oude wond" in bands
    post(dutch, "/entries", {"person": "Sam", "topic": "werk", "depth": "30",
                             "fear_before": "50", "responsiveness": "7"}, token_from="/today")
    today = dutch.get("/today").text
    assert "Vorige keer: diepte 30" in today and re.search(r"Zo kan diepte \d+ eruitzien", today)


def test_other_forms_name_fields_by_their_dutch_labels(dutch: TestClient) -> None:
    post(dutch, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    setup = post(dutch, "/session/start", {"person_a": "", "person_b": "Bo", "ios_a": "2",
                                           "ios_b": "3"}, token_from="/today")
    assert setup.status_code == 422
    assert "Eerste persoon: mag niet leeg zijn" in setup.text and "person_a:" not in setup.text
    timer = post(dutch, "/session/start", {"person_a": "An", "person_b": "Bo", "ios_a": "2",
                                           "ios_b": "3", "timer": "99"}, token_from="/today")
    assert "Timer per reeks in minuten:" in timer.text and "timer:" not in timer.text
    person = post(dutch, "/people", {"name": "  "}, token_from="/today")
    assert person.status_code == 422 and "name:" not in person.text
