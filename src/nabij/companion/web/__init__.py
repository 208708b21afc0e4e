"""The companion's local web app: FastAPI + Jinja2 + HTMX, on 127.0.0.1 only.

:func:`create_app` builds the app (tests drive it in-process); :func:`serve` runs it with
uvicorn for ``nabij serve``. Pages reuse part 1 (journal, estimators, planner, i18n,
prompts); this package adds only what a browser needs: the security wall
(:mod:`.security`), the unlocked key in memory (:mod:`.vault`), templates, SVG charts.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nabij.companion.web.app import create_app
    from nabij.companion.web.config import WebConfig
    from nabij.companion.web.server import serve

__all__ = ["WebConfig", "create_app", "serve"]

_HOMES = {"WebConfig": "config", "create_app": "app", "serve": "server"}


def __getattr__(name: str) -> Any:
    """Import FastAPI and the app only when they are used, not when the CLI starts."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
