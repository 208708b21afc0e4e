"""The public API: every exported name exists, is listed once, in order, and is documented."""

from __future__ import annotations

import inspect

import pytest

import nabij
import nabij.engine
import nabij.model
import nabij.protocols

PACKAGES = [nabij, nabij.model, nabij.engine, nabij.protocols]


def _isort_key(name: str) -> tuple[int, str]:
    """ruff's RUF022 order: CONSTANTS, then Classes, then everything else."""
    if name.isupper() and len(name) > 1:
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda m: m.__name__)
def test_api_every_name_in_all_exists(package):
    missing = [name for name in package.__all__ if not hasattr(package, name)]
    assert not missing


@pytest.mark.parametrize("package", PACKAGES, ids=lambda m: m.__name__)
def test_api_all_has_no_duplicates_and_is_sorted(package):
    names = list(package.__all__)
    assert len(names) == len(set(names))
    assert names == sorted(names, key=_isort_key)


@pytest.mark.parametrize("package", PACKAGES, ids=lambda m: m.__name__)
def test_api_every_public_function_and_class_has_a_docstring(package):
    undocumented = []
    for name in package.__all__:
        obj = getattr(package, name)
        if not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue
        doc = obj.__doc__ or ""
        # a dataclass without a docstring gets its signature as __doc__
        if not doc.strip() or doc.startswith(f"{obj.__name__}("):
            undocumented.append(name)
    assert not undocumented


def test_api_top_level_reexports_are_the_same_objects():
    assert nabij.simulate is nabij.engine.simulate
    assert nabij.Params is nabij.model.Params
    assert nabij.small_talk is nabij.protocols.small_talk


def test_api_version_is_a_string():
    assert isinstance(nabij.__version__, str) and nabij.__version__.count(".") >= 1
