"""The documentation stays true: its examples run and its reference matches the code.

- every ```python block of ``docs/experiments.md`` runs, each in a fresh namespace (the
  guide promises that every block is self-contained);
- the parameter table in ``docs/model.md`` is exactly :func:`params_markdown`;
- every parameter and every rule function of :mod:`nabij.model` is documented in
  ``docs/model.md`` outside the generated table, rules by their ``module.function`` name.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

import nabij
import nabij.model
from nabij.model import RELATIONSHIPS, TRAIT_MARGINALS
from nabij.model.docs_table import PARAMS_END, PARAMS_START, params_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs"
MODEL_MD = DOCS / "model.md"
EXPERIMENTS_MD = DOCS / "experiments.md"

_BLOCK = re.compile(r"^```python\n(.*?)^```", flags=re.DOTALL | re.MULTILINE)


def _python_blocks() -> list[str]:
    return _BLOCK.findall(EXPERIMENTS_MD.read_text(encoding="utf-8"))


def _model_text() -> str:
    return MODEL_MD.read_text(encoding="utf-8")


def _split_model_doc() -> tuple[str, str]:
    """(the generated table between the markers, the rest of the document)."""
    text = _model_text()
    assert text.count(PARAMS_START) == 1, f"docs/model.md needs exactly one {PARAMS_START}"
    assert text.count(PARAMS_END) == 1, f"docs/model.md needs exactly one {PARAMS_END}"
    start = text.index(PARAMS_START) + len(PARAMS_START)
    end = text.index(PARAMS_END)
    assert start <= end, "the params:start marker must come before params:end"
    return text[start:end], text[:start] + text[end:]


BLOCKS = _python_blocks()


def test_experiments_guide_has_examples() -> None:
    assert len(BLOCKS) >= 8, "docs/experiments.md should hold the worked example and recipes"
    worked = BLOCKS[0]
    assert len(worked.strip().splitlines()) <= 45, "keep the worked example short (~40 lines)"
    assert "simulate(" in worked


@pytest.mark.parametrize("index", range(len(BLOCKS)), ids=lambda i: f"block{i}")
def test_experiments_block_runs(index: int) -> None:
    """Each example runs as written, on its own (a fresh namespace per block)."""
    code = compile(BLOCKS[index], f"docs/experiments.md[block {index}]", "exec")
    namespace: dict[str, object] = {"__name__": f"docs_block_{index}"}
    exec(code, namespace)


def test_param_table_is_generated() -> None:
    """The table between the markers is exactly params_markdown() (regenerate if not)."""
    table, _ = _split_model_doc()
    assert table.strip() == params_markdown().strip(), (
        "docs/model.md's parameter table is out of date; paste the output of "
        "`python -c 'from nabij.model.docs_table import params_markdown; "
        "print(params_markdown())'` between the markers"
    )


def test_params_markdown_lists_every_parameter_once() -> None:
    table = params_markdown()
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    assert [row.split("`")[1] for row in rows] == [s.name for s in nabij.param_specs()]
    assert table.endswith("\n")


@pytest.mark.parametrize("name", [s.name for s in nabij.param_specs()])
def test_every_parameter_is_used_in_a_rule_section(name: str) -> None:
    """Each parameter appears in the prose or equations, not only in the generated table."""
    _, body = _split_model_doc()
    assert re.search(rf"\b{name}\b", body), f"docs/model.md never explains parameter {name!r}"


def _rule_functions() -> list[str]:
    return [n for n in nabij.model.__all__ if inspect.isfunction(getattr(nabij.model, n))]


@pytest.mark.parametrize("name", _rule_functions())
def test_every_rule_function_is_documented(name: str) -> None:
    """Each function of nabij.model is named in model.md by its module.function path."""
    func = getattr(nabij.model, name)
    _, body = _split_model_doc()
    qualified = f"{func.__module__}.{name}"
    assert qualified in body, f"docs/model.md should name {qualified}"


def test_relationship_types_and_traits_are_documented() -> None:
    _, body = _split_model_doc()
    for rel in RELATIONSHIPS:
        assert f"`{rel.name}`" in body, f"relationship type {rel.name!r} missing from model.md"
    for trait in TRAIT_MARGINALS:
        assert f"`{trait}`" in body, f"trait {trait!r} missing from model.md"
