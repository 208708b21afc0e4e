"""The dyad state as a struct of arrays: row 0 is person 0 of every dyad, row 1 person 1.

Every array has shape ``(2, n)``; ``x[s]`` is a view of the speaker's row and ``x[1 - s]``
the listener's, so a turn touches contiguous memory and needs no per-dyad Python loop.
Every quantity is the person's view *of this partner* (closeness, liking, perceived regard,
the learned belief about the partner's responsiveness) or their own state in this
relationship (felt security, tension, hurt); the pair's chemistry and attitude similarity are
the same in both rows, and ``instruction`` is a goal set from outside (:mod:`.start`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import numpy.typing as npt

from nabij.model.arrays import (
    first_impression,
    initial_shared_reality,
    projected_regard,
    target_appeal,
    trust_lower_bound,
)
from nabij.model.context import RELATIONSHIPS, ResolvedContext
from nabij.model.learning import Belief, prior_belief
from nabij.model.params import Params
from nabij.model.person import PersonState, PersonTraits
from nabij.model.start import ResolvedStart
from nabij.model.traits import Population

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.intp]

__all__ = ["DyadState", "DyadTraits"]


@functools.cache
def _relationship_table() -> dict[str, FloatArray]:
    """Each relationship type's starting values, as arrays indexed by its code (read-only)."""
    table = {name: np.array([getattr(r, name) for r in RELATIONSHIPS]) for name in
             ("closeness", "liking", "expected", "certainty", "regard")}
    for values in table.values():
        values.flags.writeable = False
    return table


def _both_rows(values: npt.ArrayLike, shape: tuple[int, int]) -> FloatArray:
    """A new ``(2, n)`` array holding ``values`` (one per dyad) in both people's rows."""
    arr = np.asarray(values)
    out = np.empty(shape, dtype=arr.dtype)
    out[...] = arr
    return out


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
    expressiveness: FloatArray
    warmth: FloatArray
    attractiveness: FloatArray
    leniency: FloatArray
    fear_of_being_known: FloatArray

    @classmethod
    def pair(cls, population: Population, persons: IntArray) -> DyadTraits:
        """Gather traits for dyads; ``persons`` has shape ``(n, 2)`` (indices into population)."""
        idx = np.asarray(persons, dtype=np.intp).T
        return cls(**{f.name: getattr(population, f.name)[idx] for f in fields(cls)})

    def rows(self) -> tuple[FloatArray, ...]:
        """The arrays of the traits a turn reads, in the order of :class:`PersonTraits`."""
        return tuple(getattr(self, name) for name in PersonTraits._fields)

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
    instruction: FloatArray
    approval_goal: FloatArray
    identity_goal: FloatArray
    control_goal: FloatArray
    attitude_similarity: FloatArray
    shared_reality: FloatArray

    @classmethod
    def initial(cls, traits: DyadTraits, context: ResolvedContext, params: Params,
                chemistry_noise: npt.ArrayLike, taste_noise: npt.ArrayLike | None = None,
                start: ResolvedStart | None = None) -> DyadState:
        """Where a relationship of the context's type starts, for these people.

        Closeness and the prior belief come from the relationship type; liking is the first
        impression (:func:`~nabij.model.impressions.first_impression`: the type's starting
        liking moved by the perceiver's leniency, the target's appeal, the pair's chemistry
        and the perceiver's taste; Kenny 1994) and perceived regard is projected from it
        (:func:`~nabij.model.impressions.projected_regard`); chronic self-esteem and rejection
        sensitivity colour the initial perceived regard and the expected responsiveness
        (Murray et al. 2000; Downey & Feldman 1996); felt security starts at chronic
        self-esteem (Leary et al. 1995).

        ``chemistry_noise`` is one standard normal per dyad ``(n,)``: the pair's chemistry is
        shared by both people (a ``(2, n)`` array's first row is taken). ``taste_noise``
        ``(2, n)`` is each perceiver's idiosyncratic taste (default: none). ``start``
        overrides any starting value the caller gives (:class:`~nabij.model.start.Start`).
        """
        code = context.relationship
        table = _relationship_table()
        n = code.size
        both = (2, n)
        given = start or ResolvedStart()
        chem = np.asarray(chemistry_noise, dtype=np.float64)
        chem = chem[0] if chem.ndim == 2 else chem
        chemistry = _both_rows(params.chemistry_sd * chem, both)
        taste = np.zeros(both) if taste_noise is None else np.asarray(taste_noise, dtype=np.float64)
        similarity = (np.full(n, 0.5) if given.attitude_similarity is None
                      else given.attitude_similarity)
        base_liking = _both_rows(table["liking"][code], both)
        # person r's impression of the partner (row 1 - r): the partner's appeal, own leniency
        appeal = target_appeal(traits.expressiveness, traits.warmth, traits.attractiveness, params)
        liking = first_impression(base_liking, traits.leniency, appeal[::-1], chemistry, taste,
                                  similarity, params)
        if given.liking is not None:
            liking = given.liking.copy()
        bias = (params.appraisal_self_esteem_bias * (traits.self_esteem - 0.5)
                - params.appraisal_rs_bias * (traits.rejection_sensitivity - 0.5))
        regard = projected_regard(table["regard"][code], bias, liking, base_liking, params)
        if given.regard is not None:
            regard = given.regard.copy()
        expected = np.clip(table["expected"][code] + bias, 0.0, 1.0)
        if given.expected_responsiveness is not None:
            expected = given.expected_responsiveness
        belief = prior_belief(expected, _both_rows(table["certainty"][code], both))

        def pick(value: FloatArray | None, default: npt.ArrayLike) -> FloatArray:
            return np.array(default if value is None else value, dtype=np.float64)

        return cls(
            closeness=pick(given.closeness, _both_rows(table["closeness"][code], both)),
            liking=np.asarray(liking, dtype=np.float64),
            regard=np.asarray(regard, dtype=np.float64),
            security=pick(given.security, traits.self_esteem),
            tension=pick(given.tension, np.zeros(both)),
            hurt=np.zeros(both),
            belief_mean=np.array(belief.mean),
            belief_certainty=np.array(belief.certainty),
            belief_shape=np.array(belief.shape),
            belief_rate=np.array(belief.rate),
            last_depth=np.zeros(both),
            left=np.zeros(both, dtype=bool),
            chemistry=chemistry,
            instruction=pick(given.instruction, np.zeros(both)),
            approval_goal=pick(given.approval_goal, np.zeros(both)),
            identity_goal=pick(given.identity_goal, np.zeros(both)),
            control_goal=pick(given.control_goal, np.zeros(both)),
            attitude_similarity=_both_rows(similarity, both),
            shared_reality=_both_rows(initial_shared_reality(similarity, params), both),
        )

    @property
    def n_dyads(self) -> int:
        return int(self.closeness.shape[1])

    def belief(self, row: int | slice = slice(None)) -> Belief:
        """The learned belief about the partner's responsiveness, for one row or both."""
        rows: Any = (x[row] for x in (self.belief_mean, self.belief_certainty,
                                      self.belief_shape, self.belief_rate))
        return Belief(*rows)

    def trust(self, params: Params) -> FloatArray:
        """Trust in the partner: the lower bound of the belief (seed 001)."""
        return np.asarray(trust_lower_bound(self.belief(), params.trust_z))

    def active(self) -> BoolArray:
        """Dyads in which nobody has left."""
        return np.asarray(~(self.left[0] | self.left[1]))

    def rows(self) -> tuple[FloatArray, ...]:
        """The arrays of the state a turn reads and writes, in the order of :class:`PersonState`."""
        return tuple(getattr(self, name) for name in PersonState._fields)

    def copy(self) -> DyadState:
        return DyadState(**{f.name: getattr(self, f.name).copy() for f in fields(self)})

    def take(self, index: IntArray) -> DyadState:
        return DyadState(**{f.name: getattr(self, f.name)[:, index] for f in fields(self)})
