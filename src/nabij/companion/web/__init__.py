"""The companion's local web app: FastAPI + Jinja2 + HTMX, on 127.0.0.1 only.

:func:`create_app` builds the app (tests drive it in-process); :func:`serve` runs it with
uvicorn for ``nabij serve``. Pages reuse part 1 (journal, estimators, planner, i18n,
prompts); this package adds only what a browser needs: the security wall
(:mod:`.security`), the unlocked key in memory (:mod:`.vault`), templates, SVG charts.
"""

from __future__ import annotations

from nabij.companion.web.app import create_app
from nabij.companion.web.config import WebConfig
from nabij.companion.web.server import serve

__all__ = ["WebConfig", "create_app", "serve"]
