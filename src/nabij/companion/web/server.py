"""Running the web app: loopback only, no access log, optionally opening the browser."""

from __future__ import annotations

import hmac
import ipaddress
import logging
import secrets
import socket
import threading
import time
import urllib.request
import webbrowser
from collections.abc import Callable

import uvicorn

from nabij.companion.i18n import _
from nabij.companion.web.app import create_app
from nabij.companion.web.config import LAUNCH_PATH, LOOPBACK, WebConfig

__all__ = ["PortBusyError", "bind_port", "check_bind_address", "open_when_ours", "serve"]


class PortBusyError(OSError):
    """Another program holds the port: nabij does not start, and opens no browser there."""


def check_bind_address(host: str) -> str:
    """``host`` if it is 127.0.0.1; anything else is refused (the journal is not for a network)."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        address = None
    if address != ipaddress.ip_address(LOOPBACK):
        raise ValueError(_("nabij serve binds to {loopback} only, not {host}: the journal "
                           "must not be reachable from another machine").format(
            loopback=LOOPBACK, host=repr(host)))
    return host


def bind_port(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port``, or :class:`PortBusyError` if something holds it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # TIME_WAIT only, not a listener
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise PortBusyError(_("port {port} on {host} is in use by another program ({error}); "
                              "nabij did not start and opened no browser. Pick another port "
                              "with --port.").format(port=port, host=host,
                                                    error=exc.strerror or exc)) from None
    sock.set_inheritable(True)
    return sock


def open_when_ours(url: str, token: str, opener: Callable[[str], object] = webbrowser.open,
                   timeout: float = 15.0) -> bool:
    """Open ``url`` in the browser only once the server there proves it is this launch.

    It must answer :data:`LAUNCH_PATH` with ``token``, a secret made at start-up; a program
    that grabbed the port (and could show a fake unlock page) cannot know it.
    """
    fetch = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never via a proxy
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with fetch.open(url.rstrip("/") + LAUNCH_PATH, timeout=1) as answer:
                said = answer.read(256).decode("utf-8", "replace").strip()
        except OSError:
            time.sleep(0.2)
            continue
        if hmac.compare_digest(said.encode(), token.encode()):
            opener(url)
            return True
        break
    print("nabij: " + _("the server at {url} did not prove it is this nabij; no browser was "
                        "opened").format(url=url), flush=True)
    return False


def serve(config: WebConfig, *, open_browser: bool = True, host: str = LOOPBACK,
          opener: Callable[[str], object] = webbrowser.open) -> None:
    """Serve until interrupted. No access log: request lines could name people.

    The port is bound before anything else, so a busy port is a clear error; the browser
    opens only after our own server has answered with this launch's secret.
    """
    check_bind_address(host)
    sock = bind_port(host, config.port)
    config.launch_token = secrets.token_urlsafe(24)
    app = create_app(config)
    url = f"http://{LOOPBACK}:{config.port}/"
    logging.getLogger("nabij.web").setLevel(logging.INFO)
    server = uvicorn.Server(uvicorn.Config(
        app, host=host, port=config.port, access_log=False, log_level="warning",
        server_header=False, proxy_headers=False))
    print("nabij: " + _("{url}  (Ctrl+C stops; the journal locks when the server stops)")
          .format(url=url), flush=True)
    if open_browser:
        threading.Thread(target=open_when_ours, args=(url, config.launch_token, opener),
                         daemon=True).start()
    server.run(sockets=[sock])
