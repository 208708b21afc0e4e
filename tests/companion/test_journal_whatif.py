"""What if: the engine projects both futures; bands are ordered and on scale."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from nabij.companion.domain import Confidant, Entry, Power, Relationship
from nabij.companion.planner import plan
from nabij.companion.whatif import project, projection_table
from nabij.model import elementwise

NOW = datetime(2025, 6, 1, tzinfo=UTC)


def _entries() -> list[Entry]:
    return [Entry("Sam", "t", 30 + i, 60, 6, when=NOW - timedelta(days=7 * (4 - i)))
            for i in range(4)]


def test_projection_has_ordered_bands_on_scale_and_is_reproducible() -> None:
    sam = Confidant("Sam", Relationship.FRIEND)
    step = plan(sam, _entries(), now=NOW)
    rows = project(sam, _entries(), step, weeks=4, rng=3, replications=20)
    assert [r.week for r in rows] == [1, 2, 3, 4]
    for r in rows:
        for low, mid, high in (r.plan_closeness, r.stay_closeness):
            assert 1 <= low <= mid <= high <= 7
        for low, mid, high in (r.plan_fear, r.stay_fear):
            assert 0 <= low <= mid <= high <= 100
    assert rows == project(sam, _entries(), step, weeks=4, rng=3, replications=20)
    assert projection_table("Sam", rows).row_count == 4


def test_power_context_reaches_the_engine() -> None:
    boss = Confidant("Boss", Relationship.COLLEAGUE, Power.THEY_HAVE_POWER)
    rows = project(boss, _entries(), plan(boss, _entries(), now=NOW), weeks=2, replications=10)
    assert len(rows) == 2


def test_the_projection_never_waits_for_a_compiler(monkeypatch: pytest.MonkeyPatch) -> None:
    # numba or not, the what-if runs the model's rules in Python loops (as fast for a few
    # hundred pairs, and no first compilation of tens of seconds)
    sam = Confidant("Sam", Relationship.FRIEND)
    step = plan(sam, _entries(), now=NOW)
    compiled: list[bool] = []
    in_use = elementwise.numba_in_use

    def recorded() -> bool:
        compiled.append(in_use())
        return compiled[-1]

    monkeypatch.setattr(elementwise, "numba_in_use", recorded)
    rows = project(sam, _entries(), step, weeks=2, replications=10)
    assert len(rows) == 2
    assert compiled and not any(compiled)
