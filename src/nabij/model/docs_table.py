"""The parameter table of ``docs/model.md``, generated from :func:`~nabij.model.params.param_specs`.

The documentation and the code read the same place: the table in the model reference is
the output of :func:`params_markdown`, pasted between the markers
``<!-- params:start -->`` and ``<!-- params:end -->``, and ``tests/test_docs.py`` checks
that it is still identical. Regenerate it with::

    python -c "from nabij.model.docs_table import params_markdown; print(params_markdown())"
"""

from __future__ import annotations

from nabij.model.params import ParamSpec, param_specs

__all__ = ["PARAMS_END", "PARAMS_START", "params_markdown"]

#: The marker lines that enclose the generated table in ``docs/model.md``.
PARAMS_START = "<!-- params:start -->"
PARAMS_END = "<!-- params:end -->"

_HEADER = ("name", "default", "range", "rule", "meaning", "source", "why this default")


def _cell(text: str) -> str:
    """One Markdown table cell: pipes escaped, line breaks folded into spaces."""
    return " ".join(text.split()).replace("|", "\\|")


def _number(x: float) -> str:
    """A number written as short as it is exact (``0.3``, ``1``, ``-3``)."""
    return f"{x:g}"


def _row(spec: ParamSpec) -> str:
    cells = (
        f"`{spec.name}`",
        _number(spec.default),
        f"[{_number(spec.low)}, {_number(spec.high)}]",
        spec.rule,
        _cell(spec.meaning),
        _cell(spec.source),
        _cell(spec.why),
    )
    return "| " + " | ".join(cells) + " |"


def params_markdown() -> str:
    """Every model parameter as one Markdown table, in declaration order (pure; no I/O).

    Columns: name, default, allowed range, the rule that uses it, meaning, source and why
    the default was chosen. The string ends with a newline.
    """
    lines = [
        "| " + " | ".join(_HEADER) + " |",
        "|" + "|".join("---" for _ in _HEADER) + "|",
    ]
    lines.extend(_row(spec) for spec in param_specs())
    return "\n".join(lines) + "\n"
