"""Templates share part 1's catalogues completely; assets are ours and nothing is external."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from starlette.testclient import TestClient
from web_helpers import post

import nabij.companion.web

WEB = Path(nabij.companion.web.__file__).parent
LOCALE = WEB.parent / "locale"
HTMX_SHA256 = "d6fdc75f204e6bdefa99b69bf1e6d4ac69b8a364f77929f45c13476b4000f717"


def _template_messages() -> set[str]:
    found = extract_from_dir(str(WEB / "templates"), method_map=[("**.html", "jinja2")],
                             keywords={"_": None})
    return {m if isinstance(m, str) else m[0] for _f, _l, m, _c, _x in found}


def _catalogue(lang: str) -> dict[str, str]:
    with (LOCALE / lang / "LC_MESSAGES" / "nabij.po").open("rb") as fh:
        return {m.id: m.string for m in read_po(fh) if m.id}  # type: ignore[misc]


def test_every_template_message_has_a_dutch_translation() -> None:
    messages = _template_messages()
    nl = _catalogue("nl")
    assert len(messages) > 50
    assert messages <= set(nl), sorted(messages - set(nl))
    assert all(nl[m] for m in messages)
    assert messages <= set(_catalogue("en"))


def test_vendored_htmx_is_the_recorded_release() -> None:
    digest = hashlib.sha256((WEB / "static" / "htmx.min.js").read_bytes()).hexdigest()
    assert digest == HTMX_SHA256
    notes = (WEB / "static" / "VENDORED.md").read_text()
    assert "2.0.11" in notes and "BSD" in notes
    assert (WEB / "static" / "htmx.LICENSE.txt").exists()


def test_templates_and_our_assets_name_no_other_host() -> None:
    for path in [*(WEB / "templates").glob("*.html"), WEB / "static" / "app.css",
                 WEB / "static" / "app.js"]:
        text = path.read_text()
        assert not re.search(r"(src|href|action)=[\"']?(https?:)?//", text), path
        assert "@import" not in text and "url(http" not in text, path


def test_rendered_pages_load_only_our_own_assets(unlocked: TestClient) -> None:
    post(unlocked, "/entries", {"person": "Sam", "topic": "t", "depth": "20",
                                "fear_before": "40", "responsiveness": "6"}, token_from="/today")
    for path in ("/today", "/people", "/session", "/unlock"):
        html = unlocked.get(path, follow_redirects=True).text
        refs = re.findall(r'(?:src|href|action)="([^"]*)"', html)
        assert refs and all(r.startswith(("/", "#", "data:")) for r in refs), (path, refs)
        assert "<script>" not in html and " style=" not in html and " on" + "click=" not in html
    assert unlocked.get("/static/htmx.min.js").status_code == 200
