"""The per-person and per-dyad trait structures must describe the same seven traits."""

from __future__ import annotations

from dataclasses import fields

from nabij.model.state import DyadTraits
from nabij.model.traits import TRAIT_MARGINALS, TRAIT_NAMES, Population


def test_population_and_dyad_traits_hold_the_same_traits_in_the_same_order() -> None:
    assert [f.name for f in fields(Population)] == [f.name for f in fields(DyadTraits)]
    assert tuple(f.name for f in fields(Population)) == TRAIT_NAMES
    assert set(TRAIT_MARGINALS) == set(TRAIT_NAMES)
