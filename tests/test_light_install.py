"""A journal-only install: no numba, no pyarrow (nor any other extra), and the journal works.

Each command runs in a fresh Python in which importing numba, pyarrow or another package of
an extra fails as if it were not installed. The journal (init, add, list, people, next,
whatif) must work there: its what-if runs the model's rules without numba
(:mod:`nabij.model.elementwise` falls back to a Python loop). ``nabij simulate`` needs the
fast kernel and must say, in one line and without a traceback, which extra brings it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.companion.journal_helpers import ENTRY, PW

ROOT = Path(__file__).resolve().parents[1]
#: What a journal user does not install: the ``lab``, ``web``, ``calibrate`` and ``scale`` extras.
NOT_INSTALLED = ("numba", "llvmlite", "pyarrow", "matplotlib", "markdown_it", "fastapi", "starlette",
                 "uvicorn", "jinja2", "torch", "sbi", "pyabc", "SALib", "dask", "distributed")

_RUN_WITHOUT = """
import runpy, sys
class _NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.split('.')[0] in {blocked!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None
sys.meta_path.insert(0, _NotInstalled())
sys.argv = ['nabij', *{args!r}]
try:
    runpy.run_module('nabij', run_name='__main__', alter_sys=True)
finally:
    loaded = sorted(m for m in {blocked!r} if m in sys.modules)
    print('LOADED', loaded, file=sys.stderr)
"""


def _nabij(*args: str, home: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``nabij ARGS`` in a Python where the extras' packages are not installed."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": f"{ROOT / 'src'}",
           "HOME": str(home), "XDG_CACHE_HOME": str(home / "cache"), "XDG_DATA_HOME": str(home / "data"),
           "NABIJ_PASSPHRASE": PW, "NABIJ_KDF_PROFILE": "test", "LANG": "C", "COLUMNS": "200"}
    code = _RUN_WITHOUT.format(blocked=NOT_INSTALLED, args=list(args))
    return subprocess.run([sys.executable, "-c", code], input=stdin, capture_output=True, text=True,
                          cwd=home, env=env, timeout=300)


def _ok(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "LOADED []" in done.stderr, done.stderr  # nothing of an extra was even half-imported
    return done.stdout


@pytest.mark.slow
def test_the_journal_works_without_numba_pyarrow_or_any_extra(tmp_path: Path) -> None:
    journal = str(tmp_path / "journal.db")
    _ok(_nabij("journal", "init", "--journal", journal, home=tmp_path))
    for depth, reaction in ((20, 6), (30, 7), (35, 5)):
        entry = {**ENTRY, "depth": depth, "responsiveness": reaction}
        _ok(_nabij("journal", "add", "--journal", journal, "--json", "-", home=tmp_path,
                   stdin=json.dumps(entry)))
    assert _ok(_nabij("journal", "list", "--journal", journal, home=tmp_path)).count("Sam") == 3
    assert "Sam" in _ok(_nabij("journal", "people", "--journal", journal, home=tmp_path))
    advice = _ok(_nabij("journal", "next", "--journal", journal, "--what-if", "--weeks", "2",
                        home=tmp_path))
    assert "Next step: with Sam" in advice and "What if" in advice
    projection = _ok(_nabij("journal", "whatif", "Sam", "--journal", journal, "--weeks", "3",
                            home=tmp_path))
    weeks = [line.split()[1] for line in projection.splitlines() if line.startswith("│ ")]
    assert weeks[-3:] == ["1", "2", "3"], projection


def test_simulate_without_numba_names_the_extra_in_one_line(tmp_path: Path) -> None:
    done = _nabij("simulate", "--dyads", "3", "--no-progress", home=tmp_path)
    assert done.returncode != 0
    assert "Traceback" not in done.stderr
    assert "needs numba" in done.stderr and "pip install 'nabij[lab]'" in done.stderr, done.stderr
    assert "LOADED []" in done.stderr, done.stderr


def test_warming_the_kernel_without_numba_names_the_extra(tmp_path: Path) -> None:
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": f"{ROOT / 'src'}",
           "XDG_CACHE_HOME": str(tmp_path)}
    code = ("import sys\n"
            "class _NoNumba:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] == 'numba':\n"
            "            raise ModuleNotFoundError('No module named numba', name='numba')\n"
            "sys.meta_path.insert(0, _NoNumba())\n"
            "from nabij.engine.warm import main\n"
            "raise SystemExit(main())\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "pip install 'nabij[lab]'" in done.stderr, done.stderr


_LOADED = ("import sys\n{setup}\n"
           "heavy = {heavy!r}\n"
           "print('LOADED', sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n")


def _loaded_after(setup: str, heavy: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", _LOADED.format(setup=setup, heavy=heavy)],
                          capture_output=True, text=True, timeout=120,
                          env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"),
                               "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "120"})


def test_the_journal_starts_without_loading_the_laboratorys_packages() -> None:
    # installed or not, `nabij journal` does not pay for pandas, scipy or numba at start-up
    done = _loaded_after("from nabij.cli import app\n"
                         "try:\n"
                         "    app(['journal', '--help'])\n"
                         "except SystemExit:\n"
                         "    pass",
                         ("numba", "pyarrow", "pandas", "scipy", "matplotlib", "fastapi"))
    assert "Usage" in done.stdout and "LOADED []" in done.stderr, done.stderr


def test_the_browser_journal_loads_nothing_of_the_laboratory() -> None:
    pytest.importorskip("fastapi")
    done = _loaded_after("from nabij.companion.web import WebConfig, create_app, serve",
                         ("numba", "pyarrow", "pandas", "matplotlib"))
    assert done.returncode == 0 and "LOADED []" in done.stderr, done.stderr
