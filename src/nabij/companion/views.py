"""Rich tables and texts the CLI prints: thin, translated, no logic beyond formatting."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.table import Table

from nabij.companion.domain import Confidant, Entry, Power, Relationship, Session, Valence
from nabij.companion.estimators import (
    Calibration,
    ResponsivenessEstimate,
    comfortable_depth,
    responsiveness_estimate,
)
from nabij.companion.i18n import _, num
from nabij.companion.personal import MIN_ENTRIES, TraitEstimate
from nabij.companion.planner import Action, Step, signal_label
from nabij.companion.prompts import depth_band

__all__ = [
    "PersonSummary",
    "action_label",
    "calibration_summary",
    "calibration_table",
    "entries_table",
    "entry_lines",
    "kind_label",
    "notice",
    "people_table",
    "person_summaries",
    "power_label",
    "relationship_label",
    "sessions_table",
    "steps_table",
    "trait_line",
    "valence_label",
]


def notice() -> str:
    """The not-therapy notice with where to find help (organisations, no phone numbers)."""
    return _(
        "nabij is a practice tool, not therapy and not a crisis service. If you feel unsafe "
        "or think about ending your life, get help now: your GP or your local emergency "
        "number; in the Netherlands 113 Zelfmoordpreventie (113.nl); in Belgium Tele-Onthaal "
        "(tele-onthaal.be). Check their current contact details on their websites.")


def action_label(action: Action) -> str:
    """A short translated name for a planned action."""
    return {Action.START: _("start small"), Action.STEP_UP: _("step up"),
            Action.HOLD: _("hold"), Action.STEP_BACK: _("step back")}[action]


def relationship_label(r: Relationship) -> str:
    """A relationship type in the current language."""
    return {Relationship.PARTNER: _("partner"), Relationship.FRIEND: _("friend"),
            Relationship.FAMILY: _("family"), Relationship.COLLEAGUE: _("colleague"),
            Relationship.ACQUAINTANCE: _("acquaintance"), Relationship.OTHER: _("other")}[r]


def power_label(p: Power) -> str:
    """A power context in the current language."""
    return {Power.EQUAL: _("equal"), Power.THEY_HAVE_POWER: _("they have power"),
            Power.I_HAVE_POWER: _("I have power")}[p]


def valence_label(v: Valence) -> str:
    """Whether what was shared was pleasant or painful, in the current language."""
    return {Valence.NEUTRAL: _("neutral"), Valence.POSITIVE: _("pleasant"),
            Valence.NEGATIVE: _("painful"), Valence.MIXED: _("mixed")}[v]


def kind_label(kind: str) -> str:
    """A record kind in the current language."""
    return {"entry": _("entry"), "reflection": _("reflection"), "session": _("session"),
            "confidant": _("person")}.get(kind, kind)


def entries_table(entries: Sequence[Entry]) -> Table:
    """Entries, one row each, newest last."""
    t = Table(title=_("Entries"))
    for col in (_("id"), _("date"), _("person"), _("topic"), _("depth"), _("fear"),
                _("reaction")):
        t.add_column(col)
    for e in entries:
        t.add_row(e.id[:8], e.when.date().isoformat(), e.person, e.topic, str(e.depth),
                  str(e.fear_before), f"{e.responsiveness}/7")
    return t


def entry_lines(e: Entry) -> list[str]:
    """Every field of one entry, labelled."""
    def opt(v: int | None) -> str:
        return "-" if v is None else str(v)
    facets = ", ".join(f"{label} {opt(v)}" for label, v in (
        (_("understanding"), e.understanding), (_("validation"), e.validation),
        (_("caring"), e.caring)))
    pairs = [
        (_("id"), e.id), (_("date"), e.when.isoformat()), (_("person"), e.person),
        (_("topic"), e.topic), (_("depth"), f"{e.depth}/100 ({depth_band(e.depth).name.text()})"),
        (_("valence"), valence_label(e.valence)),
        (_("expected reaction"), f"{opt(e.expected_reaction)}/7"),
        (_("fear before"), f"{e.fear_before}/100"),
        (_("reaction"), f"{e.responsiveness}/7 ({facets})"),
        (_("safety signals"), ", ".join(signal_label(x) for x in e.safety_signals) or "-"),
        (_("edited or joked away"), _("yes") if e.edited else _("no")),
        (_("feeling after"), f"{opt(e.feeling_after)}/100"),
        (_("fear after"), f"{opt(e.fear_after)}/100"),
        (_("note"), e.note),
    ]
    return [f"{label}: {value}" for label, value in pairs]


@dataclass(frozen=True)
class PersonSummary:
    """What the journal knows about one confidant: their entries and the estimates from them."""

    confidant: Confidant
    entries: tuple[Entry, ...]
    estimate: ResponsivenessEstimate
    comfortable: float | None


def person_summaries(confidants: Sequence[Confidant],
                     entries: Sequence[Entry]) -> list[PersonSummary]:
    """One summary per confidant, in the given order (shared by the CLI and the web app)."""
    found = []
    for c in confidants:
        mine = tuple(e for e in entries if e.person.casefold() == c.name.casefold())
        found.append(PersonSummary(c, mine, responsiveness_estimate(mine),
                                   comfortable_depth(mine)))
    return found


def calibration_summary(cal: Calibration) -> str | None:
    """One sentence on how fear compared with reality, or ``None`` without entries."""
    if not cal.n:
        return None
    key = (_("Reactions were kinder than you feared") if cal.bias > 0 else
           _("Reactions were less kind than you expected") if cal.bias < 0 else
           _("Your expectations matched the reactions"))
    return _("{summary}: on average {bias} points on the 1-7 scale ({n} entries).").format(
        summary=key, bias=num(6 * cal.bias), n=cal.n)


def people_table(confidants: Sequence[Confidant], entries: Sequence[Entry]) -> Table:
    """Per confidant: responsiveness posterior (mean, 90% interval, lower bound), depth."""
    t = Table(title=_("People"))
    for col in (_("name"), _("relationship"), _("power"), _("entries"),
                _("responsiveness (90% interval)"), _("trust (lower bound)"),
                _("comfortable depth"), _("last")):
        t.add_column(col)
    for summary in person_summaries(confidants, entries):
        c, est, comfy = summary.confidant, summary.estimate, summary.comfortable
        t.add_row(c.name, relationship_label(c.relationship), power_label(c.power), str(est.n),
                  f"{num(est.mean)} ({num(est.ci_low)}-{num(est.ci_high)})",
                  num(est.lower_bound), "-" if comfy is None else num(comfy, 0),
                  est.last_when.date().isoformat() if est.last_when else "-")
    return t


def steps_table(steps: Sequence[Step]) -> Table:
    """The plan per confidant with its reasons."""
    t = Table(title=_("Next steps"))
    for col in (_("person"), _("step"), _("depth"), _("why")):
        t.add_column(col)
    for s in steps:
        t.add_row(s.person, action_label(s.action),
                  f"{s.depth} ({depth_band(s.depth).name.text()})", "\n".join(s.reasons))
    return t


def calibration_table(cal: Calibration) -> Table:
    """Calibration curve: expected against observed reactions (1-7), per bin."""
    t = Table(title=_("Fear calibration: expected vs observed reaction (1-7)"))
    for col in (_("expected"), _("observed"), _("entries")):
        t.add_column(col)
    for b in cal.curve:
        t.add_row(num(1 + 6 * b.expected), num(1 + 6 * b.observed), str(b.n))
    return t


def sessions_table(sessions: Sequence[Session]) -> Table:
    """36-questions sessions: questions answered and closeness (IOS) before and after."""
    t = Table(title=_("36-questions sessions"))
    for col in (_("date"), _("people"), _("answered"), _("closeness before"),
                _("closeness after")):
        t.add_column(col)

    def pair(p: tuple[int, int] | None) -> str:
        return "-" if p is None else f"{p[0]} / {p[1]}"

    for s in sessions:
        answered = sum(not turn.skipped for turn in s.turns)
        t.add_row(s.when.date().isoformat(), f"{s.person_a} & {s.person_b}", f"{answered}/36",
                  pair(s.ios_before), pair(s.ios_after))
    return t


def trait_line(est: TraitEstimate) -> str:
    """What the journal says about the person's own rejection sensitivity (or that it cannot yet)."""
    if not est.enough:
        return _("Your rejection sensitivity: not enough data yet ({n} of {needed} entries).").format(
            n=est.n, needed=MIN_ENTRIES)
    if est.rs_low == est.rs_high:  # the whole interval clipped to one end of the scale
        # "1.00 (1.00-1.00)" would be false certainty: the data lie beyond the scale's end,
        # and how far beyond is exactly what they cannot say.
        if est.rejection_sensitivity >= 1.0:
            return _("Your rejection sensitivity, estimated from fears vs reactions: at the top "
                     "of the 0-1 scale, beyond what the model can express; no interval can be "
                     "given (average self-esteem assumed).")
        return _("Your rejection sensitivity, estimated from fears vs reactions: at the bottom "
                 "of the 0-1 scale, beyond what the model can express; no interval can be "
                 "given (average self-esteem assumed).")
    return _("Your rejection sensitivity, estimated from fears vs reactions: {rs} on 0-1 "
             "({level}% interval {low}-{high}; average self-esteem assumed).").format(
        rs=num(est.rejection_sensitivity, 2), level=round(100 * est.level), low=num(est.rs_low, 2),
        high=num(est.rs_high, 2))
