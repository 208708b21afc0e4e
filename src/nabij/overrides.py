"""Parameter values given on the command line as ``--set NAME=VALUE``, checked before any work.

``nabij simulate`` and ``nabij replicate`` run the one global parameter set by default. A
researcher asking "what if?" (e.g. does T13 still replicate without the risk of speaking up
to a superior, ``--set power_risk=0``) changes a few values for one run. Each name must be a
parameter of :class:`nabij.model.Params` and each value must lie in that parameter's range
(``nabij params`` lists both); a mistake is reported with what to do, before anything runs.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence

from nabij.model import Params, param_specs

__all__ = ["apply_overrides", "describe_overrides", "parse_overrides"]


def _suggestion(name: str) -> str:
    close = difflib.get_close_matches(name, [s.name for s in param_specs()], n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(close)}?" if close else ""


def parse_overrides(items: Sequence[str]) -> dict[str, float]:
    """``["power_risk=0", "projection=0.5"]`` -> ``{"power_risk": 0.0, "projection": 0.5}``.

    Raises ``ValueError`` naming the item, what is wrong and how to write it: not of the form
    NAME=VALUE, an unknown name (with the closest names), a value that is not a number, a name
    given twice, or a value outside the parameter's range.
    """
    specs = {s.name: s for s in param_specs()}
    out: dict[str, float] = {}
    for item in items:
        name, sep, text = item.partition("=")
        name, text = name.strip(), text.strip()
        if not sep or not name or not text:
            raise ValueError(f"--set {item!r}: write NAME=VALUE, e.g. --set power_risk=0")
        if name not in specs:
            raise ValueError(f"--set {name}: no such parameter{_suggestion(name)} "
                             "(`nabij params` lists every parameter and its range)")
        if name in out:
            raise ValueError(f"--set {name}: given twice; give each parameter once")
        try:
            value = float(text)
        except ValueError:
            raise ValueError(f"--set {name}={text}: the value must be a number, e.g. "
                             f"--set {name}={specs[name].default:g}") from None
        out[name] = value
    apply_overrides(Params(), out)  # range check now, so a bad value fails before any work
    return out


def apply_overrides(params: Params, overrides: dict[str, float]) -> Params:
    """``params`` with ``overrides`` applied and every value checked against its range."""
    try:
        return params.with_(**overrides).validate()
    except ValueError as err:
        raise ValueError(f"--set {err}") from None


def describe_overrides(overrides: dict[str, float]) -> str:
    """``"power_risk = 0, projection = 0.5"`` for titles and reports ('' when none)."""
    return ", ".join(f"{k} = {v:g}" for k, v in overrides.items())
