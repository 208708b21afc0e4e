"""Page routes, one module per page or group of pages; :data:`ROUTERS` lists them all."""

from __future__ import annotations

from fastapi import APIRouter

from nabij.companion.web.routes import (
    access,
    entries,
    insight,
    people,
    reflections,
    session,
    settings,
    today,
)

__all__ = ["ROUTERS"]

ROUTERS: tuple[APIRouter, ...] = (
    access.router, today.router, entries.router, people.router, insight.router,
    reflections.router, session.router, settings.router,
)
