"""Every number in a rule is a parameter or a documented fixed constant (issue 12, part 6).

The test reads the source of each rule a turn calls (the registry ``RULES``, the turn
itself, the days between sessions, the audience exposure and the small math helpers) and
collects its numeric literals other than 0 and 1 (exponents excepted: a square is algebra).
Each function holding one must be named in docs/model.md's "Fixed constants" table, on a
row that also shows the number; each module-level numeric constant of a rule module must be
named there too. A new hard-coded number in a rule therefore fails here until it becomes a
parameter or gets a row with its justification.
"""

from __future__ import annotations

import ast
import inspect
import textwrap
from pathlib import Path
from types import ModuleType

import pytest

from nabij.model import _math, goals
from nabij.model.turn import RULES, dyad_turn, pass_days

DOC = Path(__file__).resolve().parents[2] / "docs" / "model.md"
FUNCTIONS = [f for group in RULES.values() for f in group] + [
    dyad_turn, pass_days, goals.audience_exposure, _math.sigmoid, _math.logit, _math.clip01]


def _section() -> str:
    text = DOC.read_text(encoding="utf-8")
    start = text.index("## Fixed constants")
    return text[start:text.index("\n## ", start + 1)]


def _literals(node: ast.AST) -> set[float]:
    """Numeric literals in ``node`` other than 0 and 1, skipping exponents."""
    exponents = {id(n.right) for n in ast.walk(node)
                 if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Pow)}
    return {n.value for n in ast.walk(node)
            if isinstance(n, ast.Constant) and type(n.value) in (int, float)
            and n.value not in (0, 1) and id(n) not in exponents}


def _body_literals(func) -> set[float]:
    fn = ast.parse(textwrap.dedent(inspect.getsource(func))).body[0]
    assert isinstance(fn, ast.FunctionDef)
    body = fn.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    found: set[float] = set()
    for stmt in body:
        found |= _literals(stmt)
    return found


def _written(value: float) -> set[str]:
    g = f"{value:g}"
    return {g, g.replace("e-0", "e-"), repr(value)}


def _name(func) -> str:
    return f"{func.__module__.rsplit('.', 1)[-1]}.{func.__qualname__}"


@pytest.mark.parametrize("func", FUNCTIONS, ids=_name)
def test_every_number_in_a_rule_is_documented(func):
    numbers = _body_literals(func)
    if not numbers:
        return
    name = _name(func)
    rows = [line for line in _section().splitlines() if f"`{name}`" in line]
    assert rows, (f"{name} holds {sorted(numbers)}: make them parameters or add a row to "
                  "docs/model.md's fixed constants")
    for value in numbers:
        assert any(w in row for row in rows for w in _written(value)), \
            f"{name}: the constant {value:g} is not shown on its row of the fixed-constants table"


def _rule_modules() -> set[ModuleType]:
    return {inspect.getmodule(f) for f in FUNCTIONS} - {None}  # type: ignore[misc]


def test_every_module_constant_of_a_rule_module_is_documented():
    section = _section()
    for module in _rule_modules():
        tree = ast.parse(inspect.getsource(module))
        for node in tree.body:
            target = node.targets[0] if isinstance(node, ast.Assign) else \
                node.target if isinstance(node, ast.AnnAssign) else None
            value = getattr(node, "value", None)
            if isinstance(target, ast.Name) and isinstance(value, ast.Constant) and \
                    type(value.value) in (int, float):
                assert target.id in section, \
                    f"{module.__name__}.{target.id} is not in the fixed-constants table"


def test_the_scan_can_fail():
    """A rule with an undocumented number would be caught."""
    def rule(x: float) -> float:
        return 0.37 * x + x ** 2

    assert _body_literals(rule) == {0.37}
