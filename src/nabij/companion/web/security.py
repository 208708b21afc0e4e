"""The web app's outer wall: Host check, session cookie, CSRF token, security headers.

One pure ASGI middleware in front of every route, so no page can forget a check:

* **Host header** must be ``127.0.0.1:PORT`` or ``localhost:PORT``, else 421: a web page
  that rebinds its own domain name to 127.0.0.1 (DNS rebinding) still sends its own name.
* **Session cookie** (random, ``HttpOnly``, ``SameSite=Strict``): set when missing. Other
  sites' pages never send it, so they can neither read nor change anything. Browsers send
  127.0.0.1 cookies to *every* port, so a page on another local port can plant a cookie
  (session fixation). Three things stop that: the cookie is named after our port; its value
  carries an HMAC under a secret made at launch (with the port in it), so a session this
  process did not issue is refused and replaced; and :func:`renew_session` gives a fresh
  id on unlock and on lock, so an id known before unlocking is worthless after it.
* **CSRF token** on every state-changing request (POST, PUT, PATCH, DELETE): the form field
  ``csrf_token`` or the header ``X-CSRF-Token`` must equal ``HMAC(server secret, session)``,
  else 403; a foreign ``Origin`` is refused as well. Bodies are read here, up to
  :data:`MAX_BODY` bytes (413 beyond), and handed on unchanged.
* **Headers** on every response: a Content-Security-Policy that allows only our own
  scripts and styles (no inline script, no eval), no framing, no referrer, no sniffing, no
  caching of pages (they show journal content).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable, MutableMapping
from http.cookies import SimpleCookie
from typing import Any
from urllib.parse import parse_qs, urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nabij.companion.i18n import _

__all__ = [
    "COOKIE",
    "CSP",
    "CSRF_FIELD",
    "CSRF_HEADER",
    "MAX_BODY",
    "SecurityMiddleware",
    "cookie_name",
    "csrf_token_for",
    "renew_session",
]

#: Prefix of the session cookie's name; the port follows (``nabij_session_8765``).
COOKIE = "nabij_session"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
#: Forms here are small; an export or import never comes in through a request body.
MAX_BODY = 256 * 1024
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{43}\.[0-9a-f]{32}$")

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; frame-ancestors 'none'; "
       "base-uri 'none'")
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-content-type-options", b"nosniff"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


def cookie_name(port: int) -> str:
    """The session cookie's name for a server on ``port`` (two servers never share one)."""
    return f"{COOKIE}_{port}"


def _sign(secret: bytes, port: int, nonce: str) -> str:
    message = f"nabij/session|{port}|{nonce}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()[:32]


def new_session_id(secret: bytes, port: int) -> str:
    """A random session id that only this launch (``secret``) on ``port`` accepts."""
    nonce = secrets.token_urlsafe(32)
    return f"{nonce}.{_sign(secret, port, nonce)}"


def session_is_ours(secret: bytes, port: int, session_id: str) -> bool:
    """Whether ``session_id`` was issued by this launch for this port."""
    if not _SESSION_ID.match(session_id):
        return False
    nonce, mac = session_id.split(".")
    return hmac.compare_digest(mac, _sign(secret, port, nonce))


def renew_session(state: MutableMapping[str, Any]) -> str:
    """Give this browser a fresh session id (sent with the response); returns the new id.

    Called on unlock and on lock: whoever knew the old id (a cookie planted by another
    local port, say) gets nothing from it afterwards.
    """
    wall = state["security"]
    assert isinstance(wall, SecurityMiddleware)
    session_id = new_session_id(wall.secret, wall.port)
    state["session_id"] = session_id
    state["csrf_token"] = csrf_token_for(wall.secret, session_id)
    state["session_renewed"] = True
    return session_id


def csrf_token_for(secret: bytes, session_id: str) -> str:
    """The CSRF token of one session: an HMAC, so the server keeps no token table."""
    return hmac.new(secret, session_id.encode(), hashlib.sha256).hexdigest()


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return bytes(value).decode("latin-1")
    return None


def _session_from(scope: Scope, name: str) -> str | None:
    raw = _header(scope, b"cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed cookie header is treated as no cookie
        return None
    morsel = jar.get(name)
    return morsel.value if morsel is not None and morsel.value else None


async def _plain(send: Send, status: int, text: str) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"), *SECURITY_HEADERS,
               (b"cache-control", b"no-store")]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": text.encode()})


async def _read_body(receive: Receive) -> tuple[bytes, list[Message]] | None:
    """The whole request body (``None`` when it exceeds :data:`MAX_BODY`)."""
    chunks: list[bytes] = []
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_BODY:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks), messages


def _form_token(scope: Scope, body: bytes) -> str | None:
    kind = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        return None
    try:
        values = parse_qs(body.decode("utf-8"), max_num_fields=200)
    except (UnicodeDecodeError, ValueError):
        return None
    found = values.get(CSRF_FIELD)
    return found[0] if found else None


class SecurityMiddleware:
    """Pure ASGI middleware implementing the checks listed in the module docstring."""

    def __init__(self, app: ASGIApp, allowed_hosts: Iterable[str], secret: bytes,
                 port: int) -> None:
        self.app = app
        self.allowed_hosts = frozenset(allowed_hosts)
        self.secret = secret
        self.port = port
        self.cookie = cookie_name(port)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = _header(scope, b"host")
        if host not in self.allowed_hosts:
            await _plain(send, 421, _("Misdirected request: this app answers on 127.0.0.1 "
                                      "only."))
            return
        session = _session_from(scope, self.cookie)
        fresh = session is None or not session_is_ours(self.secret, self.port, session)
        session_id = new_session_id(self.secret, self.port) if fresh else str(session)
        state: MutableMapping[str, Any] = scope.setdefault("state", {})
        state["security"] = self
        state["session_renewed"] = False
        state["session_id"] = session_id
        state["csrf_token"] = csrf_token_for(self.secret, session_id)

        if scope["method"] in UNSAFE_METHODS:
            origin = _header(scope, b"origin")
            if origin is not None and origin != "null" and urlsplit(origin).netloc not in \
                    self.allowed_hosts:
                await _plain(send, 403, _("Forbidden: request from another site."))
                return
            read = await _read_body(receive)
            if read is None:
                await _plain(send, 413, _("Request too large."))
                return
            body, messages = read
            token = _header(scope, CSRF_HEADER.encode()) or _form_token(scope, body)
            if fresh or token is None or not hmac.compare_digest(token, state["csrf_token"]):
                await _plain(send, 403, _("Forbidden: missing or invalid CSRF token. Reload "
                                          "the page and try again."))
                return
            receive = _replay(messages)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _v in headers}
                headers += [h for h in SECURITY_HEADERS if h[0] not in names]
                if b"cache-control" not in names:
                    headers.append((b"cache-control", b"no-store"))
                if fresh or state.get("session_renewed"):
                    cookie = (f"{self.cookie}={state['session_id']}; Path=/; HttpOnly; "
                              "SameSite=Strict")
                    headers.append((b"set-cookie", cookie.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _replay(messages: list[Message]) -> Receive:
    """A ``receive`` that hands the buffered body on, then waits like the real one would."""
    pending = list(messages)

    async def receive() -> Message:
        if pending:
            return pending.pop(0)
        return {"type": "http.disconnect"}

    return receive
