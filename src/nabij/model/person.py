"""One person of one dyad as plain floats: what every scalar rule reads.

:class:`~nabij.model.state.DyadState` and :class:`~nabij.model.state.DyadTraits` hold
these fields as arrays of shape ``(2, n)``; a rule sees one person's row at one dyad.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["PersonState", "PersonTraits"]


class PersonState(NamedTuple):
    """One person's state in one dyad; the fields of :class:`~nabij.model.state.DyadState`."""

    closeness: float
    liking: float
    regard: float
    security: float
    tension: float
    hurt: float
    belief_mean: float
    belief_certainty: float
    belief_shape: float
    belief_rate: float
    last_depth: float
    left: bool
    chemistry: float
    instruction: float
    approval_goal: float
    identity_goal: float
    control_goal: float
    attitude_similarity: float
    shared_reality: float


class PersonTraits(NamedTuple):
    """One person's traits; the fields of :class:`~nabij.model.state.DyadTraits`."""

    self_esteem: float
    rejection_sensitivity: float
    avoidance: float
    need_to_belong: float
    self_compassion: float
    opener: float
    n_close: float
    expressiveness: float
    warmth: float
    attractiveness: float
    leniency: float
    fear_of_being_known: float
