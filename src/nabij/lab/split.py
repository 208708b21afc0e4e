"""The frozen calibration / validation split of the targets (``split.toml``).

Calibration may read only :data:`SPLIT.calibration`; everything the laboratory reports is
grouped by :func:`group_of`. The file says why each target sits where it does; it was fixed
before any refit and is not changed to improve a score.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Literal

__all__ = ["SPLIT", "Group", "Split", "group_of", "load_split"]

Group = Literal["calibration", "validation"]


@dataclass(frozen=True)
class Split:
    """Target ids per group, and the one-line reason for each placement."""

    calibration: tuple[str, ...]
    validation: tuple[str, ...]
    reasons: dict[str, str]

    def __post_init__(self) -> None:
        both = set(self.calibration) & set(self.validation)
        if both:
            raise ValueError(f"split: targets in both groups: {sorted(both)}")


def load_split(text: str | None = None) -> Split:
    """Parse a split (by default the packaged ``split.toml``)."""
    if text is None:
        text = resources.files("nabij.lab").joinpath("split.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    missing = {"calibration", "validation"} - set(data)
    if missing:
        raise ValueError(f"split: needs the tables {sorted(missing)}")
    cal, val = dict(data["calibration"]), dict(data["validation"])
    return Split(tuple(cal), tuple(val), {**cal, **val})


SPLIT: Split = load_split()


def group_of(target_id: str) -> Group:
    """``"calibration"`` or ``"validation"`` for a target id; a clear error for an unknown one."""
    if target_id in SPLIT.calibration:
        return "calibration"
    if target_id in SPLIT.validation:
        return "validation"
    raise KeyError(f"target {target_id!r} is in neither group of lab/split.toml")
