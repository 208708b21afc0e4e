"""Today: the next small step per confidant, with its reasons, and the latest entries."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.journal import Journal
from nabij.companion.planner import Step, choose, plan_all
from nabij.companion.web.deps import use
from nabij.companion.web.rendering import render

router = APIRouter()


def _today(j: Journal) -> dict[str, Any]:
    entries = j.entries()
    steps: list[Step] = plan_all(j.confidants(), entries)
    return {"steps": steps, "best": choose(steps), "recent": entries[-5:][::-1]}


@router.get("/today")
async def today(request: Request) -> Response:
    """The plan, most trusted person first; ``?saved=1`` after logging an entry."""
    page = await use(request, _today)
    return render(request, "today.html", saved=request.query_params.get("saved") == "1", **page)
