"""``--set NAME=VALUE``: parsed, checked against the parameter table, refused with a way out."""

from __future__ import annotations

import pytest

from nabij.model import Params
from nabij.overrides import apply_overrides, describe_overrides, parse_overrides


def test_values_are_parsed_and_applied() -> None:
    overrides = parse_overrides(["power_risk=0", " projection = 0.5 "])
    assert overrides == {"power_risk": 0.0, "projection": 0.5}
    params = apply_overrides(Params(), overrides)
    assert (params.power_risk, params.projection) == (0.0, 0.5)
    assert params.learning_rate == Params().learning_rate  # the rest stay at their defaults
    assert describe_overrides(overrides) == "power_risk = 0, projection = 0.5"
    assert parse_overrides([]) == {} and describe_overrides({}) == ""


@pytest.mark.parametrize(("item", "says"), [
    ("power_risk", "write NAME=VALUE"),
    ("=1", "write NAME=VALUE"),
    ("power_risk=", "write NAME=VALUE"),
    ("powr_risk=1", "did you mean power_risk"),
    ("no_such_thing=1", "nabij params"),
    ("power_risk=high", "must be a number"),
    ("power_risk=99", "must lie in [0, 3]"),
    ("power_risk=nan", "finite number"),
])
def test_mistakes_are_named_with_what_to_do(item: str, says: str) -> None:
    with pytest.raises(ValueError, match="--set") as err:
        parse_overrides([item])
    assert says in str(err.value)


def test_a_parameter_given_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="given twice"):
        parse_overrides(["power_risk=0", "power_risk=1"])
