"""Templates: one Jinja2 environment with the part-1 translation functions as globals.

Templates call ``_()`` and ``num()`` from :mod:`nabij.companion.i18n`, so the web app and
the CLI share one set of Babel catalogues. Every page gets the CSRF token, the language
and the auto-lock delay; autoescaping is on for all of them.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse

from nabij.companion.i18n import _, current_language, num
from nabij.companion.prompts import depth_band
from nabij.companion.views import action_label, notice, power_label, relationship_label
from nabij.companion.web.forms import labelled

__all__ = ["redirect", "render"]

_env = Environment(loader=PackageLoader("nabij.companion.web", "templates"),
                   autoescape=select_autoescape(default=True), trim_blocks=True,
                   lstrip_blocks=True)
_env.globals.update(_=_, num=num, action_label=action_label, notice=notice,
                    depth_band=depth_band, labelled=labelled,
                    relationship_label=relationship_label, power_label=power_label)

#: The navigation: (path, label). Labels are translated when the page renders.
NAV = (
    ("/today", "Today"), ("/entries/new", "Log"), ("/people", "People"),
    ("/calibration", "Fear vs reality"), ("/ladder", "Depth ladder"),
    ("/reflections", "Reflect"), ("/review", "Week"), ("/session", "36 questions"),
    ("/settings", "Settings"),
)


def _nav_labels() -> dict[str, str]:
    # Listed literally so that message extraction finds each label.
    return {"Today": _("Today"), "Log": _("Log"), "People": _("People"),
            "Fear vs reality": _("Fear vs reality"), "Depth ladder": _("Depth ladder"),
            "Reflect": _("Reflect"), "Week": _("Week"), "36 questions": _("36 questions"),
            "Settings": _("Settings")}


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render ``template`` with the shared page context; ``status`` e.g. 422 for bad input."""
    labels = _nav_labels()
    page = {
        "request_path": request.url.path,
        "csrf_token": request.state.csrf_token,
        "lang": current_language(),
        "idle_seconds": int(request.app.state.vault.idle_limit()),
        "nav": [(path, labels[label]) for path, label in NAV],
        **context,
    }
    return HTMLResponse(_env.get_template(template).render(page), status_code=status)


def redirect(path: str) -> RedirectResponse:
    """See-other redirect after a form post (so reload does not post twice)."""
    return RedirectResponse(path, status_code=303)
