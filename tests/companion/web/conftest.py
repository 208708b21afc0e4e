"""Fixtures for the web app: an app on a temporary journal with a fake clock, a client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient
from web_helpers import BASE, PASSPHRASE, PORT, post

from nabij.companion.web import WebConfig, create_app


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def config(tmp_path: Path, clock: FakeClock) -> WebConfig:
    return WebConfig(journal=tmp_path / "journal.db", lang="en", port=PORT, idle_seconds=300,
                     clock=clock)


@pytest.fixture
def client(config: WebConfig) -> Iterator[TestClient]:
    """A browser-like client: keeps cookies, does not follow redirects by itself."""
    with TestClient(create_app(config), base_url=BASE, follow_redirects=False) as c:
        yield c


@pytest.fixture
def unlocked(client: TestClient) -> TestClient:
    """A client whose session created (and so unlocked) a fresh journal."""
    r = post(client, "/create", {"passphrase": PASSPHRASE, "confirm": PASSPHRASE})
    assert r.status_code == 303, r.text
    return client
