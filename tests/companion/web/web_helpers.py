"""Helpers for the web tests: read a page's CSRF token, post a form as the page would."""

from __future__ import annotations

import re
from typing import Any

from starlette.testclient import TestClient

PASSPHRASE = "correct horse battery"
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"


def csrf(client: TestClient, path: str = "/unlock") -> str:
    """The CSRF token a page of ``path`` carries for this client's session."""
    page = client.get(path, follow_redirects=True)
    tokens = set(re.findall(r'name="csrf_token" value="([^"]*)"', page.text))
    forms = page.text.count('method="post"')
    assert forms and page.text.count('name="csrf_token"') == forms, f"a form lacks a token: {path}"
    assert len(tokens) == 1 and re.fullmatch("[0-9a-f]{64}", next(iter(tokens))), (path, tokens)
    return next(iter(tokens))


def post(client: TestClient, path: str, data: dict[str, object] | None = None,
         token_from: str = "/unlock", **kwargs: Any) -> Any:
    """POST a form the way the page would, CSRF token included."""
    return client.post(path, data={"csrf_token": csrf(client, token_from), **(data or {})},
                       **kwargs)


def in_journal(client: TestClient, fn: Any) -> Any:
    """Run ``fn(journal)`` on the vault's journal thread (SQLite objects stay on it)."""
    vault = client.app.state.vault  # type: ignore[attr-defined]
    return vault._executor.submit(fn, vault._journal).result()
