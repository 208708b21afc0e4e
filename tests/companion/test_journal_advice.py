"""Advice a person can follow: it starts from what they did last and anchors depth in examples.

After sharing something at depth 30 and being met warmly, a proposal of 23 reads as a step
down; the plan must start from the 30, and whenever it proposes less than last time it must
say why. Every depth the plan proposes comes with everyday examples, in both languages.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from nabij.companion.domain import Confidant, Entry, Power
from nabij.companion.i18n import set_language
from nabij.companion.planner import WARM_REACTION, Action, plan
from nabij.companion.prompts import DEPTH_BANDS, depth_band

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _history(steps: list[tuple[int, int]], person: str = "Sam") -> list[Entry]:
    """Entries (depth, reaction) two days apart, the last one yesterday."""
    n = len(steps)
    return [Entry(person, "t", d, 50, r, when=NOW - timedelta(days=2 * (n - i) - 1))
            for i, (d, r) in enumerate(steps)]


def test_after_a_warm_deeper_disclosure_the_step_starts_from_it() -> None:
    es = _history([(20, 6), (20, 6), (20, 6), (20, 6), (30, 7)])
    step = plan(Confidant("Sam"), es, now=NOW)
    assert step.action is Action.STEP_UP
    assert step.depth > 30
    assert step.last_depth == 30 and step.last_reaction == 7
    assert "depth 30" in step.reasons[0] and "from depth 30" in " ".join(step.reasons)


def test_a_lukewarm_reaction_to_a_deeper_disclosure_holds_there_and_says_why() -> None:
    # enough warm reactions to light talk that even a cautious reading of the next reaction
    # (trust, a low predictive quantile) clears the threshold after the lukewarm one
    es = _history([(20, 6)] * 5 + [(30, WARM_REACTION - 1)])
    step = plan(Confidant("Sam"), es, now=NOW)
    assert step.action is Action.HOLD and step.depth == 30
    assert any("lukewarm" in r for r in step.reasons)


def test_holding_below_last_time_says_why() -> None:
    es = _history([(20, 4), (35, 5)])  # trust has not cleared the threshold
    step = plan(Confidant("Sam"), es, now=NOW)
    assert step.action is Action.HOLD and step.depth < 35
    assert any("less deep than last time" in r for r in step.reasons)


def test_power_asymmetry_never_proposes_a_step_down_as_a_step_up() -> None:
    boss = Confidant("Boss", power=Power.THEY_HAVE_POWER)
    step = plan(boss, _history([(30, 6), (30, 6), (30, 6), (45, 7)], "Boss"), now=NOW)
    assert step.depth >= 45 or step.action is not Action.STEP_UP


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 100), st.integers(1, 7)), min_size=1, max_size=8),
       st.sampled_from(list(Power)))
def test_a_step_up_is_deeper_than_last_time_and_less_is_explained(
        steps: list[tuple[int, int]], power: Power) -> None:
    es = _history(steps)
    step = plan(Confidant("Sam", power=power), es, now=NOW)
    last = es[-1]
    if step.action is Action.STEP_UP:
        assert step.depth > last.depth
    if step.depth < last.depth:
        assert step.action is Action.STEP_BACK or any(
            "less deep than last time" in r or "power difference" in r for r in step.reasons)
    assert step.reasons[0].startswith("Last time: depth")
    assert depth_band(step.depth).examples.en in step.reasons[-1]


def test_depth_bands_cover_the_scale_in_both_languages() -> None:
    covered = [d for b in DEPTH_BANDS for d in range(b.low, b.high + 1)]
    assert covered == list(range(101))
    for band in DEPTH_BANDS:
        for prompt in (band.name, band.examples):
            assert prompt.en.strip() and prompt.nl.strip() and prompt.en != prompt.nl
    assert depth_band(-5) is DEPTH_BANDS[0] and depth_band(130) is DEPTH_BANDS[-1]


def test_advice_anchors_depth_in_dutch_too() -> None:
    set_language("nl")
    try:
        step = plan(Confidant("Sam"), _history([(20, 6)] * 4 + [(30, 7)]), now=NOW)
    finally:
        set_language("en")
    assert step.reasons[0].startswith("Vorige keer: diepte 30")
    assert depth_band(step.depth).examples.nl in step.reasons[-1]
