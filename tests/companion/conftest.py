"""Shared fixtures for the companion tests: a cheap KDF, a journal path, a runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from nabij.companion.i18n import set_language

PASSPHRASE = "correct horse battery"


@pytest.fixture(autouse=True)
def _fast_kdf_and_clean_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Cheap Argon2 parameters (the default profile is deliberately slow) and no leaks."""
    monkeypatch.setenv("NABIJ_KDF_PROFILE", "test")
    for name in ("NABIJ_PASSPHRASE", "NABIJ_NEW_PASSPHRASE", "NABIJ_RECOVERY_KEY",
                 "NABIJ_JOURNAL", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C")
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    """Where a test journal lives (not created yet)."""
    return tmp_path / "journal.db"
