"""The unlocked journal, held in memory for one browser session and dropped on lock.

Why a single worker thread: SQLite connections belong to the thread that opened them, and
one writer at a time is the store's rule anyway, so every journal call runs on one
dedicated thread while the event loop stays free. Why an owner: the key unlocks the
journal for the browser session that typed the passphrase, not for every process on the
machine that can reach 127.0.0.1. Why a clock: auto-lock after inactivity is tested with
a fake one.

Why parked drafts: the lock must never cost what was being typed. When the journal locks
(auto-lock or the lock button), what the session held (a 36-questions session in progress)
and a form posted while locked (an entry finished after the timeout) are *parked* in memory
for that browser session only, and handed back when the same browser unlocks again. They
are plaintext in this process's memory while parked, like the page in the browser that
typed them; they never reach the disk, expire after :data:`PARK_SECONDS` and are gone when
the server stops.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from nabij.companion.journal import Journal
from nabij.companion.store import SqliteStore

__all__ = ["LockedError", "Vault"]

T = TypeVar("T")


#: How long a parked draft waits for its browser to unlock again (then it is dropped).
PARK_SECONDS = 12 * 60 * 60
#: At most this many browser sessions have a parked draft (the oldest is dropped first).
MAX_PARKED = 8


#: Wrong passphrases allowed before each further guess has to wait; the wait then doubles
#: with every wrong one (1 s, 2 s, 4 s ...) up to :data:`MAX_GUESS_WAIT` seconds. A person
#: who mistypes a few times never notices; a program guessing from this machine gets a few
#: hundred guesses a day instead of Argon2's few per second.
FREE_GUESSES = 3
MAX_GUESS_WAIT = 300.0


class LockedError(Exception):
    """The journal is locked for this browser session: unlock first."""


def _owner_of(session_id: str) -> str:
    return hashlib.sha256(session_id.encode()).hexdigest()


class Vault:
    """Holds at most one open journal, for one browser session, until lock or idle timeout."""

    def __init__(self, path: Path, idle_seconds: float, clock: Callable[[], float]) -> None:
        self.path = path
        self.idle_seconds = idle_seconds
        self.clock = clock
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="nabij-journal")
        self._journal: Journal | None = None
        self._owner: str | None = None
        self._last_seen = 0.0
        #: Per-unlock scratch space for pages (e.g. a 36-questions session in progress);
        #: cleared on lock, so nothing typed outlives the key.
        self.scratch: dict[str, Any] = {}
        #: Drafts kept across a lock, per browser session (owner hash): (time, scratch).
        self._parked: dict[str, tuple[float, dict[str, Any]]] = {}
        self._wrong_guesses = 0
        self._next_guess = 0.0

    # -- state --------------------------------------------------------------------------------
    def exists(self) -> bool:
        """Whether there is a journal file to unlock (otherwise the app offers to create one)."""
        return self.path.exists()

    def is_unlocked_for(self, session_id: str) -> bool:
        """Unlocked, not idle too long, and by this browser session."""
        self.expire_if_idle()
        return self._journal is not None and self._owner == _owner_of(session_id)

    def idle_limit(self) -> float:
        """Seconds without activity before the lock: ``idle_seconds``, but never shorter
        than the timer of a 36-questions set in progress (plus a minute to finish it)."""
        timer = getattr(self.scratch.get("session"), "timer_minutes", None) or 0
        return max(self.idle_seconds, timer * 60 + 60)

    def expire_if_idle(self) -> bool:
        """Lock if nothing happened for :meth:`idle_limit`; returns whether it locked now."""
        if self._journal is not None and self.clock() - self._last_seen > self.idle_limit():
            self._drop()
            return True
        return False

    # -- running journal code on the journal thread ------------------------------------------
    async def _run(self, fn: Callable[..., T], *args: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, partial(fn, *args))

    async def use(self, session_id: str, fn: Callable[[Journal], T]) -> T:
        """Run ``fn(journal)`` on the journal thread; raises :class:`LockedError` if not unlocked."""
        if not self.is_unlocked_for(session_id):
            raise LockedError
        journal = self._journal
        assert journal is not None
        self._last_seen = self.clock()
        return await self._run(fn, journal)

    # -- lifecycle ----------------------------------------------------------------------------
    async def unlock(self, passphrase: str, session_id: str) -> None:
        """Open the journal with ``passphrase`` (raises the store's errors when it cannot)."""
        store = await self._run(SqliteStore.open, self.path, passphrase)
        self._take(Journal(store), session_id)

    async def create(self, passphrase: str, session_id: str) -> None:
        """Create a new journal at :attr:`path` and keep it unlocked for this session."""
        def make() -> SqliteStore:
            store, _recovery = SqliteStore.create(self.path, passphrase)
            return store
        self._take(Journal(await self._run(make)), session_id)

    def _take(self, journal: Journal, session_id: str) -> None:
        self._drop()  # a second unlock (another tab, another browser) replaces the first
        self._journal = journal
        self._owner = _owner_of(session_id)
        self._last_seen = self.clock()

    def rebind(self, old_session: str, new_session: str) -> None:
        """Move the unlocked journal from ``old_session`` to ``new_session`` (a renewal)."""
        if self._journal is not None and self._owner == _owner_of(old_session):
            self._owner = _owner_of(new_session)

    async def lock(self, session_id: str) -> None:
        """Close the store and forget the key and everything held for the session.

        Only the browser session that unlocked may lock: another one (a second tab's stale
        session, another local process with a token of its own) changes nothing. Returns
        once the store is closed, so the file is settled when the page says so.
        """
        if self._owner != _owner_of(session_id):
            return
        journal = self._detach()
        if journal is not None:
            await self._run(journal.store.close)

    def _detach(self) -> Journal | None:
        if self._owner is not None and self.scratch:
            self._park(self._owner, dict(self.scratch))
        journal, self._journal, self._owner = self._journal, None, None
        self.scratch.clear()
        return journal

    # -- passphrase guesses -------------------------------------------------------------------
    def guess_wait(self) -> float:
        """Seconds until the next passphrase guess is heard (0: now). For every session
        together: a guessing program makes new sessions at will."""
        return max(0.0, self._next_guess - self.clock())

    def note_guess(self, right: bool) -> None:
        """Count a passphrase guess: a right one clears the count, a wrong one backs off."""
        if right:
            self._wrong_guesses, self._next_guess = 0, 0.0
            return
        self._wrong_guesses += 1
        extra = self._wrong_guesses - FREE_GUESSES
        if extra >= 0:
            self._next_guess = self.clock() + min(MAX_GUESS_WAIT, 2.0 ** extra)

    # -- drafts kept across a lock -----------------------------------------------------------
    def _park(self, owner: str, items: dict[str, Any]) -> None:
        now = self.clock()
        self._parked = {k: v for k, v in self._parked.items() if now - v[0] < PARK_SECONDS}
        kept = {**self._parked.pop(owner, (now, {}))[1], **items}
        self._parked[owner] = (now, kept)
        while len(self._parked) > MAX_PARKED:
            self._parked.pop(next(iter(self._parked)))

    def park_form(self, session_id: str, path: str, form: dict[str, list[str]]) -> None:
        """Keep a form that was posted while locked, for this browser session only."""
        self._park(_owner_of(session_id), {f"form:{path}": form})

    def move_parked(self, old_session: str, new_session: str) -> None:
        """Parked drafts follow a renewed session id (the lock button renews it)."""
        found = self._parked.pop(_owner_of(old_session), None)
        if found is not None:
            self._parked[_owner_of(new_session)] = found

    def restore_parked(self, session_id: str) -> str | None:
        """After an unlock by the same browser: drafts back into :attr:`scratch`; returns
        the path of a form to show again (filled in), if one was parked."""
        found = self._parked.pop(_owner_of(session_id), None)
        if found is None or self.clock() - found[0] >= PARK_SECONDS:
            return None
        self.scratch.update(found[1])
        forms = [key.removeprefix("form:") for key in found[1] if key.startswith("form:")]
        return forms[-1] if forms else None

    def take_form(self, path: str) -> dict[str, list[str]] | None:
        """A restored form for the page at ``path`` (once)."""
        form = self.scratch.pop(f"form:{path}", None)
        return form if isinstance(form, dict) else None

    def _drop(self) -> None:
        journal = self._detach()
        if journal is not None:
            self._executor.submit(journal.store.close)  # on the thread that owns the connection

    def shutdown(self) -> None:
        """Lock and stop the journal thread (server shutdown); parked drafts are dropped."""
        self._drop()
        self._parked.clear()
        self._executor.shutdown(wait=True)
