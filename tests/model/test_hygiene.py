"""The review's hygiene points (issue 12, part 6), each as a direction or a bound.

- risk never *raises* willingness: the goal resolution stays positive over the declared
  parameter ranges;
- one hurt cannot wipe out closeness at the default;
- self-esteem and rejection sensitivity colour a reaction once (at perception);
- taking a disclosure back adds tension like holding it back;
- the relationship table is data with a source for every type.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

import nabij as nb
from nabij.model import RELATIONSHIPS, connectedness_goal, regulate_dependence, resolve_goals
from nabij.model.context import RELATIONSHIPS_FILE
from nabij.model.person import PersonState, PersonTraits
from nabij.model.turn import dyad_turn

P = nb.Params()
SPECS = {s.name: s for s in nb.param_specs()}


def test_resolution_is_positive_at_every_corner_of_the_declared_ranges():
    names = ("dual_activation", "reflective_resolution", "impulsive_approach")
    corners = itertools.product(*[(SPECS[n].low, SPECS[n].high) for n in names])
    for values in corners:
        params = P.with_(**dict(zip(names, values, strict=True)))
        out = resolve_goals(np.array([0.0, 1.0, 0.0, 1.0]), np.array([0.0, 0.0, 1.0, 1.0]),
                            params)
        assert np.all(out > 0), values


def test_resolution_keeps_its_directions():
    """High SE resolves toward connection with control (Murray et al. 2008)."""
    assert np.all(np.diff(resolve_goals(np.array([0.1, 0.5, 0.9]), 0.0, P)) < 0)
    more_dual = resolve_goals(0.5, 0.0, P.with_(dual_activation=1.0))
    assert more_dual < resolve_goals(0.5, 0.0, P)


def _regulate(closeness, hurt, regard, params=P):
    return regulate_dependence(closeness, 0.5, 0.0, hurt, regard, 0.5, 0.0, 0.0, 0.0, params)


def test_worst_hurt_at_the_default_leaves_some_closeness():
    after = _regulate(np.array([0.2, 0.6, 1.0]), 1.0, 0.0)
    assert np.all(after.closeness > 0.3 * np.array([0.2, 0.6, 1.0]))


def test_threat_moves_closeness_by_a_share_toward_or_away():
    c = np.array([0.2, 0.5, 0.8])
    away = _regulate(c, 0.5, 0.2).closeness
    toward = _regulate(c, 0.5, 0.9).closeness
    assert np.all(away < c) and np.all(toward > c)
    np.testing.assert_allclose(away / c, away[0] / c[0])  # the same share of any closeness
    stronger = _regulate(c, 0.5, 0.2, P.with_(threat_response=3.0)).closeness
    assert np.all(stronger < away) and np.all(stronger > 0)


def _people(se=0.5, rs=0.5, expected=0.5):
    """A person of median traits (0.5 on every score) and a plain starting state."""
    me = PersonState(**{f: 0.5 for f in PersonState._fields}).\
        _replace(closeness=0.3, tension=0.0, hurt=0.0, belief_mean=expected, belief_certainty=5.0,
                 belief_shape=2.0, belief_rate=0.08, last_depth=0.0, left=False, chemistry=0.0,
                 instruction=0.0, approval_goal=0.0, identity_goal=0.0, control_goal=0.0)
    my = PersonTraits(**{f: 0.5 for f in PersonTraits._fields})._replace(
        self_esteem=se, rejection_sensitivity=rs, avoidance=0.2, n_close=3.0)
    return me, my


def _turn(me, my, params, feedback=0.5, topic=0.6):
    you, your = _people()
    return dyad_turn(me, you, my, your, 0.0, 0.0, 0.6, 0.5, topic, 0.0, 0.8, feedback,
                     math.nan, 0.0, 0.0, 0.0, params)


def test_self_esteem_and_rejection_sensitivity_colour_a_reaction_once():
    """Without the perception biases, traits no longer change what a reaction does to regard.

    Projection is held off here: through it, regard also follows the person's own liking,
    which moves with how much they chose to disclose (a trait effect on behaviour, not a
    second colouring of the reading; Lemay & Clark 2008)."""
    unbiased = P.with_(perception_se_bias=0.0, perception_rs_bias=0.0, projection=0.0)
    regard = {(se, rs): _turn(*_people(se, rs), unbiased)[0].regard
              for se in (0.1, 0.9) for rs in (0.1, 0.9)}
    assert len({round(r, 12) for r in regard.values()}) == 1
    low, high = (_turn(*_people(se, 0.5), P)[0].regard for se in (0.1, 0.9))
    assert low < high  # with them, the reading (and only it) carries the bias


def test_taking_a_disclosure_back_adds_tension():
    me, my = _people(rs=0.9, expected=0.9)
    edited = _turn(me, my, P, feedback=0.05)
    kept = _turn(me, my, P.with_(edit_gain=0.0), feedback=0.05)
    assert edited[2].edited > 0.3 and kept[2].edited == 0.0
    assert edited[0].tension > kept[0].tension


def test_more_close_ties_saturate_less_when_half_saturation_is_higher():
    args = (0.5, 0.5, 0.5, 0.5, 0.0, 0.0, 0.2, 4.0)
    assert connectedness_goal(*args, P.with_(network_half_saturation=10.0)) > \
        connectedness_goal(*args, P)


def test_security_gates_closeness_growth_only_as_much_as_its_weight_says():
    grow = [regulate_dependence(0.3, 0.5, 0.8, 0.0, 0.6, sec, 0.0, 0.0, 0.0, P).closeness
            for sec in (0.0, 1.0)]
    assert grow[0] < grow[1]
    flat = P.with_(closeness_security_weight=0.0)
    same = [regulate_dependence(0.3, 0.5, 0.8, 0.0, 0.6, sec, 0.0, 0.0, 0.0, flat).closeness
            for sec in (0.0, 1.0)]
    assert same[0] == pytest.approx(same[1])


def test_relationship_table_is_data_with_sources():
    from importlib import resources

    assert resources.files("nabij.model").joinpath(RELATIONSHIPS_FILE).is_file()
    assert [r.name for r in RELATIONSHIPS][:2] == ["strangers", "colleagues"]
    for r in RELATIONSHIPS:
        assert r.source and r.why, r.name
        assert 0 <= r.closeness <= 1 and r.certainty > 0
    closer = [r.closeness for r in RELATIONSHIPS if r.name in ("strangers", "friends", "romantic")]
    assert closer == sorted(closer)
