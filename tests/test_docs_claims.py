"""What the docs claim about the package matches what a user sees: parameter counts, commands."""

from __future__ import annotations

import re
from pathlib import Path

import nabij

ROOT = Path(__file__).resolve().parents[1]
TEXTS = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
         for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]}
_COUNT = re.compile(r"(\d+) of the model's (\d+) parameters")


def test_parameter_counts_in_the_docs_are_the_packages() -> None:
    specs = nabij.param_specs()
    # A count in prose goes stale as the model grows; where the docs give one, it must be right.
    found = [(name, m) for name, text in TEXTS.items() for m in _COUNT.finditer(text)]
    for name, m in found:
        other, total = int(m.group(1)), int(m.group(2))
        assert total == len(specs), f"{name}: says {total} parameters, nabij.param_specs() has {len(specs)}"
        assert 0 < other < total


def test_readme_quickstart_is_exactly_make_demo_and_make_test() -> None:
    quickstart = TEXTS["README.md"].split("## Quickstart", 1)[1]
    block = quickstart.split("```sh\n", 1)[1].split("```", 1)[0]
    assert block.split("\n")[:2] == ["make demo", "make test"] and block.count("\n") == 2
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
