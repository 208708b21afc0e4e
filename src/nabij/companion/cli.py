"""``nabij journal ...``: the encrypted practice journal on the command line.

Thin by design: each command parses, unlocks, calls one library function and prints. The
passphrase is always asked first (or read from ``NABIJ_PASSPHRASE``), before any other
input, so a wrong passphrase never throws away what was typed. Data goes to standard
output; messages and warnings go to standard error.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from nabij.companion import views
from nabij.companion.cli_io import (
    ask_entry,
    ask_int,
    ask_secret,
    ask_session_answer,
    backup_or_fail,
    check_new_passphrase,
    close,
    default_journal_path,
    err,
    fail,
    out,
    read_json,
    save_keeping_input,
    setup,
    unlock,
    write_private,
)
from nabij.companion.crypto import CryptoError
from nabij.companion.domain import Confidant, Entry, Reflection, Session, ValidationError
from nabij.companion.estimators import fear_calibration
from nabij.companion.i18n import _, num
from nabij.companion.journal import Journal, entries_to_csv
from nabij.companion.personal import trait_estimate
from nabij.companion.planner import Step, choose, plan, plan_all
from nabij.companion.prompts import REFLECTION_QUESTIONS, session_turns
from nabij.companion.store import JournalError, SqliteStore

__all__ = ["default_journal_path", "journal_app", "main"]

journal_app = typer.Typer(
    name="journal", no_args_is_help=True, add_completion=False,
    help="An encrypted practice journal that plans the next small step of opening up. "
         "A practice tool, not therapy.")

JournalOpt = Annotated[Path | None, typer.Option(
    "--journal", envvar="NABIJ_JOURNAL", show_envvar=True,
    help="Journal file (default: the user data directory, e.g. ~/.local/share/nabij/journal.db).")]
LangOpt = Annotated[str | None, typer.Option("--lang", help="Language: en or nl (default: "
                                                            "from the locale).")]


@journal_app.command()
def init(journal: JournalOpt = None, lang: LangOpt = None,
         recovery_key: Annotated[bool, typer.Option(
             help="Also create a recovery key (shown once).")] = False) -> None:
    """Create a new encrypted journal."""
    path = setup(lang, journal)
    if path.exists():
        fail(_("A journal already exists at {path}.").format(path=path))
    secret = ask_secret(_("New passphrase"), confirm=True)
    check_new_passphrase(secret, "NABIJ_PASSPHRASE")
    if os.environ.get("NABIJ_KDF_PROFILE") == "test":
        err.print(_("Warning: NABIJ_KDF_PROFILE=test gives weak key derivation; for tests only."))
    try:
        store, key = SqliteStore.create(path, secret, recovery=recovery_key)
    except (JournalError, OSError, ValueError, CryptoError) as exc:  # e.g. NABIJ_KDF_PROFILE
        fail(str(exc))
    store.close()
    err.print(_("Journal created at {path}.").format(path=path))
    if key:
        out.print(_("Recovery key (write it down now; it is shown only once):"))
        out.print(key)
    err.print(views.notice())


@journal_app.command()
def add(journal: JournalOpt = None, lang: LangOpt = None,
        json_source: Annotated[str | None, typer.Option(
            "--json", help="Read one record as JSON from a file, or '-' for standard input. "
                           "Fields: person, topic, depth, fear_before, responsiveness, note, "
                           "...; 'kind' may be entry (default), reflection, session or "
                           "confidant.")] = None) -> None:
    """Log a moment of opening up (asks the passphrase first, then the details)."""
    j = unlock(setup(lang, journal))
    try:
        data = read_json(json_source) if json_source else ask_entry()
        if not isinstance(data, dict):
            fail(_("Expected one JSON object."))
        kind = data.get("kind", "entry")
        builders: dict[str, tuple[Any, Any]] = {
            "entry": (Entry.from_dict, j.add_entry),
            "reflection": (Reflection.from_dict, j.add_reflection),
            "session": (Session.from_dict, j.add_session),
            "confidant": (Confidant.from_dict, j.add_confidant)}
        if not isinstance(kind, str) or kind not in builders:
            fail(_("kind: must be one of {kinds}").format(kinds=", ".join(builders)))
        build, save = builders[kind]
        try:
            payload = {k: v for k, v in data.items() if k != "kind"}
            record: Any = build(payload)
        except ValidationError as exc:
            if not json_source:  # typed by hand: show it again, so nothing is lost
                out.print(json.dumps(data, ensure_ascii=False, default=str), soft_wrap=True)
                err.print(_("Your entry is printed above; fix it and pipe it to `nabij journal "
                            "add --json -`."))
            fail(str(exc))
        save_keeping_input(save, record, data)
        err.print(_("Saved {kind} {id}.").format(kind=views.kind_label(kind), id=record.id[:8]))
    finally:
        close(j)


@journal_app.command("list")
def list_(journal: JournalOpt = None, lang: LangOpt = None,
          person: Annotated[str | None, typer.Option(help="Only this person.")] = None,
          limit: Annotated[int, typer.Option(help="Show the last N entries.")] = 50) -> None:
    """List entries, newest last."""
    j = unlock(setup(lang, journal), write=False)
    try:
        entries = j.entries(person)[-limit:] if limit > 0 else j.entries(person)
        out.print(views.entries_table(entries))
    finally:
        close(j)


@journal_app.command()
def show(entry_id: Annotated[str, typer.Argument(help="An entry id or its first letters.")],
         journal: JournalOpt = None, lang: LangOpt = None) -> None:
    """Show one entry in full."""
    j = unlock(setup(lang, journal), write=False)
    try:
        try:
            entry = j.find_entry(entry_id)
        except ValidationError as exc:
            fail(str(exc))
        for line in views.entry_lines(entry):
            out.print(line, markup=False)
    finally:
        close(j)


@journal_app.command()
def people(journal: JournalOpt = None, lang: LangOpt = None,
           edit: Annotated[str | None, typer.Option(
               help="Add or change this person (with --relationship / --power).")] = None,
           relationship: Annotated[str | None, typer.Option(
               help="partner, friend, family, colleague, acquaintance or other.")] = None,
           power: Annotated[str | None, typer.Option(
               help="equal, they_have_power (a boss) or i_have_power.")] = None) -> None:
    """Each confidant's responsiveness (mean, interval, lower bound) and comfortable depth."""
    j = unlock(setup(lang, journal))
    try:
        if edit:
            old = j.confidant(edit)
            data = old.to_dict() if old else {"name": edit}
            data.update({k: v for k, v in (("relationship", relationship), ("power", power))
                         if v is not None})
            try:
                j.add_confidant(Confidant.from_dict(data))
            except ValidationError as exc:
                fail(str(exc))
        out.print(views.people_table(j.confidants(), j.entries()))
    finally:
        close(j)


@journal_app.command("next")
def next_(journal: JournalOpt = None, lang: LangOpt = None,
          what_if: Annotated[bool, typer.Option(
              "--what-if", help="Also project closeness and fear with and without the plan.")
          ] = False,
          weeks: Annotated[int, typer.Option(help="Weeks to project with --what-if.")] = 8
          ) -> None:
    """Propose the next small step per confidant, with its reasons."""
    j = unlock(setup(lang, journal), write=False)
    try:
        steps = plan_all(j.confidants(), j.entries())
        best = choose(steps)
        if best is None:
            out.print(_("Nobody in the journal yet: add an entry first."))
            return
        out.print(_("Next step: with {name}, {action} to depth {depth}.").format(
            name=best.person, action=views.action_label(best.action), depth=best.depth))
        out.print(views.steps_table(steps))
        if what_if:
            _print_what_if(j, best, weeks)
    finally:
        close(j)


def _print_what_if(j: Journal, step: Step, weeks: int) -> None:
    from nabij.companion.whatif import project, projection_table  # loads the engine

    confidant = j.confidant(step.person) or Confidant(step.person)
    try:
        rows = project(confidant, j.entries(step.person), step, weeks=weeks)
    except ValueError as exc:
        fail(str(exc), 2)
    out.print(projection_table(step.person, rows))
    out.print(_("A simulation of the model for someone like you with someone like them, not a "
                "prediction about this person."))


@journal_app.command()
def whatif(person: Annotated[str, typer.Argument(help="The confidant to project.")],
           journal: JournalOpt = None, lang: LangOpt = None,
           weeks: Annotated[int, typer.Option(help="Weeks to project.")] = 8) -> None:
    """Project closeness and fear with one person: keep the plan, or stay as you are."""
    j = unlock(setup(lang, journal), write=False)
    try:
        confidant = j.confidant(person)
        if confidant is None:
            fail(_("Nobody called {name} in the journal.").format(name=person))
        _print_what_if(j, plan(confidant, j.entries(person)), weeks)
    finally:
        close(j)


@journal_app.command()
def session(person_a: Annotated[str, typer.Argument(help="The first person (often you).")],
            person_b: Annotated[str, typer.Argument(help="The second person.")],
            journal: JournalOpt = None, lang: LangOpt = None) -> None:
    """Guide and record a 36-questions session for two people, turn by turn."""
    j = unlock(setup(lang, journal))
    try:
        before = (ask_int(_("Closeness of {name} before (IOS)").format(name=person_a), 1, 7),
                  ask_int(_("Closeness of {name} before (IOS)").format(name=person_b), 1, 7))
        out.print(_("Take turns: both answer each question; type a, b, {both}, {skip} or "
                    "{stop}.").format(both=_("both"), skip=_("skip"), stop=_("stop")))
        turns = []
        for set_no, q_no, prompt in session_turns():
            out.print(f"[{set_no}.{q_no}] {prompt.text()}", markup=False)
            answer = ask_session_answer()
            if answer == "stop":
                break
            skipped = answer == "skip"
            who = "both" if skipped else answer
            turns.append({"set": set_no, "question": q_no, "answered_by": who,
                          "skipped": skipped})
        after = (ask_int(_("Closeness of {name} after (IOS)").format(name=person_a), 1, 7),
                 ask_int(_("Closeness of {name} after (IOS)").format(name=person_b), 1, 7))
        data = {"person_a": person_a, "person_b": person_b, "turns": turns,
                "ios_before": list(before), "ios_after": list(after)}
        record = Session.from_dict(data)
        save_keeping_input(j.add_session, record, data)
        err.print(_("Saved {kind} {id}.").format(kind=views.kind_label("session"), id=record.id[:8]))
    finally:
        close(j)


@journal_app.command()
def review(journal: JournalOpt = None, lang: LangOpt = None,
           reflect: Annotated[bool, typer.Option(
               help="Answer the reflection questions now and save the answers.")] = False
           ) -> None:
    """Look back: fear calibration, people, and reflection questions."""
    j = unlock(setup(lang, journal))
    try:
        entries = j.entries()
        cal = fear_calibration(entries)
        out.print(views.calibration_table(cal))
        summary = views.calibration_summary(cal)
        if summary:
            out.print(summary)
            for month, n, bias in cal.by_month:
                out.print(f"  {month}: {num(6 * bias)} ({n})")
        out.print(views.trait_line(trait_estimate(entries)))
        out.print(views.people_table(j.confidants(), entries))
        if j.sessions():
            out.print(views.sessions_table(j.sessions()))
        out.print(_("Questions to reflect on:"))
        answers: dict[str, str] = {}
        for q in REFLECTION_QUESTIONS:
            if reflect:
                answers[q.id] = typer.prompt(q.text(), default="", show_default=False)
            else:
                out.print(f"  - {q.text()}")
        if reflect and any(a.strip() for a in answers.values()):
            j.add_reflection(Reflection({k: v for k, v in answers.items() if v.strip()}))
            err.print(_("Reflection saved."))
        out.print(views.notice())
    finally:
        close(j)


@journal_app.command()
def export(journal: JournalOpt = None, lang: LangOpt = None,
           fmt: Annotated[str, typer.Option("--format", help="json or csv")] = "json",
           output: Annotated[Path | None, typer.Option(
               "--out", help="Write to this file instead of standard output.")] = None) -> None:
    """Export everything as plaintext JSON (or entries as CSV). Handle the result with care."""
    if fmt not in {"json", "csv"}:
        setup(lang, journal)
        fail(_("--format: must be json or csv"), 2)
    j = unlock(setup(lang, journal), write=False)
    try:
        text = (json.dumps(j.export_data(), ensure_ascii=False, indent=2) + "\n"
                if fmt == "json" else entries_to_csv(j.entries()))
    finally:
        close(j)
    err.print(_("Warning: this export is NOT encrypted. Anyone who can read the file can read "
                "your journal; delete it when you are done."))
    if output:
        write_private(output, text)
    else:
        sys.stdout.write(text)


@journal_app.command("import")
def import_(source: Annotated[Path, typer.Argument(help="A JSON export of nabij.")],
            journal: JournalOpt = None, lang: LangOpt = None) -> None:
    """Import a JSON export (records keep their ids, so importing twice changes nothing)."""
    j = unlock(setup(lang, journal))
    try:
        data = read_json(str(source))
        assert isinstance(j.store, SqliteStore)
        backup_or_fail(j.store, "pre-import")
        try:
            counts = j.import_data(data)
        except ValidationError as exc:
            fail(str(exc))
        err.print(_("Imported {entries} entries, {confidants} people, {reflections} "
                    "reflections and {sessions} sessions.").format(**counts))
    finally:
        close(j)


@journal_app.command()
def passwd(journal: JournalOpt = None, lang: LangOpt = None,
           use_recovery_key: Annotated[bool, typer.Option(
               help="Unlock with the recovery key instead of the old passphrase.")] = False,
           new_recovery_key: Annotated[bool, typer.Option(
               help="Also create a new recovery key (shown once).")] = False) -> None:
    """Change the passphrase (re-wraps the key; entries are not re-encrypted)."""
    j = unlock(setup(lang, journal), recovery=use_recovery_key)
    try:
        assert isinstance(j.store, SqliteStore)
        new = ask_secret(_("New passphrase"), confirm=True, env="NABIJ_NEW_PASSPHRASE")
        check_new_passphrase(new, "NABIJ_NEW_PASSPHRASE")
        backup_or_fail(j.store, "pre-passwd")
        j.store.change_passphrase(new)
        err.print(_("Passphrase changed."))
        if new_recovery_key:
            out.print(_("Recovery key (write it down now; it is shown only once):"))
            out.print(j.store.new_recovery_key())
    finally:
        close(j)


@journal_app.command()
def check(journal: JournalOpt = None, lang: LangOpt = None) -> None:
    """Verify the whole journal: the file, every record, and the set of records."""
    j = unlock(setup(lang, journal), write=False)
    try:
        assert isinstance(j.store, SqliteStore)
        problems = j.store.check()
        j.confidants(), j.entries(), j.reflections(), j.sessions()
        problems = {**problems, **j.invalid}
        for rid, reason in sorted(problems.items()):
            out.print(f"{rid}: {reason}")
        if problems:
            j.store.problems, j.invalid = {}, {}  # listed in full above
            fail(_("{n} problem(s) found. Records that open are safe: `nabij journal export` "
                   "and `nabij journal backup` keep them.").format(n=len(problems)))
        err.print(_("All {n} records open; the journal is intact.").format(
            n=len(j.store.records())))
    finally:
        close(j)


@journal_app.command()
def backup(journal: JournalOpt = None, lang: LangOpt = None,
           dest: Annotated[Path | None, typer.Option(
               "--to", help="Backup file (default: next to the journal).")] = None) -> None:
    """Make an encrypted backup now and verify it."""
    j = unlock(setup(lang, journal), write=False)
    try:
        assert isinstance(j.store, SqliteStore)
        target = backup_or_fail(j.store, "manual", dest)
        err.print(_("Backup written and verified: {path}").format(path=target))
    finally:
        close(j)


def main() -> None:
    """Run the journal CLI on its own (``python -m nabij.companion.cli``)."""
    journal_app()


if __name__ == "__main__":
    main()
