"""Who meets whom: a pairing is an ``(n_dyads, 2)`` array of person indices.

Designs: fixed pairs (0-1, 2-3, ...), a round robin within groups (every pair meets, as in
speed dating), one person with several confidants, or random pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from nabij._rng import RngLike, as_generator

IntArray = npt.NDArray[np.intp]

__all__ = ["Pairing", "fixed_pairs", "one_with_many", "random_pairs", "round_robin"]


@dataclass(frozen=True)
class Pairing:
    """Dyads as pairs of person indices; ``persons[d] = (person 0, person 1)`` of dyad ``d``."""

    persons: IntArray
    design: str = "custom"

    def __post_init__(self) -> None:
        arr = np.asarray(self.persons)
        if arr.ndim != 2 or arr.shape[1] != 2 or arr.shape[0] == 0:
            raise ValueError("persons: give an array of shape (n_dyads, 2) with n_dyads >= 1")
        if not np.issubdtype(arr.dtype, np.integer):
            raise ValueError("persons: person indices must be integers")
        if (arr < 0).any():
            raise ValueError("persons: person indices must be >= 0")
        if (arr[:, 0] == arr[:, 1]).any():
            raise ValueError("persons: a person cannot be paired with themselves")
        object.__setattr__(self, "persons", arr.astype(np.intp))

    def __len__(self) -> int:
        return int(self.persons.shape[0])

    def check_population(self, size: int) -> None:
        """Raise if a dyad refers to a person the population does not have."""
        top = int(self.persons.max())
        if top >= size:
            raise ValueError(f"pairing refers to person {top}, but the population has only "
                             f"{size} people (indices 0-{size - 1})")


def fixed_pairs(n_people: int) -> Pairing:
    """Persons 0-1, 2-3, ...: each person in exactly one dyad (``n_people`` must be even)."""
    if n_people < 2 or n_people % 2:
        raise ValueError(f"n_people: fixed pairs need an even number >= 2, got {n_people}")
    return Pairing(np.arange(n_people, dtype=np.intp).reshape(-1, 2), "fixed_pairs")


def round_robin(n_people: int, group_size: int | None = None) -> Pairing:
    """Every pair within each group meets once (speed dating); one group by default."""
    size = n_people if group_size is None else group_size
    if size < 2 or n_people % size:
        raise ValueError(f"group_size: groups of >= 2 must divide the {n_people} people evenly")
    i, j = np.triu_indices(size, k=1)
    base = np.stack([i, j], axis=1)
    groups = [base + g * size for g in range(n_people // size)]
    return Pairing(np.concatenate(groups).astype(np.intp), "round_robin")


def one_with_many(n_confidants: int, focal: int = 0) -> Pairing:
    """One person (``focal``, person 0 of every dyad) with each of ``n_confidants`` others.

    The population must hold the focal person and the confidants (indices other than focal).
    """
    if n_confidants < 1:
        raise ValueError(f"n_confidants: must be >= 1, got {n_confidants}")
    others = np.array([k for k in range(n_confidants + 1) if k != focal], dtype=np.intp)
    return Pairing(np.stack([np.full(n_confidants, focal, dtype=np.intp), others], axis=1),
                   "one_with_many")


def random_pairs(n_people: int, rng: RngLike = None) -> Pairing:
    """A random perfect matching of ``n_people`` (even) people."""
    if n_people < 2 or n_people % 2:
        raise ValueError(f"n_people: random pairs need an even number >= 2, got {n_people}")
    order = as_generator(rng).permutation(n_people).astype(np.intp)
    return Pairing(order.reshape(-1, 2), "random_pairs")
