"""Light installs: the core runs without the heavy extras, and a missing extra is one clear line."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from nabij import cli, extras
from nabij.extras import MissingExtraError, install_hint, require

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
# numba too: without it the model's rules run in a Python loop (nabij.model.elementwise).
HEAVY = ("numba", "pyarrow", "fastapi", "uvicorn", "matplotlib", "torch", "sbi", "dask", "distributed")

# A journal user's Python: the heavy packages cannot be imported at all.
_BLOCK_HEAVY = """
import sys
class _Absent:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {heavy!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}")
sys.meta_path.insert(0, _Absent())
"""


def _run_without_heavy(code: str) -> subprocess.CompletedProcess[str]:
    script = _BLOCK_HEAVY.format(heavy=HEAVY) + code
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}, timeout=120)


def test_core_dependencies_leave_out_what_only_researchers_or_the_browser_need() -> None:
    core = " ".join(PYPROJECT["project"]["dependencies"]).lower()
    for heavy in (*HEAVY, "markdown-it", "jinja2"):
        assert heavy not in core, f"{heavy} belongs in an extra, not in the core"
    groups = PYPROJECT["project"]["optional-dependencies"]
    assert {"lab", "web", "calibrate", "scale", "bench", "dev", "all"} <= set(groups)
    assert not any("fastapi" in d for d in groups["lab"] + groups["calibrate"] + groups["scale"])


def test_no_exact_pins_in_pyproject_only_in_constraints() -> None:
    groups = PYPROJECT["project"]["optional-dependencies"]
    for requirement in PYPROJECT["project"]["dependencies"] + [d for g in groups.values() for d in g]:
        assert "==" not in requirement, f"{requirement}: pin in constraints.txt, not pyproject.toml"
    assert "-c constraints.txt" in (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "torch==" in (ROOT / "constraints.txt").read_text(encoding="utf-8")


def test_require_names_the_extra_and_the_command_that_installs_it() -> None:
    require("json", "lab", "Nothing")  # installed: no error
    with pytest.raises(MissingExtraError) as info:
        require(("json", "surely_not_a_module_xyz"), "scale", "Running on a cluster")
    message = str(info.value)
    assert "Running on a cluster needs surely_not_a_module_xyz" in message
    assert install_hint("scale") == "pip install 'nabij[scale]'" and install_hint("scale") in message


def test_the_command_line_imports_no_heavy_package_and_the_journal_projects_without_them() -> None:
    code = ("import nabij.cli\n"
            "from datetime import UTC, datetime\n"
            "from nabij.companion.domain import Confidant, Entry, Relationship\n"
            "from nabij.companion.planner import plan\n"
            "from nabij.companion.whatif import project\n"
            "sam = Confidant('Sam', Relationship.FRIEND)\n"
            "e = [Entry('Sam', 't', 30, 60, 6, when=datetime(2025, 5, 1, tzinfo=UTC))]\n"
            "rows = project(sam, e, plan(sam, e, now=datetime(2025, 6, 1, tzinfo=UTC)), weeks=2, "
            "replications=10)\n"
            "print(len(rows))\n")
    done = _run_without_heavy(code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "2"


def test_a_missing_extra_is_one_clear_line_with_its_brackets(monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    installed = extras._installed
    monkeypatch.setattr(extras, "_installed", lambda m: m != "pyarrow" and installed(m))
    monkeypatch.setattr(sys, "argv", ["nabij", "simulate", "--dyads", "3", "--no-progress",
                                      "--out", str(tmp_path / "x.parquet")])
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Writing Parquet files needs pyarrow" in err
    assert "pip install 'nabij[lab]'" in err  # rich would print 'nabij' without escaping
    assert "Traceback" not in err


def test_version_flag() -> None:
    done = subprocess.run([sys.executable, "-m", "nabij", "--version"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert done.returncode == 0
    assert done.stdout.strip() == f"nabij {cli.__version__}"
