"""What if I keep the plan? Project closeness and fear with one confidant, with the engine.

Two futures are simulated with :func:`nabij.simulate` and the practice protocol
:func:`nabij.graded_exposure` (one disclosure a week, the confidant replies):

* **plan**: start at the planner's proposed depth and go :data:`~nabij.companion.planner.
  STEP_FRACTION` deeper each week (half that with a power difference);
* **stay**: keep disclosing at today's comfortable depth (step 0).

The journal fills in what the model needs, crudely and on purpose visibly:
person 0 (you) gets the population's median traits except rejection sensitivity, taken from
your average fear before disclosing; person 1 (the confidant) gets the median traits except
interpersonal skill ("opener"), taken from their average responsiveness. The relationship
type and power context come from the confidant's record. Each future is run
:data:`REPLICATIONS` times with spawned random streams; the table shows the median and a
10-90% band per week. Closeness is IOS (1-7) of person 0; fear is ``100 * (1 - expected
responsiveness)`` of person 0, the model's counterpart of the journal's ``fear_before``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from rich.table import Table

from nabij._rng import RngLike
from nabij.companion.domain import Confidant, Entry, Power, Relationship
from nabij.companion.i18n import _, num
from nabij.companion.planner import POWER_STEP_FRACTION, STEP_FRACTION, Step
from nabij.engine import Recorder, fixed_pairs, simulate
from nabij.model import Context, Population
from nabij.model.elementwise import python_loops
from nabij.model.traits import median_trait
from nabij.protocols import graded_exposure

__all__ = ["REPLICATIONS", "WeekProjection", "project", "projection_table"]

#: Replications per future: enough for a stable 10-90% band, fast enough for a CLI (<1 s).
REPLICATIONS = 200

_RELATIONSHIP_TO_MODEL = {
    Relationship.PARTNER: "romantic", Relationship.FRIEND: "friends",
    Relationship.FAMILY: "friends", Relationship.COLLEAGUE: "colleagues",
    Relationship.ACQUAINTANCE: "strangers", Relationship.OTHER: "strangers",
}
#: How far the confidant stands above the person (model units, -1..1) per power context;
#: 0.6 is the engine's default for boss and employee.
_POWER_TO_MODEL = {Power.EQUAL: 0.0, Power.THEY_HAVE_POWER: 0.6, Power.I_HAVE_POWER: -0.6}


@dataclass(frozen=True)
class WeekProjection:
    """One week of both futures: (10%, median, 90%) of closeness (IOS 1-7) and fear (0-100)."""

    week: int
    plan_closeness: tuple[float, float, float]
    plan_fear: tuple[float, float, float]
    stay_closeness: tuple[float, float, float]
    stay_fear: tuple[float, float, float]


def _band(values: npt.NDArray[np.float64]) -> list[tuple[float, float, float]]:
    q = np.percentile(values, [10, 50, 90], axis=-1)
    return [(float(a), float(b), float(c)) for a, b, c in q.T]


def project(confidant: Confidant, entries: Sequence[Entry], step: Step, weeks: int = 8,
            rng: RngLike = 0, replications: int = REPLICATIONS) -> list[WeekProjection]:
    """Both futures, week by week, for ``confidant`` given their entries and the plan."""
    if weeks < 1:
        raise ValueError(_("weeks: must be 1 or more, got {weeks}").format(weeks=weeks))
    fear = np.mean([e.fear_before for e in entries]) / 100 if entries else 0.5
    resp = np.mean([(e.responsiveness - 1) / 6 for e in entries]) if entries else 0.5
    n = replications
    me = {"rejection_sensitivity": float(np.clip(fear, 0.05, 0.95))}
    them = {"opener": float(np.clip(resp, 0.05, 0.95))}
    population = _population(me, them, n)
    context = Context(relationship=_RELATIONSHIP_TO_MODEL[confidant.relationship],
                            power=_POWER_TO_MODEL[confidant.power])
    fraction = STEP_FRACTION if confidant.power is Power.EQUAL else POWER_STEP_FRACTION
    start_plan = max(step.depth, 1) / 100
    start_stay = max(step.comfortable if step.comfortable is not None else step.depth, 1) / 100
    recorder = Recorder(per_turn=("ios", "expected_responsiveness"), final=("ios",))
    futures = {}
    for name, start, frac in (("plan", start_plan, fraction), ("stay", start_stay, 0.0)):
        protocol = graded_exposure(sessions=weeks, start=min(start, 1.0), step=frac,
                                         gap_days=7.0)
        # The reference kernel in Python loops: for a few hundred pairs that is as fast as
        # compiled code and never waits for a compiler, and the journal needs no numba (the
        # `lab` extra). The results are those of the compiled loops.
        with python_loops():
            result = simulate(population, fixed_pairs(2 * n), protocol, context,
                              rng=rng, record=recorder, kernel="reference")
        after_reply = slice(1, None, 2)  # the second turn of each weekly session
        ios = np.asarray(result.per_turn["ios"])[after_reply]
        expected = np.asarray(result.per_turn["expected_responsiveness"])[after_reply]
        futures[name] = (_person0(ios), 100 * (1 - _person0(expected)))
    plan_c, plan_f = (_band(a) for a in futures["plan"])
    stay_c, stay_f = (_band(a) for a in futures["stay"])
    return [WeekProjection(w + 1, plan_c[w], plan_f[w], stay_c[w], stay_f[w])
            for w in range(weeks)]


def _population(me: dict[str, float], them: dict[str, float], n: int) -> Population:
    """``n`` copies of the pair (you, them): even indices are you, odd ones the confidant."""
    traits = {k: np.tile([me.get(k, median_trait(k)), them.get(k, median_trait(k))], n)
              for k in set(me) | set(them)}
    return Population.from_mapping(traits, size=2 * n)


def _person0(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Person 0's series, shape (weeks, dyads), whether the reporter is per dyad or per person."""
    return values[:, 0, :] if values.ndim == 3 else values


def projection_table(person: str, rows: Sequence[WeekProjection]) -> Table:
    """The two futures side by side, median with the 10-90% band."""
    t = Table(title=_("What if: keep the plan with {name}, or stay as you are "
                      "(median, 10-90% of simulations)").format(name=person))
    for col in (_("week"), _("closeness with plan"), _("closeness if you stay"),
                _("fear with plan"), _("fear if you stay")):
        t.add_column(col)

    def cell(b: tuple[float, float, float], digits: int) -> str:
        return f"{num(b[1], digits)} ({num(b[0], digits)}-{num(b[2], digits)})"

    for r in rows:
        t.add_row(str(r.week), cell(r.plan_closeness, 1), cell(r.stay_closeness, 1),
                  cell(r.plan_fear, 0), cell(r.stay_fear, 0))
    return t
