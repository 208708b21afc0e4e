"""Misuse fails loudly: a ValueError that names the field and what is allowed."""

from __future__ import annotations

import re

import numpy as np
import pytest

import nabij as nb

PEOPLE = nb.Population.from_mapping({}, size=4)


def _simulate(**kw):
    args = dict(population=PEOPLE, pairing=nb.fixed_pairs(4), protocol=nb.small_talk(2), rng=0)
    args.update(kw)
    return nb.simulate(**args)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_invalid_nan_trait_names_the_trait(bad):
    with pytest.raises(ValueError, match=r"self_esteem.*NaN or inf"):
        nb.Population.from_mapping({"self_esteem": [0.5, bad]})


@pytest.mark.parametrize("trait", ["self_esteem", "rejection_sensitivity", "avoidance",
                                   "need_to_belong", "self_compassion", "opener"])
@pytest.mark.parametrize("value", [1.5, -0.1])
def test_invalid_out_of_range_trait_names_trait_and_range(trait, value):
    with pytest.raises(ValueError, match=re.escape("[0, 1]")) as err:
        nb.Population.from_mapping({trait: [0.5, value]})
    assert trait in str(err.value)


def test_invalid_negative_n_close():
    with pytest.raises(ValueError, match="n_close"):
        nb.Population.from_mapping({"n_close": [-1.0, 2.0]})


def test_invalid_unknown_trait_lists_the_traits():
    with pytest.raises(ValueError, match="self_esteem") as err:
        nb.Population.from_mapping({"selfesteem": [0.5]})
    assert "selfesteem" in str(err.value)


def test_invalid_unknown_protocol_lists_known_ones():
    with pytest.raises(ValueError, match="no_such_protocol") as err:
        _simulate(protocol="no_such_protocol")
    for name in nb.PROTOCOLS:
        assert name in str(err.value)


@pytest.mark.parametrize(("name", "value"), [("appraisal_rate", 1.5), ("hurt_gain", -1.0),
                                             ("evidence_discount", 0.1), ("hurt_decay", np.nan)])
def test_invalid_out_of_range_parameter_names_it_at_simulate(name, value):
    prm = nb.Params().with_(**{name: value})  # stored unmodified ...
    with pytest.raises(ValueError, match=name) as err:  # ... validated where used
        _simulate(params=prm)
    spec = next(s for s in nb.param_specs() if s.name == name)
    assert f"[{spec.low:g}, {spec.high:g}]" in str(err.value)


def test_invalid_unknown_parameter_name():
    with pytest.raises(ValueError, match="apraisal_rate"):
        nb.Params().with_(apraisal_rate=0.3)


@pytest.mark.parametrize(("field", "value", "allowed"), [
    ("power", 2.0, "[-1, 1]"),
    ("display_norm", -0.2, "[0, 1]"),
    ("identifiability", np.nan, "[0, 1]"),
    ("cognitive_load", 1.5, "[0, 1]"),
    ("audience", 0.5, "[1, "),
])
def test_invalid_context_names_field_and_range(field, value, allowed):
    with pytest.raises(ValueError, match=field) as err:
        _simulate(context=nb.Context(**{field: value}))
    assert allowed in str(err.value)


def test_invalid_context_unknown_relationship_lists_types():
    with pytest.raises(ValueError, match="relationship") as err:
        _simulate(context=nb.Context(relationship="frenemies"))
    assert "boss_employee" in str(err.value)


def test_invalid_context_wrong_per_dyad_length():
    with pytest.raises(ValueError, match="power"):
        _simulate(context=nb.Context(power=[0.1, 0.2, 0.3]))


def test_invalid_pairing_person_beyond_population():
    with pytest.raises(ValueError, match="person 5") as err:
        _simulate(pairing=[[0, 1], [2, 5]])
    assert "4 people" in str(err.value)


def test_invalid_pairing_self_pair():
    with pytest.raises(ValueError, match="themselves"):
        _simulate(pairing=[[0, 1], [2, 2]])


@pytest.mark.parametrize("bad", [[[0, 1, 2]], [[-1, 0]], [[0.5, 1.0]]])
def test_invalid_pairing_shape_sign_or_type(bad):
    with pytest.raises(ValueError, match="persons"):
        _simulate(pairing=bad)


def test_invalid_unknown_recorder_name_lists_known_ones():
    with pytest.raises(ValueError, match="no_such_thing") as err:
        nb.Recorder(per_turn=["depth", "no_such_thing"])
    assert "perceived_responsiveness" in str(err.value)
    with pytest.raises(ValueError, match="no_such_final"):
        nb.Recorder(final=["no_such_final"])


def test_invalid_protocol_values_name_the_field():
    with pytest.raises(ValueError, match="topic_intimacy"):
        nb.small_talk(2, topic_intimacy=1.5)
    with pytest.raises(ValueError, match="questions_per_set"):
        nb.thirty_six_questions(0)


def test_invalid_negative_seed_and_bad_rng_type():
    with pytest.raises(ValueError, match="seed"):
        _simulate(rng=-1)
    with pytest.raises(TypeError, match="rng"):
        _simulate(rng="seven")
