"""Unlock, create and lock: the only pages that work without an unlocked journal."""

from __future__ import annotations

import math

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from nabij.companion.cli_io import MIN_PASSPHRASE
from nabij.companion.crypto import CryptoError, WrongPassphraseError
from nabij.companion.i18n import _
from nabij.companion.store import JournalError
from nabij.companion.web.deps import KEEPS_DRAFTS, first, read_form, vault
from nabij.companion.web.rendering import redirect, render
from nabij.companion.web.security import renew_session

router = APIRouter()


def _unlock_page(request: Request, status: int = 200, *, exists: bool,
                 error: str | None) -> Response:
    return render(request, "unlock.html", status, exists=exists, error=error, unlocked=False,
                  locked_now=request.query_params.get("locked") == "1")


def _renew(request: Request) -> None:
    """A fresh session id for the browser that just unlocked: an id planted or seen before
    (a cookie set by a page on another local port) opens nothing afterwards."""
    old = request.state.session_id
    vault(request).rebind(old, renew_session(request.scope["state"]))


@router.get("/")
async def home(request: Request) -> Response:
    """Today when unlocked, else the unlock page."""
    unlocked = vault(request).is_unlocked_for(request.state.session_id)
    return redirect("/today" if unlocked else "/unlock")


@router.get("/unlock")
async def unlock_page(request: Request) -> Response:
    """Ask the passphrase, or offer to create a journal when there is none yet."""
    v = vault(request)
    if v.is_unlocked_for(request.state.session_id):
        return redirect("/today")
    return _unlock_page(request, exists=v.exists(), error=None)


@router.post("/unlock")
async def unlock(request: Request) -> Response:
    """Open the journal for this browser session."""
    v = vault(request)
    secret = first(await read_form(request), "passphrase")
    if not v.exists():
        return redirect("/unlock")
    wait = v.guess_wait()
    if wait > 0:
        return _unlock_page(request, 429, exists=True, error=_(
            "Too many wrong passphrases. Wait {n} seconds, then try again.").format(
            n=math.ceil(wait)))
    try:
        await v.unlock(secret, request.state.session_id)
    except WrongPassphraseError:
        v.note_guess(right=False)
        return _unlock_page(request, 403, exists=True, error=_(
            "Wrong passphrase: it does not unlock this journal. Nothing was changed."))
    except (JournalError, CryptoError, OSError):
        return _unlock_page(request, 500, exists=True, error=_(
            "This journal could not be opened. Check the file with `nabij journal list`."))
    v.note_guess(right=True)
    old = request.state.session_id
    _renew(request)
    # Drafts kept across the lock come back to the browser that typed them.
    form_path = v.restore_parked(old)
    if form_path in KEEPS_DRAFTS:
        return redirect(KEEPS_DRAFTS[form_path] + "?restored=1")
    if "session" in v.scratch:
        return redirect("/session")
    return redirect("/today")


@router.post("/create")
async def create(request: Request) -> Response:
    """Create a new journal with a passphrase typed twice."""
    v = vault(request)
    form = await read_form(request)
    secret, again = first(form, "passphrase"), first(form, "confirm")
    error = None
    if v.exists():
        error = _("A journal already exists at {path}.").format(path=v.path)
    elif len(secret) < MIN_PASSPHRASE:
        error = _("The passphrase must have at least 8 characters.")
    elif secret != again:
        error = _("The two passphrases differ; type the same one twice.")
    if error:
        return _unlock_page(request, 422, exists=v.exists(), error=error)
    try:
        await v.create(secret, request.state.session_id)
    except (JournalError, OSError):
        return _unlock_page(request, 500, exists=v.exists(), error=_(
            "The journal could not be created at {path}.").format(path=v.path))
    _renew(request)
    return redirect("/today")


@router.post("/lock")
async def lock(request: Request) -> Response:
    """Lock now: close the store and drop the key (only the session that unlocked may)."""
    old = request.state.session_id
    await vault(request).lock(old)
    vault(request).move_parked(old, renew_session(request.scope["state"]))
    return redirect("/unlock?locked=1")


@router.post("/activity")
async def activity(request: Request) -> Response:
    """Typing in a page counts as activity (the page's script posts here now and then), so
    the journal does not lock under someone who is writing a long note."""
    await vault(request).use(request.state.session_id, lambda _j: None)
    return Response(status_code=204)
