"""Settings: language, export, backup, passphrase, lock."""

from __future__ import annotations

import json
import math
import sqlite3

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.cli_io import MIN_PASSPHRASE
from nabij.companion.crypto import WrongPassphraseError
from nabij.companion.i18n import LANGUAGES, _, set_language
from nabij.companion.journal import Journal, entries_to_csv
from nabij.companion.store import JournalError, SqliteStore
from nabij.companion.web.deps import first, read_form, use, vault
from nabij.companion.web.rendering import redirect, render

router = APIRouter()


async def _page(request: Request, message: str | None = None, error: str | None = None,
                status: int = 200) -> Response:
    path = await use(request, lambda j: str(getattr(j.store, "path", "")))
    return render(request, "settings.html", status, languages=LANGUAGES, journal_path=path,
                  message=message, error=error)


@router.get("/settings")
async def settings(request: Request) -> Response:
    """Language, export, backup, passphrase, lock."""
    return await _page(request)


@router.post("/settings/language")
async def language(request: Request) -> Response:
    """Switch the app's language (also offered on the unlock page, so it works locked)."""
    form = await read_form(request)
    lang = first(form, "lang")
    if lang in LANGUAGES:
        request.app.state.config.lang = lang
        set_language(lang)
    back = first(form, "next")  # the page the switch was on; only paths of this app
    return redirect(back if back.startswith("/") and not back.startswith("//") else "/")


@router.post("/settings/export")
async def export(request: Request) -> Response:
    """Download everything as JSON, or the entries as CSV: plaintext, the page warns."""
    fmt = first(await read_form(request), "format")
    if fmt not in {"json", "csv"}:
        return await _page(request, error=_("--format: must be json or csv"), status=422)

    def dump(j: Journal) -> str:
        if fmt == "csv":
            return entries_to_csv(j.entries())
        return json.dumps(j.export_data(), ensure_ascii=False, indent=2) + "\n"

    text = await use(request, dump)
    kind = "text/csv" if fmt == "csv" else "application/json"
    return Response(text, media_type=f"{kind}; charset=utf-8", headers={
        "content-disposition": f'attachment; filename="nabij-export.{fmt}"'})


@router.post("/settings/backup")
async def backup(request: Request) -> Response:
    """An encrypted, verified backup next to the journal."""
    def make(j: Journal) -> str:
        assert isinstance(j.store, SqliteStore)
        return str(j.store.backup())
    try:
        target = await use(request, make)
    except (JournalError, OSError, sqlite3.Error):
        return await _page(request, error=_("The backup could not be written."), status=503)
    return await _page(request, message=_("Backup written and verified: {path}").format(
        path=target))


@router.post("/settings/passphrase")
async def passphrase(request: Request) -> Response:
    """Change the passphrase after checking the current one; backs up first."""
    form = await read_form(request)
    current, new, again = first(form, "current"), first(form, "new"), first(form, "confirm")
    if len(new) < MIN_PASSPHRASE:
        return await _page(request, error=_("The passphrase must have at least 8 characters."),
                           status=422)
    if new != again:
        return await _page(request, error=_("The two passphrases differ; type the same one "
                                            "twice."), status=422)

    wait = vault(request).guess_wait()  # the same backoff as /unlock: no guessing here either
    if wait > 0:
        return await _page(request, error=_(
            "Too many wrong passphrases. Wait {n} seconds, then try again.").format(
            n=math.ceil(wait)), status=429)

    def change(j: Journal) -> None:
        assert isinstance(j.store, SqliteStore)
        SqliteStore.open(j.store.path, current).close()  # raises on a wrong passphrase
        j.store.backup(reason="pre-passwd")
        j.store.change_passphrase(new)
    try:
        await use(request, change)
    except WrongPassphraseError:
        vault(request).note_guess(right=False)
        return await _page(request, error=_("The current passphrase is not right; nothing was "
                                            "changed."), status=403)
    except (JournalError, OSError, sqlite3.Error):
        return await _page(request, error=_("The backup could not be written."), status=503)
    return await _page(request, message=_("Passphrase changed."))
