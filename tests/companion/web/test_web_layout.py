"""Layout in a real browser at phone (390 px) and desktop (1280 px) widths.

Debian's chromium driven by Playwright against ``nabij serve``; each page is screenshotted
into the test's temporary directory (``NABIJ_SCREENSHOTS`` copies them somewhere to look
at). The assertions are layout facts a person would notice, not pixels:

* nothing sticks out sideways: every visible element lies within the viewport, and on
  /today the reaction of each recent entry is on screen;
* text is legible: computed font sizes are at least 11 px, and chart text as rendered
  (its SVG font size times the chart's scale) is too, and stays inside its chart;
* every label stays with its field: directly above it, or just left of it on the same row;
* the entry form reports every problem at once, each next to its field.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from browser_helpers import CHROMIUM, CHROMIUM_ARGS, serving
from web_helpers import PASSPHRASE

playwright_api = pytest.importorskip("playwright.sync_api")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    not CHROMIUM.exists(), reason=f"{CHROMIUM} missing: `make chromium` installs it")]

MIN_FONT_PX = 11.0
PAGES = ["/today", "/entries/new", "/people", "/calibration", "/ladder", "/review",
         "/reflections", "/session", "/settings"]


def _entries() -> list[dict[str, object]]:
    now = datetime.now(UTC).replace(microsecond=0)
    history = [("Sam", 20, 60, 6), ("Sam", 20, 50, 6), ("Kim", 15, 70, 3), ("Sam", 22, 45, 6),
               ("Anne-Marie van den Berg", 35, 80, 5), ("Sam", 30, 40, 7), ("Kim", 25, 60, 6)]
    return [{"person": p, "topic": f"een langer onderwerp over verhuizen, nummer {i}",
             "depth": d, "fear_before": f, "responsiveness": r, "expected_reaction": 3,
             "when": (now - timedelta(days=len(history) - i)).isoformat()}
            for i, (p, d, f, r) in enumerate(history)]


_ESCAPES = """() => {
  const w = window.innerWidth, out = [];
  for (const el of document.querySelectorAll('header *, main *, footer *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height || el.closest('svg') && el.tagName !== 'svg') continue;
    const head = el.closest('thead');
    if (head && head.getBoundingClientRect().width <= 1) continue;  // visually hidden
    if (r.left < -1 || r.right > w + 1)
      out.push(`${el.tagName}.${el.className}: ${Math.round(r.left)}-${Math.round(r.right)}`);
  }
  return out;
}"""

_SMALL_TEXT = """(least) => {
  const out = [], walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const el = walk.currentNode.parentElement, text = walk.currentNode.textContent.trim();
    if (!text || el.closest('svg')) continue;
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < least) out.push(`${el.tagName} ${size}px: ${text.slice(0, 30)}`);
  }
  return out;
}"""

_CHART_TEXT = """() => Array.from(document.querySelectorAll('svg.chart text')).map(t => {
  const m = t.getScreenCTM(), box = t.getBoundingClientRect();
  const svg = t.ownerSVGElement.getBoundingClientRect();
  return {text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
          inside: box.left >= svg.left - 1 && box.right <= svg.right + 1 &&
                  box.top >= svg.top - 1 && box.bottom <= svg.bottom + 1};
})"""

_LABELS = """() => Array.from(document.querySelectorAll('label[for]')).map(l => {
  const c = document.getElementById(l.htmlFor);
  if (!c || l.contains(c)) return null;
  const a = l.getBoundingClientRect(), b = c.getBoundingClientRect();
  if (!a.width || !b.width) return null;
  return {label: l.textContent.trim(), gapY: b.top - a.bottom, gapX: b.left - a.right,
          overlapX: Math.min(a.right, b.right) - Math.max(a.left, b.left),
          sameRow: Math.abs((a.top + a.bottom) / 2 - (b.top + b.bottom) / 2) < b.height / 2};
}).filter(Boolean)"""


def _label_apart(fact: dict[str, Any]) -> bool:
    above = -2 <= fact["gapY"] <= 16 and fact["overlapX"] > 0
    beside = fact["sameRow"] and 0 <= fact["gapX"] <= 24
    return not (above or beside)


def _check_page(page: Any, path: str, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"{path} scrolls"
    assert not page.evaluate(_ESCAPES), (path, page.evaluate(_ESCAPES))
    assert not page.evaluate(_SMALL_TEXT, MIN_FONT_PX), (path, page.evaluate(_SMALL_TEXT, 11))
    charts = page.evaluate(_CHART_TEXT)
    small = [c for c in charts if c["px"] < MIN_FONT_PX]
    outside = [c["text"] for c in charts if not c["inside"]]
    assert not small and not outside, (path, width, small[:3], outside[:3])
    apart = [f for f in page.evaluate(_LABELS) if _label_apart(f)]
    assert not apart, (path, width, apart)
    if path in {"/people", "/calibration", "/ladder"}:
        assert charts, f"{path} shows no chart"


@pytest.mark.parametrize("width", [390, 1280])
def test_pages_fit_the_screen_and_stay_legible(tmp_path: Path, width: int) -> None:
    shots = tmp_path / "screenshots"
    shots.mkdir()
    with serving(tmp_path / "journal.db", _entries()) as (base, _proc), \
            playwright_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": width, "height": 844}, locale="nl-NL")
        page.goto(base + "/unlock")
        page.screenshot(path=str(shots / f"unlock-{width}.png"), full_page=True)
        _check_page(page, "/unlock", width)
        page.locator("#passphrase").fill(PASSPHRASE)
        page.keyboard.press("Enter")
        page.wait_for_url(base + "/today")
        for path in PAGES:
            page.goto(base + path)
            page.screenshot(path=str(shots / f"{path.strip('/')}-{width}.png"), full_page=True)
            _check_page(page, path, width)

        page.goto(base + "/today")
        reactions = page.locator("table.stack tbody td:nth-child(5)")
        assert reactions.count() == 5
        for i in range(reactions.count()):
            box = reactions.nth(i).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, box
            assert reactions.nth(i).inner_text().endswith("/7")

        page.goto(base + "/entries/new")
        page.locator("#person").fill("Sam")
        page.locator("#depth").fill("130")
        page.locator("#note").fill("dit blijft staan")
        page.locator("form.entry button[type=submit]").click()
        errors = page.get_by_test_id("form-errors").locator("li")
        playwright_api.expect(errors).to_have_count(4)  # topic, depth, fear, reaction
        page.screenshot(path=str(shots / f"errors-{width}.png"), full_page=True)
        for field in ("topic", "depth", "fear_before", "responsiveness"):
            message = page.locator(f"#{field}-error")
            playwright_api.expect(message).to_be_visible()
            box = message.bounding_box()
            assert box and box["x"] + box["width"] <= width
        assert page.locator("#note").input_value() == "dit blijft staan"
        _check_page(page, "/entries (errors)", width)

        page.goto(base + "/session")  # the 36 questions: one question at a time, full screen
        page.locator("#person_a").fill("Anne-Marie")
        page.locator("#person_b").fill("Sam")
        page.locator("input[name=ios_a][value='3']").check()
        page.locator("input[name=ios_b][value='4']").check()
        page.locator("form[action='/session/start'] button[type=submit]").click()
        playwright_api.expect(page.get_by_test_id("question")).to_be_visible()
        page.screenshot(path=str(shots / f"question-{width}.png"), full_page=True)
        _check_page(page, "/session (question)", width)
        browser.close()
    if os.environ.get("NABIJ_SCREENSHOTS"):
        shutil.copytree(shots, Path(os.environ["NABIJ_SCREENSHOTS"]), dirs_exist_ok=True)
