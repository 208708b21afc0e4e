"""The guided 36-questions session for two: setup, one question at a time, closeness after.

Turns are posted with HTMX, which swaps only the question card; without JavaScript the
same forms post and redirect. Nothing is stored until the session is finished.
"""

from __future__ import annotations

import re

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.domain import ValidationError
from nabij.companion.i18n import _
from nabij.companion.web.deps import FormData, first, read_form, use, vault
from nabij.companion.web.rendering import redirect, render
from nabij.companion.web.session_flow import SessionDraft

router = APIRouter()

DRAFT = "session"
#: The longest timer per set one can pick (Aron et al. gave each set about 15 minutes).
MAX_TIMER = 60


async def _draft(request: Request) -> SessionDraft | None:
    await use(request, lambda j: None)  # checks the unlock (and counts as activity)
    draft = vault(request).scratch.get(DRAFT)
    return draft if isinstance(draft, SessionDraft) else None


async def _setup(request: Request, values: FormData, error: str | None = None,
                 status: int = 200) -> Response:
    past = await use(request, lambda j: j.sessions()[-10:][::-1])
    return render(request, "session_setup.html", status, values=values, error=error,
                  past=past, saved=request.query_params.get("saved") == "1")


@router.get("/session")
async def session_home(request: Request) -> Response:
    """Start a session, or go on with the one in progress."""
    draft = await _draft(request)
    if draft is None:
        return await _setup(request, {})
    if draft.done:
        return render(request, "session_finish.html", draft=draft, error=None)
    return render(request, "session_play.html", draft=draft)


def _timer(raw: str) -> int | None:
    if not raw:
        return None
    if not re.fullmatch(r"[0-9]{1,3}", raw) or not 1 <= int(raw) <= MAX_TIMER:  # not "²"
        raise ValidationError(_("timer: a whole number of minutes from 1 to {n}, or empty")
                              .format(n=MAX_TIMER))
    return int(raw)


@router.post("/session/start")
async def start(request: Request) -> Response:
    """Names and closeness before for both (validated by part 1), optional timer per set."""
    form = await read_form(request)
    data = {"person_a": first(form, "person_a"), "person_b": first(form, "person_b"),
            "ios_before": [first(form, "ios_a"), first(form, "ios_b")]}
    try:
        draft = SessionDraft.start(data, _timer(first(form, "timer")))
    except ValidationError as exc:
        return await _setup(request, form, str(exc), 422)
    await _draft(request)
    vault(request).scratch[DRAFT] = draft
    return redirect("/session")


@router.post("/session/turn")
async def turn(request: Request) -> Response:
    """Record who answered the current question (or that it was skipped)."""
    form = await read_form(request)
    draft = await _draft(request)
    if draft is None:
        return redirect("/session")
    draft.record(first(form, "answered_by") or "both", first(form, "skip") == "1")
    if not request.headers.get("hx-request"):
        return redirect("/session")
    if draft.done:
        return render(request, "session_finish_card.html", draft=draft, error=None)
    return render(request, "session_card.html", draft=draft)


@router.post("/session/end")
async def end_early(request: Request) -> Response:
    """Stop asking questions and go to closeness afterwards."""
    draft = await _draft(request)
    if draft is None:
        return redirect("/session")
    return render(request, "session_finish.html", draft=draft, error=None)


@router.post("/session/finish")
async def finish(request: Request) -> Response:
    """Closeness after for both, then store the session."""
    form = await read_form(request)
    draft = await _draft(request)
    if draft is None:
        return redirect("/session")
    try:
        record = draft.finish([first(form, "ios_a"), first(form, "ios_b")])
    except ValidationError as exc:
        return render(request, "session_finish.html", 422, draft=draft, error=str(exc))
    await use(request, lambda j: j.add_session(record))
    vault(request).scratch.pop(DRAFT, None)
    return redirect("/session?saved=1")


@router.post("/session/cancel")
async def cancel(request: Request) -> Response:
    """Drop the session in progress without storing it."""
    await _draft(request)
    vault(request).scratch.pop(DRAFT, None)
    return redirect("/session")
