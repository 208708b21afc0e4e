"""Optional dependencies: which extra brings which package, and a clear error when one is missing.

nabij's core (the model, the engine's reference kernel, the journal) needs only small,
common packages. Heavier ones come with *extras* that match what a person wants to do::

    pip install 'nabij[lab]'        # simulations at speed (numba), replications, reports,
                                    # figures, Parquet files
    pip install 'nabij[web]'        # the journal in the browser (nabij serve)
    pip install 'nabij[calibrate]'  # fitting parameters (sbi, torch, pyabc, SALib)
    pip install 'nabij[scale]'      # sweeps and batch runs on a Dask cluster
    pip install 'nabij[all]'        # everything a user can run

:func:`require` checks that a package is installed without importing it (importing numba
or torch takes seconds) and raises :class:`MissingExtraError`, whose message names the command
that installs it. The command line prints that message instead of a traceback.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable

__all__ = ["EXTRAS", "MissingExtraError", "install_hint", "missing", "require"]

#: What each extra is for, in the words of the person who installs it.
EXTRAS = {
    "lab": "the fast simulation kernel, replications, reports, figures and Parquet files",
    "web": "the journal in the browser (nabij serve)",
    "calibrate": "fitting parameters to the published findings",
    "scale": "sweeps and batch runs on a Dask cluster",
}

#: The package to name in an error when its import name differs.
_DISTRIBUTION = {"markdown_it": "markdown-it-py", "multipart": "python-multipart", "SALib": "SALib",
                 "distributed": "dask[distributed]"}


class MissingExtraError(ImportError):
    """An optional package is not installed; the message says which extra brings it."""


def install_hint(extra: str) -> str:
    """The command that installs ``extra``, e.g. ``pip install 'nabij[lab]'``."""
    return f"pip install 'nabij[{extra}]'"


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def require(modules: str | Iterable[str], extra: str, purpose: str) -> None:
    """Raise :class:`MissingExtraError` unless every module in ``modules`` can be imported.

    ``purpose`` completes the sentence "... needs <package>", e.g. "the fast simulation kernel".
    """
    names = [modules] if isinstance(modules, str) else list(modules)
    absent = [m for m in names if not _installed(m)]
    if absent:
        raise missing(absent, extra, purpose)


def missing(modules: str | Iterable[str], extra: str, purpose: str) -> MissingExtraError:
    """The error to raise when ``modules`` cannot be imported (e.g. in ``except ImportError``)."""
    names = [modules] if isinstance(modules, str) else list(modules)
    which = ", ".join(_DISTRIBUTION.get(m, m) for m in names)
    return MissingExtraError(f"{purpose} needs {which}, which is not installed. "
                             f"Install it with: {install_hint(extra)}  ({extra}: {EXTRAS[extra]})")
