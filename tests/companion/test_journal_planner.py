"""Planner rules: ~10% deeper, trust gate, power asymmetry, step back after hurt, reasons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nabij.companion.domain import Confidant, Entry, Power
from nabij.companion.i18n import set_language
from nabij.companion.planner import (
    POWER_CAP,
    STEP_BACK_FRACTION,
    TRUST_THRESHOLD,
    Action,
    choose,
    plan,
    plan_all,
)

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _es(reactions: list[int], depth: int = 40, person: str = "Sam",
        **kw: object) -> list[Entry]:
    n = len(reactions)
    return [Entry(person, "t", depth, 50, r, when=NOW - timedelta(days=2 * (n - i)),
                  **kw)  # type: ignore[arg-type]
            for i, r in enumerate(reactions)]


def test_steps_about_ten_percent_deeper_with_a_trusted_confidant() -> None:
    step = plan(Confidant("Sam"), _es([6, 6, 6, 6]), now=NOW)
    assert step.action is Action.STEP_UP
    assert step.estimate.trust >= TRUST_THRESHOLD
    assert step.depth == 50  # 40 + 10 points: 0.1 of the scale, as in free talk and practice
    assert any("10%" in r for r in step.reasons)


def test_ten_percent_more_is_the_same_absolute_step_at_any_depth() -> None:
    """'10% more' is +0.1 of the depth scale everywhere (issue 12): 5 -> 15 as 40 -> 50."""
    # light talk is weak evidence (diagnosticity), so trust needs a few more warm reactions
    shallow = plan(Confidant("Sam"), _es([6] * 6, depth=5), now=NOW)
    deep = plan(Confidant("Sam"), _es([6, 6, 6, 6], depth=40), now=NOW)
    assert shallow.action is Action.STEP_UP and deep.action is Action.STEP_UP
    assert shallow.depth - 5 == deep.depth - 40 == 10


def test_no_step_up_while_the_lower_bound_is_under_the_threshold() -> None:
    step = plan(Confidant("Sam"), _es([6]), now=NOW)
    assert step.estimate.trust < TRUST_THRESHOLD
    assert step.action is Action.HOLD and step.depth == 40
    erratic = plan(Confidant("Kim"), _es([7, 3, 7, 3, 7, 3], person="Kim"), now=NOW)
    assert erratic.action is Action.HOLD
    assert any("consistency" in r for r in erratic.reasons)


def test_holds_back_in_power_asymmetric_contexts() -> None:
    boss = Confidant("Boss", power=Power.THEY_HAVE_POWER)
    step = plan(boss, _es([6, 6, 6, 6], depth=30, person="Boss"), now=NOW)
    assert step.action is Action.STEP_UP and step.depth == 35  # half the step: 5 points
    capped = plan(boss, _es([6, 6, 6, 6], depth=39, person="Boss"), now=NOW)
    assert capped.depth == POWER_CAP
    at_cap = plan(boss, _es([6, 6, 6, 6], depth=50, person="Boss"), now=NOW)
    assert at_cap.action is Action.HOLD and at_cap.depth == 50
    assert any("power" in r for r in at_cap.reasons)
    report = plan(Confidant("Ana", power=Power.I_HAVE_POWER),
                  _es([6, 6, 6, 6], depth=30, person="Ana"), now=NOW)
    assert report.depth < plan(Confidant("Sam"), _es([6, 6, 6, 6], depth=30), now=NOW).depth


def test_steps_back_after_a_hurtful_reaction() -> None:
    es = [*_es([6, 6, 6, 6], depth=40), Entry("Sam", "t", 50, 50, 1, when=NOW)]
    step = plan(Confidant("Sam"), es, now=NOW)
    assert step.action is Action.STEP_BACK
    assert step.depth == round(STEP_BACK_FRACTION * 40)
    assert any("hurt" in r for r in step.reasons)


def test_editing_it_away_repeats_the_same_depth() -> None:
    es = [*_es([6, 6, 6]), Entry("Sam", "t", 40, 50, 6, edited=True, when=NOW)]
    step = plan(Confidant("Sam"), es, now=NOW)
    assert step.action is Action.HOLD and step.depth == 40


def test_start_small_with_nobody_logged_and_choose_prefers_trusted_step_up() -> None:
    assert plan(Confidant("New"), [], now=NOW).action is Action.START
    steps = plan_all([Confidant("Sam"), Confidant("Kim"), Confidant("New")],
                     [*_es([6, 6, 6, 6]), *_es([6], person="Kim")], now=NOW)
    best = choose(steps)
    assert best is not None and best.person == "Sam" and best.action is Action.STEP_UP
    assert choose([]) is None


def test_reasons_are_translated() -> None:
    set_language("nl")
    try:
        step = plan(Confidant("Sam"), _es([6, 6, 6, 6]), now=NOW)
    finally:
        set_language("en")
    assert any("meer dan gewoonlijk" in r for r in step.reasons)


@pytest.mark.parametrize("reactions", [[6, 6, 6, 6], [6], [1], [7, 3, 7, 3]])
def test_depth_stays_on_the_dimmer(reactions: list[int]) -> None:
    assert 0 <= plan(Confidant("Sam"), _es(reactions, depth=100), now=NOW).depth <= 100
