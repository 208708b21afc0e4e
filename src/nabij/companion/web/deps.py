"""Small helpers the page routes share: the vault of the request, form fields."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from starlette.requests import Request

from nabij.companion.journal import Journal
from nabij.companion.web.vault import Vault

__all__ = ["KEEPS_DRAFTS", "FormData", "first", "read_form", "use", "vault"]

T = TypeVar("T")
#: Forms whose content is kept when they are posted to a locked journal, and the page that
#: shows them again (filled in, as typed) after the same browser unlocks.
KEEPS_DRAFTS = {"/entries": "/entries/new", "/reflections": "/reflections"}
#: A submitted form: each field's values, in order (checkboxes may repeat a name).
FormData = dict[str, list[str]]


def vault(request: Request) -> Vault:
    """The app's vault."""
    v = request.app.state.vault
    assert isinstance(v, Vault)
    return v


async def use(request: Request, fn: Callable[[Journal], T]) -> T:
    """Run ``fn(journal)`` for this browser session (redirects to unlock when locked)."""
    return await vault(request).use(request.state.session_id, fn)


async def read_form(request: Request) -> FormData:
    """The posted form as lists of strings (files are ignored: no page uploads any)."""
    form = await request.form(max_files=0, max_fields=200)
    found: FormData = {}
    for key, value in form.multi_items():
        if isinstance(value, str) and key != "csrf_token":
            found.setdefault(key, []).append(value)
    # Kept for the locked-journal handler: a form posted after the auto-lock is parked, not
    # lost (see Vault.park_form).
    request.scope.setdefault("state", {})["posted_form"] = found
    return found


def first(form: FormData, name: str) -> str:
    """The first value of ``name``, stripped ('' when absent)."""
    values = form.get(name)
    return values[0].strip() if values else ""
