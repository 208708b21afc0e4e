"""Confidants: what each one's reactions taught, with a plot, and their context to edit."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.domain import Confidant, Power, Relationship, ValidationError
from nabij.companion.estimators import responsiveness_history
from nabij.companion.journal import Journal
from nabij.companion.views import person_summaries
from nabij.companion.web.deps import first, read_form, use
from nabij.companion.web.plots import responsiveness_chart
from nabij.companion.web.rendering import redirect, render

router = APIRouter()


def _people(j: Journal) -> list[dict[str, Any]]:
    cards = []
    for s in person_summaries(j.confidants(), j.entries()):
        chart = (responsiveness_chart(s.confidant.name, s.entries,
                                      responsiveness_history(s.entries)) if s.entries else None)
        cards.append({"summary": s, "chart": chart})
    return cards


async def _page(request: Request, error: str | None = None, status: int = 200) -> Response:
    cards = await use(request, _people)
    return render(request, "people.html", status, cards=cards, error=error,
                  relationships=list(Relationship), powers=list(Power))


@router.get("/people")
async def people(request: Request) -> Response:
    """Each confidant: responsiveness over time with its uncertainty, trust, comfortable depth."""
    return await _page(request)


@router.post("/people")
async def edit_person(request: Request) -> Response:
    """Add a person or change their relationship and power context."""
    form = await read_form(request)
    data = {"name": first(form, "name"), "relationship": first(form, "relationship") or None,
            "power": first(form, "power") or None}
    try:
        confidant = Confidant.from_dict(data)
    except ValidationError as exc:
        return await _page(request, str(exc), 422)
    await use(request, lambda j: j.add_confidant(confidant))
    return redirect("/people")
