"""Terminal input and output for the journal CLI: passphrase first, prompts, failures.

Kept apart from the commands so that :mod:`nabij.companion.cli` stays a list of thin
commands. The rule that matters most lives here: :func:`unlock` asks the passphrase (or
reads ``NABIJ_PASSPHRASE``) before any other input, so a wrong passphrase never costs what
was typed, and :func:`save_keeping_input` never drops a typed entry when saving fails.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

import typer
from platformdirs import user_data_dir
from rich.console import Console
from rich.segment import Segment

from nabij.companion.crypto import CryptoError, WrongPassphraseError, format_recovery_key
from nabij.companion.domain import ValidationError
from nabij.companion.i18n import _, set_language
from nabij.companion.journal import Journal
from nabij.companion.prompts import DEPTH_BANDS
from nabij.companion.store import JournalError, SqliteStore

__all__ = [
    "MAX_TRIES",
    "MIN_PASSPHRASE",
    "ask_entry",
    "ask_int",
    "ask_secret",
    "ask_session_answer",
    "ask_yes_no",
    "backup_or_fail",
    "check_new_passphrase",
    "close",
    "default_journal_path",
    "err",
    "fail",
    "out",
    "read_json",
    "report_problems",
    "save_keeping_input",
    "setup",
    "strip_controls",
    "unlock",
    "write_private",
]

#: C0 and C1 control characters except tab and newline: ESC, CSI (0x9b), BEL, backspace ...
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """``text`` without terminal control characters (what an escape sequence is made of)."""
    return _CONTROL.sub("", text)


class SafeConsole(Console):
    """A rich console that never lets stored text drive the terminal.

    A note or a name may hold escape sequences (pasted, imported, or planted by whoever
    wrote the import file) that retitle the window, rewrite the screen or worse. Every piece
    of text is stripped of control characters just before it is written; rich's own styling
    travels separately (control segments) and is kept.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(
            seg if seg.control else Segment(strip_controls(seg.text), seg.style)
            for seg in buffer)


#: Data goes to stdout; when it is not a terminal (a pipe, a test) tables get room to breathe.
out = SafeConsole(highlight=False, markup=False, width=None if sys.stdout.isatty() else 120)
err = SafeConsole(stderr=True, highlight=False, markup=False)

MAX_TRIES = 3


def default_journal_path() -> Path:
    """``journal.db`` in the platform's user data directory for nabij."""
    return Path(user_data_dir("nabij", appauthor=False)) / "journal.db"


def fail(message: str, code: int = 1) -> NoReturn:
    err.print(message, style="red")
    raise typer.Exit(code)


def setup(lang: str | None, journal: Path | None) -> Path:
    try:
        set_language(lang)
    except ValueError as exc:
        fail(str(exc), 2)
    return Path(journal) if journal else default_journal_path()


def ask_secret(prompt: str, *, confirm: bool = False, env: str = "NABIJ_PASSPHRASE") -> str:
    """A hidden answer (or ``env`` when set); with ``confirm``, typed twice until both match."""
    value = os.environ.get(env)
    if value is not None:
        return value
    while True:
        text: str = typer.prompt(prompt, hide_input=True)
        if not confirm or typer.prompt(_("The same again"), hide_input=True) == text:
            return text
        err.print(_("The two do not match; please type it again."))


#: Answers to a yes/no question, in every language (English words always work).
_YES = frozenset({"y", "yes", "j", "ja"})
_NO = frozenset({"n", "no", "nee"})


def ask_yes_no(question: str, *, default: bool = False, abort: bool = False) -> bool:
    """A yes/no question shown as ``[j/N]`` in Dutch and ``[y/N]`` in English.

    Click's own ``confirm`` only knows ``y``; someone answering in Dutch types ``j``.
    ``abort`` stops the command on "no", as ``typer.confirm(abort=True)`` would.
    """
    yes, no = _("y"), _("n")
    choices = f"[{yes.upper()}/{no}]" if default else f"[{yes}/{no.upper()}]"
    while True:
        raw = typer.prompt(f"{question} {choices}", default="", show_default=False)
        answer = raw.strip().lower()
        if not answer or answer in _YES | _NO:
            result = default if not answer else answer in _YES
            if abort and not result:
                raise typer.Abort
            return result
        err.print(_("Please answer {yes} or {no}.").format(yes=yes, no=no))


#: Session answers: each typed word and what it records; the English words always work.
_SESSION_WORDS = {"a": "a", "b": "b", "both": "both", "skip": "skip", "stop": "stop",
                  "allebei": "both", "beide": "both", "beiden": "both", "overslaan": "skip",
                  "stoppen": "stop"}


def ask_session_answer() -> str:
    """Who answered a 36-questions question: ``a``, ``b``, ``both``, ``skip`` or ``stop``.

    Dutch words (``allebei``, ``overslaan``, ``stoppen``) count too; anything else is asked
    again instead of being recorded as a guess.
    """
    while True:
        raw = typer.prompt(_("Who answered"), default=_("both")).strip().lower()
        if raw in _SESSION_WORDS:
            return _SESSION_WORDS[raw]
        err.print(_("Please type a, b, {both}, {skip} or {stop}.").format(
            both=_("both"), skip=_("skip"), stop=_("stop")))


#: Shortest passphrase accepted when typed; scripts get a warning instead of a refusal.
MIN_PASSPHRASE = 8


def check_new_passphrase(secret: str, env: str) -> None:
    """Refuse an empty passphrase, and a short one when typed; warn when a script's is short."""
    if not secret:
        fail(_("The passphrase must not be empty."))
    if len(secret) < MIN_PASSPHRASE:
        if os.environ.get(env) is None:
            fail(_("The passphrase must have at least 8 characters."))
        err.print(_("Warning: a passphrase shorter than 8 characters is easy to guess."))


def unlock(path: Path, *, recovery: bool = False, write: bool = True) -> Journal:
    """Ask the passphrase (first, before any other input) and open the journal.

    Commands that only read pass ``write=False``: a backup or a read-only file is then
    opened read-only and left exactly as it was.
    """
    scripted = os.environ.get("NABIJ_RECOVERY_KEY" if recovery else "NABIJ_PASSPHRASE")
    for attempt in range(1, MAX_TRIES + 1):
        secret = (format_recovery_key(ask_secret(_("Recovery key"), env="NABIJ_RECOVERY_KEY"))
                  if recovery else ask_secret(_("Passphrase")))
        try:
            store = SqliteStore.open(path, secret, slot="recovery" if recovery else "passphrase",
                                     write=write)
            return Journal(store)
        except WrongPassphraseError:
            what = _("recovery key") if recovery else _("passphrase")
            msg = _("Wrong {what}: it does not unlock this journal. Nothing was changed.").format(
                what=what)
            if scripted is not None or attempt == MAX_TRIES:
                fail(msg, 2)
            err.print(msg + " " + _("Try again."))
        except (JournalError, CryptoError) as exc:
            fail(str(exc))
    raise AssertionError("unreachable")


def report_problems(j: Journal) -> None:
    """Say which records were skipped because they could not be read (stderr)."""
    problems = j.problems()
    if problems:
        ids = ", ".join(rid[:8] for rid in sorted(problems))
        err.print(_("{n} record(s) could not be decrypted and were skipped: {ids}. The rest is "
                    "fine; `nabij journal check` tells more, and a backup may hold an intact "
                    "copy.").format(n=len(problems), ids=ids))


def write_private(path: Path, text: str) -> None:
    """Write plaintext owner-only (0600, also over an existing file), never through a link."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            fail(_("--out: {path} is a symbolic link; nabij does not write plaintext through "
                   "links. Pick another file.").format(path=path))
        fail(_("--out: could not write {path}: {error}").format(path=path,
                                                                error=exc.strerror or exc))
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(fd, 0o600)  # an existing file keeps its mode under O_TRUNC otherwise
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as exc:
        fail(_("--out: could not write {path}: {error}").format(path=path,
                                                                error=exc.strerror or exc))


def backup_or_fail(store: SqliteStore, reason: str, dest: Path | None = None) -> Path:
    """A verified backup, or a clear failure (a full disk, say) that leaves no file behind."""
    try:
        return store.backup(reason=reason, dest=dest)
    except (JournalError, OSError, sqlite3.Error) as exc:
        fail(_("The backup could not be written ({error}); nothing was changed.").format(
            error=exc))


def close(j: Journal) -> None:
    """Report skipped records, then close the store."""
    try:
        report_problems(j)
    finally:
        j.store.close()


def read_json(source: str) -> Any:
    """JSON from a file or standard input; every way it can be unreadable is a clear error."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(_("Could not read {source}: it is not UTF-8 text (byte {pos}). Save it as UTF-8 "
               "and try again.").format(source=source, pos=exc.start))
    except OSError as exc:
        fail(_("Could not read JSON from {source}: {error}").format(
            source=source, error=exc.strerror or exc))
    try:
        return json.loads(text)
    except RecursionError:
        fail(_("Could not read JSON from {source}: it is nested too deeply.").format(
            source=source))
    except ValueError as exc:  # also numbers of more than 4300 digits
        fail(_("Could not read JSON from {source}: {error}").format(source=source, error=exc))


def ask_int(label: str, low: int, high: int, *, optional: bool = False) -> int | None:
    while True:
        raw: str = typer.prompt(f"{label} ({low}-{high})", default="" if optional else None,
                                show_default=False)
        if optional and not raw.strip():
            return None
        # ASCII digits only: '²' (AltGr on a Belgian keyboard) passes str.isdigit().
        if re.fullmatch(r"[0-9]{1,6}", raw.strip()) and low <= int(raw) <= high:
            return int(raw)
        err.print(_("Please give a whole number from {low} to {high}.").format(low=low, high=high))


def ask_entry() -> dict[str, Any]:
    d: dict[str, Any] = {
        "person": typer.prompt(_("Person (name or alias)")),
        "topic": typer.prompt(_("Topic")),
    }
    err.print(_("How personal was it? For example:"))
    for band in DEPTH_BANDS:
        err.print(f"  {band.label()}")
    d.update({
        "depth": ask_int(_("Depth, how personal"), 0, 100),
        "expected_reaction": ask_int(_("Reaction you expected"), 1, 7, optional=True),
        "fear_before": ask_int(_("Fear before"), 0, 100),
        "responsiveness": ask_int(_("Their reaction overall"), 1, 7),
        "understanding": ask_int(_("Understood me"), 1, 7, optional=True),
        "validation": ask_int(_("Took me seriously"), 1, 7, optional=True),
        "caring": ask_int(_("Cared"), 1, 7, optional=True),
    })
    d["safety_signals"] = typer.prompt(_("Safety signals noticed (comma separated)"),
                                       default="", show_default=False)
    d["edited"] = ask_yes_no(_("Did you make it lighter or joke it away?"), default=False)
    d["feeling_after"] = ask_int(_("Feeling afterwards"), 0, 100, optional=True)
    d["fear_after"] = ask_int(_("Fear afterwards"), 0, 100, optional=True)
    d["note"] = typer.prompt(_("Note"), default="", show_default=False)
    return d


def save_keeping_input(save: Any, record: Any, typed: dict[str, Any]) -> None:
    """Save; if the store fails, retry, then show what was typed so nothing is lost."""
    for attempt in range(1, MAX_TRIES + 1):
        try:
            save(record)
            return
        except ValidationError as exc:  # e.g. an id another record holds: retrying won't help
            out.print(json.dumps(typed, ensure_ascii=False, default=str), soft_wrap=True)
            fail(str(exc))
        except Exception as exc:  # a locked or full disk: the typed entry must survive
            err.print(_("Could not save ({error}).").format(error=exc))
            if attempt < MAX_TRIES and sys.stdin.isatty():
                ask_yes_no(_("Try again?"), default=True, abort=True)
    out.print(json.dumps(typed, ensure_ascii=False, default=str), soft_wrap=True)
    fail(_("Nothing was saved. Your entry is printed above; pipe it to "
            "`nabij journal add --json -` later."))
