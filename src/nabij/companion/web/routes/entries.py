"""Log a disclosure: a short keyboard-friendly form that posts to ``/entries``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.domain import SAFETY_SIGNALS, Entry
from nabij.companion.i18n import _
from nabij.companion.planner import signal_label
from nabij.companion.prompts import DEPTH_BANDS
from nabij.companion.web.deps import read_form, use, vault
from nabij.companion.web.forms import FieldError, entry_data, entry_errors, typed_values
from nabij.companion.web.rendering import redirect, render

router = APIRouter()

#: Fields outside the folded "more details" part (and "" for errors about no one field).
_ALWAYS_SHOWN = frozenset({"person", "topic", "depth", "fear_before", "responsiveness", ""})


def _form_page(request: Request, names: list[str], values: dict[str, Any],
               errors: Sequence[FieldError] = (), status: int = 200) -> Response:
    signals = [(s, signal_label(s)) for s in SAFETY_SIGNALS]
    fields = {e.field for e in errors}
    return render(request, "entry_form.html", status, names=names, values=values,
                  errors=list(errors), error_fields=fields, signals=signals,
                  details_open=bool(fields - _ALWAYS_SHOWN), depth_bands=DEPTH_BANDS)


async def _names(request: Request) -> list[str]:
    return await use(request, lambda j: [c.name for c in j.confidants()])


@router.get("/entries/new")
async def new_entry(request: Request) -> Response:
    """The empty form (or one kept across a lock, filled in as typed); names already in the
    journal are offered as suggestions."""
    names = await _names(request)
    kept = vault(request).take_form("/entries")
    return _form_page(request, names, typed_values(kept or {}))


@router.post("/entries")
async def create_entry(request: Request) -> Response:
    """Validate with part 1's rules; on error show the form again with everything typed."""
    values = typed_values(await read_form(request))
    data = entry_data(values)
    errors = entry_errors(data)
    if errors:
        return _form_page(request, await _names(request), values, errors, 422)
    entry = Entry.from_dict(data)
    try:
        await use(request, lambda j: j.add_entry(entry))
    except OSError:
        return _form_page(request, await _names(request), values, [FieldError(
            "", _("Could not save ({error}).").format(error=_("disk error")))], 503)
    return redirect("/today?saved=1")
