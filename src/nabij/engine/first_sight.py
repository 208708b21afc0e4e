"""First sight: every dyad's state before a word is said (zero acquaintance).

Designs that rate strangers after only seeing them (the zero-acquaintance round robins of
personality and attraction research, e.g. Kenny 1994; Back, Schmukle & Egloff 2008) need the
model's starting state without any turn. The engine owns the random streams, so the draws
live here: the pair's chemistry and each perceiver's taste are drawn from the seed's block
streams (:class:`~nabij.engine.streams.BlockStreams`), the way a simulation draws them.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_seed_sequence
from nabij.engine.pairing import Pairing
from nabij.engine.streams import BlockStreams
from nabij.model.context import Context
from nabij.model.params import Params
from nabij.model.state import DyadState, DyadTraits
from nabij.model.traits import Population

__all__ = ["first_sight"]


def first_sight(population: Population, pairing: Pairing | npt.ArrayLike, params: Params | None = None,
                context: Context | None = None, rng: RngLike = None) -> DyadState:
    """The state of every dyad of ``pairing`` at first sight: first impressions, no talk.

    ``pairing`` is a :class:`~nabij.engine.pairing.Pairing` or an ``(n, 2)`` array of person
    indices. Liking is each perceiver's first impression of the partner and perceived regard
    is projected from it (:meth:`~nabij.model.state.DyadState.initial`).
    """
    persons = pairing.persons if isinstance(pairing, Pairing) else np.asarray(pairing, dtype=np.int64)
    if persons.ndim != 2 or persons.shape[1] != 2:
        raise ValueError(f"pairing: expected (dyads, 2) person indices, got shape {persons.shape}")
    n = persons.shape[0]
    noise = BlockStreams(as_seed_sequence(rng), 0, n).normal_rows(3)  # chemistry, then each taste
    traits = DyadTraits.pair(population, persons)
    ctx = (context or Context()).resolve(n)
    return DyadState.initial(traits, ctx, params or Params(), noise[0], noise[1:])
