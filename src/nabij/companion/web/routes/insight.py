"""Looking back: fear calibration, the depth ladder, and the weekly review."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.domain import now_utc
from nabij.companion.estimators import fear_calibration
from nabij.companion.journal import Journal
from nabij.companion.planner import plan_all
from nabij.companion.views import calibration_summary, person_summaries
from nabij.companion.web.deps import use
from nabij.companion.web.plots import calibration_chart, ladder_chart
from nabij.companion.web.rendering import render

router = APIRouter()

#: The weekly review looks back this many days.
REVIEW_DAYS = 7


def _calibration(j: Journal) -> dict[str, Any]:
    cal = fear_calibration(j.entries())
    return {"cal": cal, "summary": calibration_summary(cal),
            "chart": calibration_chart(cal) if cal.n else None}


def _ladder(j: Journal) -> dict[str, Any]:
    entries = j.entries()
    rungs = []
    for step in plan_all(j.confidants(), entries):
        mine = [e for e in entries if e.person.casefold() == step.person.casefold()]
        rungs.append({"step": step, "n": len(mine),
                      "chart": ladder_chart(step.person, mine, step) if mine else None})
    return {"rungs": rungs}


def _review(j: Journal) -> dict[str, Any]:
    since = now_utc() - timedelta(days=REVIEW_DAYS)
    week = [e for e in j.entries() if e.when >= since]
    cal = fear_calibration(week)
    return {"week": week, "summary": calibration_summary(cal),
            "people": [s for s in person_summaries(j.confidants(), j.entries())
                       if any(e.person.casefold() == s.confidant.name.casefold() for e in week)],
            "sessions": [s for s in j.sessions() if s.when >= since],
            "reflections": [r for r in j.reflections() if r.when >= since],
            "days": REVIEW_DAYS}


@router.get("/calibration")
async def calibration(request: Request) -> Response:
    """How well fear predicted the reactions: a plot of expected against observed."""
    return render(request, "calibration.html", **await use(request, _calibration))


@router.get("/ladder")
async def ladder(request: Request) -> Response:
    """Per person: the depths shared so far, the comfortable depth and the next rung."""
    return render(request, "ladder.html", **await use(request, _ladder))


@router.get("/review")
async def review(request: Request) -> Response:
    """The past week at a glance: entries, how fear compared with reality, sessions."""
    return render(request, "review.html", **await use(request, _review))
