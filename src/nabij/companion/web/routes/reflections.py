"""Reflections: part 1's reflection questions, answered in the browser and kept."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.domain import Reflection, ValidationError
from nabij.companion.i18n import _
from nabij.companion.prompts import REFLECTION_QUESTIONS
from nabij.companion.web.deps import read_form, use, vault
from nabij.companion.web.rendering import redirect, render

router = APIRouter()

#: Longest answer kept (a reflection is a paragraph, not a diary dump).
MAX_ANSWER = 5000


async def _page(request: Request, answers: dict[str, str], error: str | None = None,
                status: int = 200) -> Response:
    past = await use(request, lambda j: j.reflections()[-10:][::-1])
    questions = {q.id: q.text() for q in REFLECTION_QUESTIONS}
    return render(request, "reflections.html", status, prompts=REFLECTION_QUESTIONS,
                  questions=questions, answers=answers, past=past, error=error,
                  saved=request.query_params.get("saved") == "1")


@router.get("/reflections")
async def reflections(request: Request) -> Response:
    """The questions, and the last answers (or answers kept across a lock, as typed)."""
    await use(request, lambda j: None)  # locked: to the unlock page before anything else
    kept = vault(request).take_form("/reflections") or {}
    return await _page(request, {q.id: kept.get(q.id, [""])[0] for q in REFLECTION_QUESTIONS
                                 if kept.get(q.id)})


@router.post("/reflections")
async def save_reflection(request: Request) -> Response:
    """Keep the answers that are not empty."""
    form = await read_form(request)
    answers = {q.id: form.get(q.id, [""])[0] for q in REFLECTION_QUESTIONS}
    kept = {k: v.strip() for k, v in answers.items() if v.strip()}
    if not kept:
        return await _page(request, answers, _("Write at least one answer."), 422)
    if any(len(v) > MAX_ANSWER for v in kept.values()):
        return await _page(request, answers, _("Each answer at most {n} characters.").format(
            n=MAX_ANSWER), 422)
    try:
        reflection = Reflection.from_dict({"answers": kept})
    except ValidationError as exc:
        return await _page(request, answers, str(exc), 422)
    await use(request, lambda j: j.add_reflection(reflection))
    return redirect("/reflections?saved=1")
