"""The parameter table: every parameter documented, defaults valid, changes checked."""

from __future__ import annotations

import dataclasses

import pytest

import nabij as nb


def test_params_every_field_has_a_spec_with_documentation():
    specs = nb.param_specs()
    assert [s.name for s in specs] == [f.name for f in dataclasses.fields(nb.Params)]
    for s in specs:
        assert s.low < s.high, s.name
        assert s.meaning and s.source and s.why and s.rule, s.name


def test_params_defaults_lie_in_their_ranges():
    for s in nb.param_specs():
        assert s.low <= s.default <= s.high, s.name
    assert nb.Params().validate() == nb.Params()


def test_params_with_keeps_the_original_unmodified():
    base = nb.Params()
    changed = base.with_(appraisal_rate=0.9)
    assert changed.appraisal_rate == 0.9
    assert base.appraisal_rate == nb.Params().appraisal_rate


@pytest.mark.parametrize("value", [float("nan"), float("inf")])
def test_params_non_finite_value_names_the_parameter(value):
    with pytest.raises(ValueError, match="hurt_gain"):
        nb.Params().with_(hurt_gain=value).validate()
