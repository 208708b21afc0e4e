"""Lesions: replace one mechanism of the model by a documented null version, and see which
findings still replicate.

A lesion is a set of parameter values (a :class:`~nabij.model.Params` override), so it runs
through exactly the same experiments, engine and kernels as the intact model. Each null
version switches a rule off rather than weakening it:

========================  =================================================================
``appraisal``             perceived regard is never revised, never projected from one's own
                          liking and never coloured by self-esteem or rejection sensitivity: it
                          stays at the relationship's start value
``signaling``             reactions move neither felt security nor hurt (no sociometer)
``dependence``            hurt moves neither closeness nor liking and nobody leaves; closeness
                          still grows with intimacy (that is the intimacy process)
``learning``              the belief about the partner's responsiveness stays at its prior: no
                          evidence is added and none is forgotten
``goals``                 risk holds everyone back fully: no dual activation, no resolution by
                          self-esteem under control, no impulsive approach under load
``editing``               nothing said is retracted or joked away after a cold reaction
``suppression``           holding back builds no tension, so there is nothing to relieve or flood
``intimacy-only``         the baseline: appraisal, signaling and dependence together - only
                          disclosure -> responsiveness -> intimacy -> closeness remains
========================  =================================================================

A target *needs* a mechanism when its verdict under the lesion is worse than the intact
model's (same seeds, same number of studies). A mechanism no target needs is flagged; one
that a single target needs is a candidate ad-hoc rule (docs/replications.md).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from nabij.lab.runner import TargetResult, run_targets
from nabij.lab.split import group_of
from nabij.lab.verdict import VERDICTS, Verdict
from nabij.model import Params

__all__ = ["BASELINE", "LESIONS", "LESION_NAMES", "Lesion", "LesionTable", "lesioned", "parse_lesions",
           "run_lesion_table"]


@dataclass(frozen=True)
class Lesion:
    """A mechanism's null version: which rule, what remains, and the parameter values."""

    name: str
    rule: str
    null: str
    overrides: dict[str, float]


LESIONS: dict[str, Lesion] = {
    lesion.name: lesion for lesion in (
        Lesion("appraisal", "appraisal (docs/model.md 4.1)",
               "perceived regard stays at the relationship type's starting value: never revised, not "
               "projected from one's own liking, not coloured by self-esteem or rejection sensitivity",
               {"appraisal_rate": 0.0, "projection": 0.0, "appraisal_self_esteem_bias": 0.0,
                "appraisal_rs_bias": 0.0}),
        Lesion("signaling", "signaling, the sociometer (4.2)",
               "reactions move neither felt security nor hurt",
               {"sociometer_rate": 0.0, "hurt_gain": 0.0}),
        Lesion("dependence", "dependence regulation and leaving (4.3)",
               "hurt moves neither closeness nor liking and nobody leaves; intimacy still builds closeness",
               {"threat_response": 0.0, "devalue_rate": 0.0, "leave_regard": 0.0}),
        Lesion("learning", "learning (11)",
               "the belief about the partner's responsiveness stays at its prior",
               {"learning_rate": 0.0, "evidence_discount": 1.0, "daily_discount": 1.0}),
        Lesion("goals", "dual activation and its resolution (5.4)",
               "risk holds everyone back fully; no dual activation, no resolution by self-esteem or load",
               {"dual_activation": 0.0, "reflective_resolution": 0.0, "impulsive_approach": 0.0}),
        Lesion("editing", "emotional editing (7)", "nothing said is retracted after a cold reaction",
               {"edit_gain": 0.0}),
        Lesion("suppression", "suppression, relief and flooding (8)",
               "holding back builds no tension; nothing to relieve or flood",
               {"suppression_rate": 0.0, "relief_weight": 0.0}),
    )
}

#: The baseline: the intimacy process alone, without the risk regulation system's three rules.
BASELINE = "intimacy-only"
_BASELINE_PARTS = ("appraisal", "signaling", "dependence")
LESION_NAMES: tuple[str, ...] = (*LESIONS, BASELINE)


def overrides_of(name: str) -> dict[str, float]:
    """The parameter values of a lesion (the baseline combines appraisal, signaling, dependence)."""
    if name == BASELINE:
        return {k: v for part in _BASELINE_PARTS for k, v in LESIONS[part].overrides.items()}
    if name not in LESIONS:
        raise ValueError(f"unknown lesion {name!r}; choose from {', '.join(LESION_NAMES)}")
    return dict(LESIONS[name].overrides)


def lesioned(params: Params, name: str) -> Params:
    """``params`` with mechanism ``name`` replaced by its null version (validated)."""
    return params.with_(**overrides_of(name.strip().lower())).validate()


def parse_lesions(text: str) -> list[str]:
    """``"all"`` -> every lesion and the baseline; else a comma list, checked."""
    if text.strip().lower() == "all":
        return list(LESION_NAMES)
    names = [t.strip().lower() for t in text.split(",") if t.strip()]
    unknown = [n for n in names if n not in LESION_NAMES]
    if unknown or not names:
        raise ValueError(f"--lesions: unknown lesion(s) {', '.join(unknown) or '(none given)'}; "
                         f"choose 'all' or from {', '.join(LESION_NAMES)}")
    return list(dict.fromkeys(names))


def _worse(a: Verdict, b: Verdict) -> bool:
    """Verdict ``a`` is worse than ``b``."""
    return VERDICTS.index(a) > VERDICTS.index(b)


@dataclass(frozen=True)
class LesionTable:
    """Verdicts of every target under the intact model and under each lesion (same seeds)."""

    targets: tuple[str, ...]
    intact: dict[str, Verdict]
    verdicts: dict[str, dict[str, Verdict]]
    replications: int

    def needed_by(self, lesion: str) -> list[str]:
        """Targets whose verdict gets worse when ``lesion`` is applied."""
        return [t for t in self.targets if _worse(self.verdicts[lesion][t], self.intact[t])]

    def flags(self) -> list[str]:
        """A line for every mechanism no target needs, or only one target needs."""
        out = []
        for name in self.verdicts:
            if name == BASELINE:
                continue
            needed = self.needed_by(name)
            if not needed:
                out.append(f"{name}: no target needs this mechanism (no verdict gets worse without it)")
            elif len(needed) == 1:
                out.append(f"{name}: only {needed[0]} needs this mechanism - a candidate ad-hoc rule")
        return out

    def counts(self, column: dict[str, Verdict]) -> dict[str, int]:
        """Matches per group in one column."""
        groups: dict[str, int] = {}
        for t in self.targets:
            g = group_of(t)
            groups[g] = groups.get(g, 0) + (column[t] == "match")
        return groups

    def _count_text(self, column: dict[str, Verdict]) -> str:
        return ", ".join(f"{g[:3]} {n}" for g, n in self.counts(column).items())

    def markdown(self) -> list[str]:
        """The report's section: a targets x lesions table, match counts, and the flags."""
        short = {"match": "match", "direction-match": "dir.", "miss": "MISS"}
        names = list(self.verdicts)
        lines = ["## Lesions: which mechanism does each finding need?", "",
                 f"Each column replaces one mechanism by its null version (nabij.lab.lesions; "
                 f"{self.replications} virtual studies per target and column, the same seeds as the intact "
                 "column). A cell in bold is worse than the intact model: the finding needs that mechanism. "
                 f"`{BASELINE}` is the baseline without the three rules of the risk regulation system.", "",
                 "| target | group | intact | " + " | ".join(names) + " |",
                 "|---|---|---|" + "---|" * len(names)]
        for t in self.targets:
            cells = []
            for n in names:
                v = self.verdicts[n][t]
                cells.append(f"**{short[v]}**" if _worse(v, self.intact[t]) else short[v])
            lines.append(f"| {t} | {group_of(t)} | {short[self.intact[t]]} | " + " | ".join(cells) + " |")
        lines.append("| matches | | " + self._count_text(self.intact) + " | "
                     + " | ".join(self._count_text(self.verdicts[n]) for n in names) + " |")
        needed = "; ".join(f"{n}: {', '.join(self.needed_by(n)) or 'none'}" for n in names)
        lines += ["", f"Needed by: {needed}.", ""]
        lines += [f"- {f}" for f in self.flags()] or ["- every mechanism is needed by two or more targets"]
        return [*lines, ""]

    def rich_table(self) -> Any:
        """The same table for the console."""
        from rich.table import Table

        short = {"match": "match", "direction-match": "dir.", "miss": "MISS"}
        table = Table(title=f"Targets x lesions ({self.replications} studies each; * = worse than intact)")
        for col in ("target", "intact", *self.verdicts):
            table.add_column(col)
        for t in self.targets:
            row = [t, short[self.intact[t]]]
            for n in self.verdicts:
                v = self.verdicts[n][t]
                row.append(short[v] + ("*" if _worse(v, self.intact[t]) else ""))
            table.add_row(*row)
        return table

    def as_json(self) -> dict[str, Any]:
        return {"replications": self.replications, "intact": self.intact, "verdicts": self.verdicts,
                "needed_by": {n: self.needed_by(n) for n in self.verdicts}, "flags": self.flags(),
                "overrides": {n: overrides_of(n) for n in self.verdicts}}


Runner = Callable[[list[str], int, int, float, Params, str], list[TargetResult]]


def _default_run(ids: list[str], reps: int, seed: int, scale: float, params: Params,
                 label: str) -> list[TargetResult]:
    return run_targets(ids, reps, seed, params, scale)


def run_lesion_table(ids: Sequence[str], lesions: Sequence[str], replications: int = 30, seed: int = 2026,
                     scale: float = 1.0, params: Params | None = None,
                     run: Runner | None = None) -> LesionTable:
    """Run the intact model and every lesion on the same targets and seeds."""
    base = params or Params()
    go = run or _default_run
    ids = list(ids)
    intact = {r.target.id: r.verdict for r in go(ids, replications, seed, scale, base, "intact, ")}
    verdicts = {}
    for name in lesions:
        results = go(ids, replications, seed, scale, lesioned(base, name), f"{name} lesion, ")
        verdicts[name] = {r.target.id: r.verdict for r in results}
    return LesionTable(tuple(ids), intact, verdicts, replications)
