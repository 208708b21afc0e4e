"""The next small step per confidant: graded exposure, gated by trust, in plain words.

Rules, checked in this order (the first that applies decides):

1. **Nothing logged yet** -> start small, at :data:`START_DEPTH` (seed 001: "start small").
2. **The last reaction hurt** -> step back to :data:`STEP_BACK_FRACTION` of the depth that
   felt safe (seed 001: not everyone deserves a front-row seat; seed 002: rejection is felt
   as a loss of self-worth, so recover first).
3. **Trust below** :data:`TRUST_THRESHOLD` -> stay at the comfortable depth and gather
   evidence (seed 001: judge by consistency, not intensity; the lower bound is the
   pessimistic reading of the learning rule, Murray et al. 2006).
4. **Edited or joked away last time** -> repeat the same depth and let it stand (seed 001).
5. **Deeper than usual last time, and met only lukewarmly** (below :data:`WARM_REACTION`)
   -> stay at that depth until it is met warmly.
6. Otherwise **step up** by :data:`STEP_FRACTION` (seed 001: "10% more"), at least
   :data:`MIN_STEP` points; in a power-asymmetric context by half as much and never past
   :data:`POWER_CAP` (seed 000: disclosure at work is strategic; Tardy, Dindia & Hargie 2006).

The advice starts from what the person actually did last: a step up goes from the deeper of
the comfortable depth and the last disclosure (when that was met warmly), so sharing 30 and
being met 7/7 is never followed by "step up to 23". Each step's reasons open with the last
disclosure, say why when the proposal is less deep than that, and end with what the
proposed depth looks like in everyday words (:data:`nabij.companion.prompts.DEPTH_BANDS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

import numpy as np

from nabij.companion.domain import Confidant, Entry, Power
from nabij.companion.estimators import (
    ResponsivenessEstimate,
    comfortable_depth,
    responsiveness_estimate,
)
from nabij.companion.i18n import _, num
from nabij.companion.prompts import depth_band
from nabij.model.params import Params

__all__ = [
    "ERRATIC_MIN_N",
    "ERRATIC_SD",
    "MIN_STEP",
    "POWER_CAP",
    "POWER_STEP_FRACTION",
    "START_DEPTH",
    "STEP_BACK_FRACTION",
    "STEP_FRACTION",
    "TRUST_THRESHOLD",
    "WARM_REACTION",
    "Action",
    "Step",
    "choose",
    "plan",
    "plan_all",
    "signal_label",
]

#: seed 001: share "10% more" than usual with someone you somewhat trust: 0.1 of the depth
#: scale (10 points of 100), the same step as the model's free talk (``self_paced_step``) and
#: ``graded_exposure``.
STEP_FRACTION = 0.10
#: The smallest step in depth points, so that a very shallow start still moves.
MIN_STEP = 2
#: With an unknown or not-yet-comfortable person: a mildly uncomfortable topic (seed 001).
START_DEPTH = 10
#: Trust (0-1) a confidant must reach before a step deeper. Trust is a cautious reading of
#: the *next* reaction (the model's ``trust_lower_bound``: five times out of six it is at
#: least this warm), so 0.45 means the next reaction will very likely be about neutral (3.7
#: of 7) or warmer; three warm reactions (6 of 7) to a moderately deep disclosure reach it,
#: a partner who swings between 7 and 3 does not.
TRUST_THRESHOLD = 0.45
#: Reactions count as erratic (worth saying so) from this many entries ...
ERRATIC_MIN_N = 3
#: ... when their standard deviation on the 1-7 scale is at least this.
ERRATIC_SD = 1.5
#: In power-asymmetric contexts the step is halved ...
POWER_STEP_FRACTION = 0.05
#: ... and the depth stays at or below this (personal, not private; seed 000).
POWER_CAP = 40
#: After a hurtful reaction, go back to this fraction of the depth that felt safe.
STEP_BACK_FRACTION = 0.8
#: A reaction (1-7) at or above this was warm: after a warm reaction to a deeper disclosure
#: than usual, the next step starts from that depth, not from the older comfortable depth
#: (seed 001: build on what went well). 5 is the first rating above neutral-to-mild.
WARM_REACTION = 5


class Action(StrEnum):
    """What the plan proposes with one confidant."""

    START = "start"
    STEP_UP = "step_up"
    HOLD = "hold"
    STEP_BACK = "step_back"


@dataclass(frozen=True)
class Step:
    """The proposal for one confidant, with its reasons in the current language."""

    person: str
    action: Action
    depth: int
    comfortable: float | None
    estimate: ResponsivenessEstimate
    reasons: tuple[str, ...]
    last_depth: int | None = None  # what was actually shared last time, the advice's start
    last_reaction: int | None = None


def signal_label(signal: str) -> str:
    """A safety signal in the current language (free-text signals are shown as typed)."""
    labels = {"calm_voice": _("calm voice"), "steady_breathing": _("steady breathing"),
              "warm_eye_contact": _("warm eye contact"), "asked_follow_up": _("asked a "
              "follow-up question"), "kept_it_private": _("kept it private"),
              "shared_back": _("shared something back"),
              "respected_boundary": _("respected a boundary")}
    return labels.get(signal, signal.replace("_", " "))


def _spread(entries: Sequence[Entry]) -> float:
    return float(np.std([e.responsiveness for e in entries]))


def _trust_words(est: ResponsivenessEstimate) -> str:
    return _("Pessimistic estimate of their responsiveness: {low} of 7 (average {mean}; "
             "reactions noted: {n}).").format(low=num(est.lower_bound), mean=num(est.mean),
                                             n=est.n)


def _last_words(last: Entry) -> str:
    return _("Last time: depth {d} ({band}), reaction {r} of 7.").format(
        d=last.depth, band=depth_band(last.depth).name.text(), r=last.responsiveness)


def _looks_like(depth: int) -> str:
    band = depth_band(depth)
    return _("What depth {d} can look like ({band}): {examples}.").format(
        d=depth, band=band.name.text(), examples=band.examples.text())


def _step(name: str, action: Action, depth: int, comfy: float | None,
          est: ResponsivenessEstimate, last: Entry | None, reasons: Sequence[str]) -> Step:
    """A step whose reasons start from what was done last and end with what its depth means."""
    said = (_last_words(last),) if last is not None else ()
    return Step(name, action, depth, comfy, est, (*said, *reasons, _looks_like(depth)),
                None if last is None else last.depth,
                None if last is None else last.responsiveness)


def plan(confidant: Confidant, entries: Sequence[Entry], params: Params | None = None,
         now: datetime | None = None) -> Step:
    """The next step with ``confidant`` given their entries (any order)."""
    ordered = sorted(entries, key=lambda e: e.when)
    est = responsiveness_estimate(ordered, params, now)
    comfy = comfortable_depth(ordered, params, now)
    name = confidant.name
    if not ordered:
        return _step(name, Action.START, START_DEPTH, None, est, None, (
            _("Nothing noted with {name} yet: begin with something small and mildly "
              "uncomfortable.").format(name=name),))
    last = ordered[-1]
    base = comfy if comfy is not None else float(min(START_DEPTH, last.depth))
    if last.hurtful:
        depth = round(STEP_BACK_FRACTION * min(base, last.depth))
        return _step(name, Action.STEP_BACK, depth, comfy, est, last, (
            _("The last reaction hurt ({r} of 7). Take a step back to depth {d}, or give it "
              "a rest; one reaction is a data point, not a verdict.").format(
                r=last.responsiveness, d=depth),
            _trust_words(est)))
    if est.trust < TRUST_THRESHOLD:
        reasons = [_("Stay at depth {d} for now: trust has not yet cleared the threshold of "
                     "{t} of 7.").format(d=round(base), t=num(1 + 6 * TRUST_THRESHOLD)),
                   _trust_words(est)]
        if round(base) < last.depth:
            reasons.append(_("That is less deep than last time on purpose: until trust is "
                             "clearer, stay where it has felt comfortable so far."))
        if len(ordered) >= ERRATIC_MIN_N and _spread(ordered) >= ERRATIC_SD:
            reasons.append(_("Their reactions have varied a lot; consistency counts more "
                             "than intensity."))
        return _step(name, Action.HOLD, round(base), comfy, est, last, reasons)
    if last.edited:
        return _step(name, Action.HOLD, last.depth, comfy, est, last, (
            _("Last time you made it lighter or joked it away. Try depth {d} again and let "
              "it stand.").format(d=last.depth), _trust_words(est)))
    deeper_than_usual = last.depth > round(base)
    if deeper_than_usual and last.responsiveness < WARM_REACTION:
        return _step(name, Action.HOLD, last.depth, comfy, est, last, (
            _("That was deeper than usual and the reaction was lukewarm ({r} of 7): stay at "
              "depth {d} until it is met warmly, then go deeper.").format(
                r=last.responsiveness, d=last.depth), _trust_words(est)))
    start = float(last.depth) if deeper_than_usual else base
    asymmetric = confidant.power is not Power.EQUAL
    fraction = POWER_STEP_FRACTION if asymmetric else STEP_FRACTION
    depth = min(100, round(max(start + 100 * fraction, start + MIN_STEP)))  # +0.1 of the scale
    if depth <= round(start):  # already at the top of the scale
        return _step(name, Action.HOLD, round(start), comfy, est, last, (
            _("Depth {d} is already the deepest there is: stay there as long as it is met "
              "warmly.").format(d=round(start)), _trust_words(est)))
    step_words = (_("Share about {pct}% more than last time: from depth {a} to {b}.")
                  if deeper_than_usual else
                  _("Share about {pct}% more than usual: from depth {a} to {b}."))
    reasons = [step_words.format(pct=round(100 * fraction), a=round(start), b=depth),
               _trust_words(est)]
    if asymmetric:
        cap = min(depth, max(POWER_CAP, round(start)))
        reasons.append(_("There is a power difference with {name}: a smaller step, and no "
                         "deeper than {cap}.").format(name=name, cap=POWER_CAP))
        if cap <= round(start):
            reasons[0] = _("Stay at depth {d} for now.").format(d=round(start))
            return _step(name, Action.HOLD, round(start), comfy, est, last, reasons)
        depth = cap
        reasons[0] = step_words.format(pct=round(100 * fraction), a=round(start), b=depth)
    if last.safety_signals:
        reasons.append(_("Last time you noticed safety signals: {signals}.").format(
            signals=", ".join(signal_label(s) for s in last.safety_signals)))
    return _step(name, Action.STEP_UP, depth, comfy, est, last, reasons)


def plan_all(confidants: Sequence[Confidant], entries: Sequence[Entry],
             params: Params | None = None, now: datetime | None = None) -> list[Step]:
    """One step per confidant, most trusted first."""
    steps = [plan(c, [e for e in entries if e.person.casefold() == c.name.casefold()],
                  params, now) for c in confidants]
    return sorted(steps, key=lambda s: -s.estimate.trust)


def choose(steps: Sequence[Step]) -> Step | None:
    """The one step to propose first: the most trusted step up, else the most trusted hold."""
    for action in (Action.STEP_UP, Action.HOLD, Action.START):
        candidates = [s for s in steps if s.action is action]
        if candidates:
            return max(candidates, key=lambda s: s.estimate.trust)
    return None
