"""Settings of the local web app: where the journal lives, language, port, auto-lock.

A table of (name, default, meaning), kept in one place so that ``nabij serve --help``,
the docs and the tests agree (house style: settings as a table).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["DEFAULT_IDLE_SECONDS", "DEFAULT_PORT", "LAUNCH_PATH", "LOOPBACK", "WebConfig"]

#: The only address the server binds to: the app is for the person at this machine.
LOOPBACK = "127.0.0.1"
#: Where the server answers with its launch secret, so ``serve`` knows the browser will
#: reach *this* server and not a program that grabbed the port first.
LAUNCH_PATH = "/.well-known/nabij-launch"
#: The default port (``nabij serve --port``).
DEFAULT_PORT = 8765
#: Lock after this many seconds without a request: long enough to write a note, short
#: enough that a forgotten tab does not keep the journal open.
DEFAULT_IDLE_SECONDS = 10 * 60


@dataclass
class WebConfig:
    """What one running web app needs; ``clock`` is injectable so tests can fake time."""

    journal: Path
    lang: str = "en"
    port: int = DEFAULT_PORT
    idle_seconds: float = DEFAULT_IDLE_SECONDS
    clock: Callable[[], float] = field(default=time.monotonic)
    #: A secret made by ``serve`` at start-up, answered at :data:`LAUNCH_PATH`.
    launch_token: str | None = None

    def allowed_hosts(self) -> frozenset[str]:
        """Host header values accepted (DNS rebinding defence): loopback names with our port."""
        return frozenset({f"{LOOPBACK}:{self.port}", f"localhost:{self.port}"})
