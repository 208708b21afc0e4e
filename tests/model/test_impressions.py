"""First impressions: perceiver, target and relationship parts of liking, and projected regard."""

from __future__ import annotations

import numpy as np
import pytest

import nabij as nb
from nabij.lab.stats import srm_variances
from nabij.model.impressions import first_impression, projected_regard, target_appeal
from nabij.model.start import Start
from nabij.model.state import DyadState, DyadTraits

P = nb.Params()


def test_leniency_appeal_chemistry_and_similarity_each_raise_the_first_impression() -> None:
    base = dict(base_liking=0.5, leniency=0.5, appeal=0.0, chemistry=0.0, taste=0.0,
                attitude_similarity=0.5)
    neutral = first_impression(**base, params=P)
    assert neutral == pytest.approx(0.5)
    for name, value in (("leniency", 0.9), ("appeal", 0.5), ("chemistry", 1.0), ("taste", 1.0),
                        ("attitude_similarity", 1.0)):
        assert first_impression(**{**base, name: value}, params=P) > neutral, name
        assert 0.0 < first_impression(**{**base, name: value}, params=P) < 1.0


def test_attractive_warm_expressive_people_look_more_likable() -> None:
    mid = target_appeal(0.5, 0.5, 0.5, P)
    assert mid == pytest.approx(0.0)
    assert target_appeal(0.5, 0.5, 0.9, P) > mid
    assert target_appeal(0.5, 0.9, 0.5, P) > mid
    assert target_appeal(0.9, 0.5, 0.5, P) > mid


def test_regard_is_projected_from_own_liking_and_stays_on_the_scale() -> None:
    low = projected_regard(0.5, 0.0, 0.3, 0.5, P)
    high = projected_regard(0.5, 0.0, 0.8, 0.5, P)
    assert high > low
    flat = P.with_(projection=0.0)
    assert projected_regard(0.5, 0.0, 0.3, 0.5, flat) == projected_regard(0.5, 0.0, 0.8, 0.5, flat)
    assert 0.0 <= projected_regard(0.9, 0.3, 1.0, 0.1, P) <= 1.0


def _round_robin_start(params: nb.Params, seed: int = 5, group: int = 40) -> np.ndarray:
    people = nb.sample_population(group, rng=seed)
    pairing = nb.round_robin(group)
    traits = DyadTraits.pair(people, pairing.persons)
    gen = np.random.default_rng(seed + 1)
    n = len(pairing)
    state = DyadState.initial(traits, nb.Context().resolve(n), params, gen.standard_normal(n),
                              gen.standard_normal((2, n)))
    assert np.array_equal(state.chemistry[0], state.chemistry[1])  # shared by the pair
    liking = np.full((group, group), np.nan)
    a, b = pairing.persons[:, 0], pairing.persons[:, 1]
    liking[a, b], liking[b, a] = state.liking[0], state.liking[1]
    return liking


def test_first_impressions_have_perceiver_target_and_relationship_parts() -> None:
    var = srm_variances(_round_robin_start(P)[None])
    assert var.actor > 0.0 and var.partner > 0.0
    assert var.relationship > max(var.actor, var.partner)
    no_people = P.with_(impression_leniency=0.0, impression_attractiveness=0.0,
                        impression_warmth=0.0, impression_expressiveness=0.0)
    flat = srm_variances(_round_robin_start(no_people)[None])
    assert flat.actor < var.actor / 4 and flat.partner < var.partner / 4


def test_only_shared_chemistry_makes_first_impressions_reciprocal() -> None:
    def reciprocity(params: nb.Params) -> float:
        liking = np.concatenate([_round_robin_start(params, seed)[np.triu_indices(40, 1)][None]
                                 for seed in range(4)])
        other = np.concatenate([_round_robin_start(params, seed).T[np.triu_indices(40, 1)][None]
                                for seed in range(4)])
        return float(np.corrcoef(liking.ravel(), other.ravel())[0, 1])

    no_person_effects = dict(impression_leniency=0.0, impression_attractiveness=0.0,
                             impression_warmth=0.0, impression_expressiveness=0.0)
    shared = reciprocity(P.with_(**no_person_effects))
    unshared = reciprocity(P.with_(impression_chemistry=0.0, **no_person_effects))
    assert shared > 0.1
    assert abs(unshared) < 0.06


def test_start_overrides_liking_and_regard_follows_it_by_projection() -> None:
    people = nb.sample_population(8, rng=2)
    pairing = nb.fixed_pairs(8)
    traits = DyadTraits.pair(people, pairing.persons)
    ctx = nb.Context().resolve(4)
    given = Start(liking=[[0.9, 0.9, 0.2, 0.2], [0.5, 0.5, 0.5, 0.5]]).resolve(4)
    state = DyadState.initial(traits, ctx, P, np.zeros(4), np.zeros((2, 4)), given)
    np.testing.assert_array_equal(state.liking[0], [0.9, 0.9, 0.2, 0.2])
    assert state.regard[0, :2].mean() > state.regard[0, 2:].mean()
    told = Start(regard=0.95, expected_responsiveness=0.8, instruction=1.0,
                 attitude_similarity=[1.0, 0.0, 0.5, 0.5]).resolve(4)
    state = DyadState.initial(traits, ctx, P, np.zeros(4), np.zeros((2, 4)), told)
    assert np.all(state.regard == 0.95) and np.allclose(state.belief_mean, 0.8)
    assert np.all(state.instruction == 1.0)
    assert state.liking[:, 0].mean() > state.liking[:, 1].mean()  # similar attitudes


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"liking": 1.5}, r"start.liking: must lie in \[0, 1\]"),
    ({"regard": [0.1, 0.2, 0.3]}, r"start.regard: give one value, one per dyad"),
    ({"instruction": np.nan}, "start.instruction: must be finite"),
    ({"attitude_similarity": np.zeros((2, 4))}, "start.attitude_similarity: give one value or one per dyad"),
])
def test_bad_start_values_say_what_is_wrong(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Start(**kwargs).resolve(4)  # type: ignore[arg-type]
