"""``nabij serve``: the companion in the browser, on this machine only."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from nabij.companion.web.config import DEFAULT_IDLE_SECONDS, DEFAULT_PORT

__all__ = ["serve_command"]


def serve_command(
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port on 127.0.0.1.")] = DEFAULT_PORT,
    journal: Annotated[Path | None, typer.Option(
        "--journal", envvar="NABIJ_JOURNAL", show_envvar=True,
        help="Journal file (default: the user data directory).")] = None,
    lang: Annotated[str | None, typer.Option(
        "--lang", help="Language: en or nl (default: from the locale).")] = None,
    no_browser: Annotated[bool, typer.Option(
        "--no-browser", help="Do not open a browser window.")] = False,
    idle_minutes: Annotated[float, typer.Option(
        min=0.1, help="Lock after this many minutes without activity.")] = DEFAULT_IDLE_SECONDS / 60,
) -> None:
    """Open the practice journal in your browser (served on 127.0.0.1 only, nothing external)."""
    from nabij.extras import require

    require(("fastapi", "uvicorn", "jinja2", "multipart"), "web", "nabij serve")
    from nabij.companion.cli_io import default_journal_path
    from nabij.companion.i18n import resolve_language, set_language
    from nabij.companion.web import WebConfig, serve  # imports FastAPI only when serving

    try:
        code = set_language(resolve_language(lang))  # messages from here on speak it
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="--lang") from None
    config = WebConfig(journal=journal or default_journal_path(), lang=code, port=port,
                       idle_seconds=idle_minutes * 60)
    config.journal.parent.mkdir(parents=True, exist_ok=True)
    _check_port_free(port)
    from nabij.companion.web.server import PortBusyError

    try:
        serve(config, open_browser=not no_browser)
    except PortBusyError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None


def _check_port_free(port: int) -> None:
    """A busy port is a clear error that suggests --port, not a server that dies on start."""
    import errno
    import socket

    from nabij.companion.i18n import _

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            raise typer.BadParameter(
                _("port {port} on 127.0.0.1 is already in use (is nabij serve already "
                  "running?); choose another with --port {other}").format(
                    port=port, other=port + 1 if port < 65535 else port - 1),
                param_hint="--port") from None
