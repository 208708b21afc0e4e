"""Contingency rule 2, signaling: the sociometer (Leary et al. 1995; Murray et al. 2006)."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model import rejection_stakes, signal_acceptance

P = nb.Params()


def signal(security=0.5, hurt=0.0, perceived=0.5, relevance=1.0, closeness=0.3, sc=0.0, regard=0.5,
           params=P):
    return signal_acceptance(security, hurt, perceived, relevance, closeness, sc, regard, params)


def test_signaling_acceptance_raises_felt_security_without_hurt():
    out = signal(perceived=0.9)
    assert out.security > 0.5
    assert out.new_hurt == 0.0
    assert out.hurt == 0.0


def test_signaling_rejection_lowers_felt_security_and_adds_hurt():
    out = signal(perceived=0.1, hurt=0.1)
    assert out.security < 0.5
    assert out.new_hurt > 0.0
    assert out.hurt > 0.1


def test_signaling_stronger_rejection_hurts_more():
    out = signal(perceived=np.array([0.45, 0.35, 0.25]))
    assert np.all(np.diff(out.new_hurt) > 0)
    assert np.all(np.diff(out.security) < 0)


def test_signaling_more_closeness_more_hurt_from_same_rejection():
    closeness = np.array([0.0, 0.3, 0.6, 0.9])
    out = signal(perceived=0.35, closeness=closeness)
    assert np.all(np.diff(out.new_hurt) > 0)


def test_rejection_stakes_grow_with_closeness():
    stakes = rejection_stakes(np.linspace(0, 1, 5), P)
    assert np.all(np.diff(stakes) > 0)
    assert stakes[0] > 0  # a stranger's rejection still costs something


def test_signaling_random_rejection_hurts_less_than_personal():
    out = signal(perceived=0.2, relevance=np.array([0.0, 0.5, 1.0]))
    assert out.new_hurt[0] == 0.0
    assert np.all(np.diff(out.new_hurt) > 0)
    # an irrelevant (random) reaction does not move felt security either
    assert out.security[0] == 0.5


def test_signaling_rejection_hurts_more_when_regard_is_doubted():
    out = signal(perceived=0.2, regard=np.array([0.9, 0.5, 0.1]))
    assert np.all(np.diff(out.new_hurt) > 0)
    # doubt amplifies hurt; it does not change how acceptance moves felt security
    assert np.ptp(out.security) == 0.0


def test_signaling_self_compassion_cushions_hurt():
    out = signal(perceived=0.2, sc=np.array([0.0, 0.5, 1.0]))
    assert np.all(np.diff(out.new_hurt) < 0)
    assert out.new_hurt[-1] > 0  # cushions, does not remove


def test_signaling_stays_on_unit_interval():
    harsh = P.with_(hurt_gain=5.0, sociometer_rate=1.0, stakes_closeness=2.0)
    out = signal(security=np.array([0.0, 1.0]), hurt=np.array([0.9, 0.0]),
                 perceived=np.array([0.0, 1.0]), closeness=1.0, params=harsh)
    for arr in out:
        assert np.all((arr >= 0) & (arr <= 1))
