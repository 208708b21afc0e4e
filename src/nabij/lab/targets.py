"""The published findings as data: :data:`TARGETS`, loaded from ``targets.toml``.

Every target names its source, the original design, the size of the original study
(``paper_n``, counted in the unit its experiment samples) and one or more checks. A check
names the quantity its experiment reports, its **metric** and what the paper found:

- a *quantitative* check carries the published value (with its CI or SE where the paper
  gives one, the page or table it comes from, and whether that value was verified against
  the paper's text); the model is judged on whether a study of the paper's size would
  produce it (:mod:`nabij.lab.verdict`);
- a *direction* check (no published size) carries only the sign, and the model's effect
  must have that sign and a size inside the metric's window (:data:`WINDOWS`).

``docs/targets.md`` describes every target in words.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Literal, cast

__all__ = ["METRICS", "SIGNED", "TARGETS", "WINDOWS", "Check", "Kind", "Metric", "Target", "load_targets"]

Metric = Literal["d", "d_z", "r", "beta", "share", "level"]
Kind = Literal["quantitative", "direction"]
METRICS: tuple[Metric, ...] = ("d", "d_z", "r", "beta", "share", "level")
#: Metrics whose sign carries meaning (an effect); ``level`` is a position on a scale.
SIGNED: frozenset[str] = frozenset({"d", "d_z", "r", "beta", "share"})

#: Plausible size of an effect when only its direction is known, per metric (absolute value).
#: d and d_z: 0.1-1.5 (targets.md); r and standardized beta: the same window converted with
#: r = d / sqrt(d^2 + 4), i.e. .05-.60; a difference of variance shares: above .05 (a
#: negligible difference is no finding) and at most 1 by construction.
WINDOWS: dict[str, tuple[float, float]] = {
    "d": (0.1, 1.5), "d_z": (0.1, 1.5), "r": (0.05, 0.60), "beta": (0.05, 0.60), "share": (0.05, 1.0),
}


@dataclass(frozen=True)
class Check:
    """One quantity of a target and what the paper says of it.

    ``paper_n`` is the size of the original study in the unit the experiment samples (set
    from the target); ``paper_ci`` / ``paper_se`` the published uncertainty of ``paper``;
    ``cite`` where in the source the value stands; ``verified`` whether the value was checked
    against the source's text (``False``: taken from the project's design notes).
    """

    quantity: str
    description: str
    metric: Metric
    direction: int = 0
    paper: float | None = None
    paper_ci: tuple[float, float] | None = None
    paper_se: float | None = None
    paper_n: int | None = None
    cite: str = ""
    verified: bool = False

    def __post_init__(self) -> None:
        where = f"check {self.quantity!r}"
        if self.metric not in METRICS:
            raise ValueError(f"{where}: metric must be one of {', '.join(METRICS)}; got {self.metric!r}")
        if self.metric == "level":
            if self.paper is None:
                raise ValueError(f"{where}: a level check needs the published value `paper`")
            if self.direction != 0:
                raise ValueError(f"{where}: a level has no direction; remove `direction`")
        elif self.direction not in (-1, 1):
            raise ValueError(f"{where}: a {self.metric} check needs direction = 1 or -1")
        if self.paper is not None:
            if not math.isfinite(self.paper):
                raise ValueError(f"{where}: `paper` must be a finite number")
            if self.metric != "level" and self.paper != 0 and math.copysign(1, self.paper) != self.direction:
                raise ValueError(f"{where}: `paper` ({self.paper:g}) has the opposite sign of `direction`")
            if self.paper_n is None and self.paper_ci is None and self.paper_se is None:
                raise ValueError(f"{where}: a published value needs the study's N (target `paper_n`) "
                                 "or its CI / SE (`paper_ci`, `paper_se`) to be judged")
        if self.paper_ci is not None:
            lo, hi = self.paper_ci
            if self.paper is None or not lo <= self.paper <= hi:
                raise ValueError(f"{where}: `paper_ci` must contain `paper`")
        if self.paper_se is not None and not self.paper_se > 0:
            raise ValueError(f"{where}: `paper_se` must be > 0")
        if self.paper_n is not None and self.paper_n < 2:
            raise ValueError(f"{where}: `paper_n` must be at least 2")

    @property
    def kind(self) -> Kind:
        """``quantitative`` when the paper gives a size, else ``direction``."""
        return "quantitative" if self.paper is not None else "direction"

    @property
    def window(self) -> tuple[float, float] | None:
        """The plausible-size window of a direction check (absolute value), else ``None``."""
        return WINDOWS.get(self.metric) if self.kind == "direction" else None

    @property
    def standard_error(self) -> float | None:
        """The published SE, or one implied by the 95% CI; ``None`` if neither is given."""
        if self.paper_se is not None:
            return self.paper_se
        if self.paper_ci is not None:
            return (self.paper_ci[1] - self.paper_ci[0]) / (2 * 1.959964)
        return None

    @property
    def paper_text(self) -> str:
        """What the paper says, for tables: the value (with CI), or the expected sign."""
        if self.paper is not None:
            ci = f" [{self.paper_ci[0]:g}, {self.paper_ci[1]:g}]" if self.paper_ci else ""
            return f"{self.metric} = {self.paper:g}{ci}"
        return f"{self.metric} {'> 0' if self.direction > 0 else '< 0'}"


@dataclass(frozen=True)
class Target:
    """A published finding: where it comes from, its design, its size, and its checks.

    ``paper_n`` counts the original study's units as the experiment counts them
    (``Experiment.unit``); ``n_verified`` says whether it was read from the source and
    ``n_note`` how it was obtained.
    """

    id: str
    source: str
    finding: str
    design: str
    checks: tuple[Check, ...]
    paper_n: int | None = None
    n_verified: bool = False
    n_note: str = ""

    @property
    def kind(self) -> Kind:
        """``quantitative`` when at least one check carries a published size."""
        return "quantitative" if any(c.kind == "quantitative" for c in self.checks) else "direction"

    def check(self, quantity: str) -> Check:
        for c in self.checks:
            if c.quantity == quantity:
                return c
        raise KeyError(f"{self.id} has no check {quantity!r}")


_CHECK_KEYS = {"quantity", "description", "metric", "direction", "paper", "paper_ci", "paper_se", "cite",
               "verified"}
_TARGET_KEYS = {"id", "source", "finding", "design", "check", "paper_n", "n_verified", "n_note"}


def _pair(raw: object, where: str) -> tuple[float, float] | None:
    if raw is None:
        return None
    if not isinstance(raw, list) or len(raw) != 2:
        raise ValueError(f"{where}: give two numbers [low, high]")
    lo, hi = float(raw[0]), float(raw[1])
    if not lo <= hi:
        raise ValueError(f"{where}: low must not exceed high")
    return lo, hi


def _check(raw: dict[str, object], paper_n: int | None, tid: str) -> Check:
    unknown = set(raw) - _CHECK_KEYS
    if unknown:
        raise ValueError(f"{tid}: unknown check field(s) {sorted(unknown)}; allowed: {sorted(_CHECK_KEYS)}")
    missing = {"quantity", "description", "metric"} - set(raw)
    if missing:
        raise ValueError(f"{tid}: a check needs {sorted(missing)}")
    name = str(raw["quantity"])
    paper = raw.get("paper")
    se = raw.get("paper_se")
    return Check(
        quantity=name, description=str(raw["description"]), metric=cast(Metric, raw["metric"]),
        direction=int(cast(int, raw.get("direction", 0))),
        paper=float(cast(float, paper)) if paper is not None else None,
        paper_ci=_pair(raw.get("paper_ci"), f"{tid}.{name}.paper_ci"),
        paper_se=float(cast(float, se)) if se is not None else None,
        paper_n=paper_n, cite=str(raw.get("cite", "")), verified=bool(raw.get("verified", False)),
    )


def load_targets(text: str | None = None) -> dict[str, Target]:
    """Parse targets (by default the packaged ``targets.toml``) into ``{id: Target}``."""
    if text is None:
        text = resources.files("nabij.lab").joinpath("targets.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    out: dict[str, Target] = {}
    for raw in data["target"]:
        tid = str(raw.get("id", "?"))
        unknown = set(raw) - _TARGET_KEYS
        if unknown:
            raise ValueError(f"{tid}: unknown target field(s) {sorted(unknown)}; "
                             f"allowed: {sorted(_TARGET_KEYS)}")
        n = raw.get("paper_n")
        paper_n = int(n) if n is not None else None
        checks = tuple(_check(c, paper_n, tid) for c in raw["check"])
        if tid in out:
            raise ValueError(f"{tid}: defined twice in targets.toml")
        out[tid] = Target(tid, raw["source"], raw["finding"], raw["design"], checks, paper_n,
                          bool(raw.get("n_verified", False)), str(raw.get("n_note", "")))
    return out


TARGETS: dict[str, Target] = load_targets()
