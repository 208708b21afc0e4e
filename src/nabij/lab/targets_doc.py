"""The per-target table of ``docs/targets.md``, generated from ``targets.toml`` and ``split.toml``.

The table is data, so it is generated rather than retyped; a test keeps the document in
step (regenerate with ``python -m nabij.lab.targets_doc``).
"""

from __future__ import annotations

from nabij.lab.split import SPLIT, group_of
from nabij.lab.targets import TARGETS, Check, Target

__all__ = ["targets_markdown"]


def _cell(text: str) -> str:
    return text.replace("|", "/").replace("\n", " ")


def _check_text(c: Check) -> str:
    if c.paper is None:
        return f"`{c.quantity}` ({c.metric}, {'positive' if c.direction > 0 else 'negative'})"
    extra = f", {c.cite}" if c.cite else ""
    flag = "" if c.verified else ", not yet verified against the source"
    return f"`{c.quantity}` ({c.paper_text}{extra}{flag})"


def _size(t: Target) -> str:
    if t.paper_n is None:
        return "not encoded"
    return f"{t.paper_n}{'' if t.n_verified else ' (stand-in)'}"


def targets_markdown() -> str:
    """One row per target: id, group (and why), source, finding, N, and its checks."""
    lines = ["| id | group | source | finding | N | checks |", "|---|---|---|---|---|---|"]
    for t in TARGETS.values():
        group = group_of(t.id) if t.id in SPLIT.reasons else "not in split"
        why = SPLIT.reasons.get(t.id, "")
        checks = "; ".join(_check_text(c) for c in t.checks)
        lines.append(f"| {t.id} | {group}: {_cell(why)} | {_cell(t.source)} | {_cell(t.finding)} "
                     f"| {_size(t)} | {_cell(checks)} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover - a maintenance helper
    print(targets_markdown(), end="")
