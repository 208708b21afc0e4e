"""The dyad state as a struct of arrays: row 0 is person 0 of every dyad, row 1 person 1.

Every array has shape ``(2, n)``; ``x[s]`` is a view of the speaker's row and ``x[1 - s]``
the listener's, so a turn touches contiguous memory and needs no per-dyad Python loop.
Every quantity is the person's view *of this partner* (closeness, liking, perceived regard,
the learned belief about the partner's responsiveness) or their own state in this
relationship (felt security, tension, hurt).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np
import numpy.typing as npt

from nabij.model.context import RELATIONSHIPS, ResolvedContext
from nabij.model.learning import Belief, prior_belief, trust_lower_bound
from nabij.model.params import Params
from nabij.model.traits import Population

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.intp]

__all__ = ["DyadState", "DyadTraits"]


@dataclass(frozen=True)
class DyadTraits:
    """The traits of both people in every dyad, each of shape ``(2, n)``."""

    self_esteem: FloatArray
    rejection_sensitivity: FloatArray
    avoidance: FloatArray
    need_to_belong: FloatArray
    self_compassion: FloatArray
    opener: FloatArray
    n_close: FloatArray

    @classmethod
    def pair(cls, population: Population, persons: IntArray) -> DyadTraits:
        """Gather traits for dyads; ``persons`` has shape ``(n, 2)`` (indices into population)."""
        idx = np.asarray(persons, dtype=np.intp).T
        return cls(**{f.name: getattr(population, f.name)[idx] for f in fields(cls)})

    def take(self, index: IntArray) -> DyadTraits:
        """The traits of the dyads at ``index``."""
        return DyadTraits(**{f.name: getattr(self, f.name)[:, index] for f in fields(self)})


@dataclass
class DyadState:
    """Everything that changes during a simulation, per person per dyad (shape ``(2, n)``)."""

    closeness: FloatArray
    liking: FloatArray
    regard: FloatArray
    security: FloatArray
    tension: FloatArray
    hurt: FloatArray
    belief_mean: FloatArray
    belief_certainty: FloatArray
    belief_shape: FloatArray
    belief_rate: FloatArray
    last_depth: FloatArray
    left: BoolArray
    chemistry: FloatArray

    @classmethod
    def initial(cls, traits: DyadTraits, context: ResolvedContext, params: Params,
                chemistry_noise: FloatArray) -> DyadState:
        """Where a relationship of the context's type starts, for these people.

        Closeness, liking and the prior belief come from the relationship type; chronic
        self-esteem and rejection sensitivity colour the initial perceived regard and the
        expected responsiveness (Murray et al. 2000; Downey & Feldman 1996); felt security
        starts at chronic self-esteem (Leary et al. 1995).
        """
        code = context.relationship
        table = {name: np.array([getattr(r, name) for r in RELATIONSHIPS]) for name in
                 ("closeness", "liking", "expected", "certainty", "regard")}
        n = code.size
        both = (2, n)
        bias = (params.appraisal_self_esteem_bias * (traits.self_esteem - 0.5)
                - params.appraisal_rs_bias * (traits.rejection_sensitivity - 0.5))
        belief = prior_belief(np.clip(table["expected"][code] + bias, 0.0, 1.0),
                              np.broadcast_to(table["certainty"][code], both))
        return cls(
            closeness=np.broadcast_to(table["closeness"][code], both).copy(),
            liking=np.broadcast_to(table["liking"][code], both).copy(),
            regard=np.clip(table["regard"][code] + bias, 0.0, 1.0),
            security=traits.self_esteem.copy(),
            tension=np.zeros(both),
            hurt=np.zeros(both),
            belief_mean=belief.mean.copy(),
            belief_certainty=belief.certainty.copy(),
            belief_shape=belief.shape.copy(),
            belief_rate=belief.rate.copy(),
            last_depth=np.zeros(both),
            left=np.zeros(both, dtype=bool),
            chemistry=params.chemistry_sd * np.asarray(chemistry_noise, dtype=np.float64),
        )

    @property
    def n_dyads(self) -> int:
        return int(self.closeness.shape[1])

    def belief(self, row: int | slice = slice(None)) -> Belief:
        """The learned belief about the partner's responsiveness, for one row or both."""
        return Belief(self.belief_mean[row], self.belief_certainty[row],
                      self.belief_shape[row], self.belief_rate[row])

    def trust(self, params: Params) -> FloatArray:
        """Trust in the partner: the lower bound of the belief (seed 001)."""
        return trust_lower_bound(self.belief(), params.trust_z)

    def active(self) -> BoolArray:
        """Dyads in which nobody has left."""
        return np.asarray(~(self.left[0] | self.left[1]))

    def copy(self) -> DyadState:
        return DyadState(**{f.name: getattr(self, f.name).copy() for f in fields(self)})

    def take(self, index: IntArray) -> DyadState:
        return DyadState(**{f.name: getattr(self, f.name)[:, index] for f in fields(self)})
