"""Log a disclosure: a short keyboard-friendly form that posts to ``/entries``."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.domain import SAFETY_SIGNALS, Entry, ValidationError
from nabij.companion.i18n import _
from nabij.companion.planner import signal_label
from nabij.companion.web.deps import read_form, use
from nabij.companion.web.forms import entry_data, error_field, typed_values
from nabij.companion.web.rendering import redirect, render

router = APIRouter()


def _form_page(request: Request, names: list[str], values: dict[str, Any],
               error: str | None = None, status: int = 200) -> Response:
    signals = [(s, signal_label(s)) for s in SAFETY_SIGNALS]
    return render(request, "entry_form.html", status, names=names, values=values,
                  error=error, error_field=error_field(error) if error else None,
                  signals=signals)


async def _names(request: Request) -> list[str]:
    return await use(request, lambda j: [c.name for c in j.confidants()])


@router.get("/entries/new")
async def new_entry(request: Request) -> Response:
    """The empty form; names already in the journal are offered as suggestions."""
    return _form_page(request, await _names(request), typed_values({}))


@router.post("/entries")
async def create_entry(request: Request) -> Response:
    """Validate with part 1's rules; on error show the form again with everything typed."""
    values = typed_values(await read_form(request))
    try:
        entry = Entry.from_dict(entry_data(values))
    except ValidationError as exc:
        return _form_page(request, await _names(request), values, str(exc), 422)
    try:
        await use(request, lambda j: j.add_entry(entry))
    except OSError:
        return _form_page(request, await _names(request), values,
                          _("Could not save ({error}).").format(error=_("disk error")), 503)
    return redirect("/today?saved=1")
