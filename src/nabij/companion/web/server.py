"""Running the web app: loopback only, no access log, optionally opening the browser."""

from __future__ import annotations

import ipaddress
import logging
import threading
import webbrowser

import uvicorn

from nabij.companion.i18n import _
from nabij.companion.web.app import create_app
from nabij.companion.web.config import LOOPBACK, WebConfig

__all__ = ["check_bind_address", "serve"]


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


def serve(config: WebConfig, *, open_browser: bool = True, host: str = LOOPBACK) -> None:
    """Serve until interrupted. No access log: request lines could name people."""
    check_bind_address(host)
    app = create_app(config)
    url = f"http://{LOOPBACK}:{config.port}/"
    logging.getLogger("nabij.web").setLevel(logging.INFO)
    server = uvicorn.Server(uvicorn.Config(
        app, host=host, port=config.port, access_log=False, log_level="warning",
        server_header=False, proxy_headers=False))
    print("nabij: " + _("{url}  (Ctrl+C stops; the journal locks when the server stops)")
          .format(url=url), flush=True)
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    server.run()
