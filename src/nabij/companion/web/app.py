"""The app factory: FastAPI with the security wall, the vault, templates and page routes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncIterator

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nabij.companion.i18n import _, set_language
from nabij.companion.web.config import LAUNCH_PATH, WebConfig
from nabij.companion.web.deps import KEEPS_DRAFTS
from nabij.companion.web.rendering import redirect
from nabij.companion.web.routes import ROUTERS
from nabij.companion.web.security import SECURITY_HEADERS, SecurityMiddleware
from nabij.companion.web.vault import LockedError, Vault

__all__ = ["create_app"]

log = logging.getLogger("nabij.web")


class LanguageMiddleware:
    """Switch the shared catalogues to the app's language before each request."""

    def __init__(self, app: ASGIApp, config: WebConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        set_language(self.config.lang)
        await self.app(scope, receive, send)


async def _autolock(vault: Vault) -> None:
    """Lock on inactivity even when no request comes in to notice it."""
    every = max(0.5, min(5.0, vault.idle_seconds / 4))
    while True:
        await asyncio.sleep(every)
        if vault.expire_if_idle():
            log.info("journal locked after inactivity")


def create_app(config: WebConfig) -> FastAPI:
    """A fresh app for ``config``: nothing is shared between two apps (tests make many)."""
    set_language(config.lang)  # fails early on a language without a catalogue
    vault = Vault(config.journal, config.idle_seconds, config.clock)

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(_autolock(vault))
        try:
            yield
        finally:
            task.cancel()
            vault.shutdown()

    # No /docs or /redoc: they load their scripts from a CDN. No OpenAPI either: the app is
    # HTML forms for one person, and its fuzz test walks the route table instead.
    app = FastAPI(title="nabij", docs_url=None, redoc_url=None, openapi_url=None,
                  lifespan=lifespan)
    app.state.config = config
    app.state.vault = vault
    app.mount("/static", StaticFiles(packages=[("nabij.companion.web", "static")]),
              name="static")
    for router in ROUTERS:
        app.include_router(router)

    @app.get(LAUNCH_PATH)
    async def _launch() -> Response:
        # ``serve`` asks this before opening the browser: proof that the port is ours.
        if config.launch_token is None:
            return PlainTextResponse("", status_code=404)
        return PlainTextResponse(config.launch_token)

    @app.exception_handler(LockedError)
    async def _locked(request: Request, _exc: Exception) -> Response:
        target = "/unlock"
        form = request.scope.get("state", {}).get("posted_form")
        if request.method == "POST" and request.url.path in KEEPS_DRAFTS and form:
            # Posted after the lock: keep what was typed until this browser unlocks again.
            vault.park_form(request.state.session_id, request.url.path, form)
            target = "/unlock?kept=1"
        if request.headers.get("hx-request"):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return redirect(target)

    app.add_middleware(SecurityMiddleware, allowed_hosts=config.allowed_hosts(),
                       secret=secrets.token_bytes(32), port=config.port)
    # Around the wall, so that its own refusals (403, 413, 421) speak the app's language.
    app.add_middleware(LanguageMiddleware, config=config)
    # Outermost of ours: an unexpected error ends here, logged as type and route only.
    app.add_middleware(ErrorWall)
    return app


class ErrorWall:
    """Turn an unexpected exception into a plain 500 and log only its type and route.

    A FastAPI exception handler is not enough: Starlette re-raises after calling it, and the
    server (uvicorn) then logs the full traceback, whose messages may quote what the person
    typed. Caught here, nothing travels further.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            route = getattr(scope.get("route"), "path", "?")
            log.error("unexpected %s on %s %s", type(exc).__name__, scope.get("method"), route)
            if not started:
                headers = {k.decode(): v.decode() for k, v in SECURITY_HEADERS}
                response = PlainTextResponse(_("Something went wrong; nothing was saved."),
                                             status_code=500,
                                             headers={**headers, "cache-control": "no-store"})
                await response(scope, receive, send)
