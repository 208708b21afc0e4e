"""The published findings as data: :data:`TARGETS`, loaded from ``targets.toml``.

Every target names its source, the original design and one or more checks; a check names
the quantity its experiment reports and what the paper found (a value with a band, or a
direction). ``targets.md`` in the design folder is the human-readable origin.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Literal

__all__ = ["DEFAULT_SIZE", "TARGETS", "Check", "Target", "load_targets"]

#: Plausible size of a standardized effect when only its direction is known (targets.md).
DEFAULT_SIZE = (0.1, 1.5)


@dataclass(frozen=True)
class Check:
    """One quantity of a target and what the paper says of it."""

    quantity: str
    description: str
    kind: Literal["band", "direction"]
    paper: float | None = None
    band: tuple[float, float] | None = None
    direction: int = 0
    size: tuple[float, float] = DEFAULT_SIZE

    def __post_init__(self) -> None:
        if self.kind == "band":
            if self.paper is None or self.band is None or not self.band[0] <= self.paper <= self.band[1]:
                raise ValueError(f"{self.quantity}: a band check needs `paper` inside `band`")
            object.__setattr__(self, "direction", 1 if self.paper > 0 else -1)
        elif self.kind == "direction":
            if self.direction not in (-1, 1):
                raise ValueError(f"{self.quantity}: a direction check needs direction = 1 or -1")
        else:
            raise ValueError(f"{self.quantity}: kind must be 'band' or 'direction', got {self.kind!r}")

    @property
    def paper_text(self) -> str:
        """What the paper says, for tables: the value, or the expected sign."""
        if self.kind == "band":
            return f"{self.paper:g}"
        return "> 0" if self.direction > 0 else "< 0"


@dataclass(frozen=True)
class Target:
    """A published finding: where it comes from, its design, and its checks."""

    id: str
    source: str
    finding: str
    design: str
    checks: tuple[Check, ...]

    def check(self, quantity: str) -> Check:
        for c in self.checks:
            if c.quantity == quantity:
                return c
        raise KeyError(f"{self.id} has no check {quantity!r}")


def _check(raw: dict[str, object]) -> Check:
    band = raw.get("band")
    size = raw.get("size", DEFAULT_SIZE)
    return Check(
        quantity=str(raw["quantity"]), description=str(raw["description"]),
        kind=raw["kind"],  # type: ignore[arg-type]
        paper=float(raw["paper"]) if "paper" in raw else None,  # type: ignore[arg-type]
        band=tuple(band) if band is not None else None,  # type: ignore[arg-type]
        direction=int(raw.get("direction", 0)),  # type: ignore[call-overload]
        size=tuple(size),  # type: ignore[arg-type]
    )


def load_targets(text: str | None = None) -> dict[str, Target]:
    """Parse targets (by default the packaged ``targets.toml``) into ``{id: Target}``."""
    if text is None:
        text = resources.files("nabij.lab").joinpath("targets.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    out: dict[str, Target] = {}
    for raw in data["target"]:
        checks = tuple(_check(c) for c in raw["check"])
        out[raw["id"]] = Target(raw["id"], raw["source"], raw["finding"], raw["design"], checks)
    return out


TARGETS: dict[str, Target] = load_targets()
