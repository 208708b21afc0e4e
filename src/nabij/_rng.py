"""One way to turn any seed-like value into random streams, and to spawn replications.

Every function in nabij that draws random numbers takes a single ``rng`` argument: an
``int`` seed, a :class:`numpy.random.SeedSequence`, a :class:`numpy.random.Generator`, or
``None`` (fresh entropy). This module is the only place that interprets it (the habit of
mesa 3's ``Model(rng=...)`` and scikit-learn's ``random_state``). Replications get seeds
spawned from a :class:`~numpy.random.SeedSequence`, never ``seed + i``.
"""

from __future__ import annotations

from typing import Any, TypeAlias

import numpy as np

RngLike: TypeAlias = int | np.random.SeedSequence | np.random.Generator | None

__all__ = ["RngLike", "as_generator", "as_seed_sequence", "child_sequence", "spawn"]


def as_seed_sequence(rng: RngLike) -> np.random.SeedSequence:
    """Return the :class:`SeedSequence` behind any seed-like value.

    A ``Generator`` is reduced to the seed sequence it was built from, so passing
    ``np.random.default_rng(7)`` or ``7`` gives the same streams.
    """
    if isinstance(rng, np.random.SeedSequence):
        return rng
    if isinstance(rng, np.random.Generator):
        seq = rng.bit_generator.seed_seq
        if not isinstance(seq, np.random.SeedSequence):
            raise TypeError(
                "rng: this Generator was not built from a SeedSequence; "
                "pass an int seed or a SeedSequence instead"
            )
        return seq
    if rng is None or (isinstance(rng, int | np.integer) and not isinstance(rng, bool)):
        if rng is not None and int(rng) < 0:
            raise ValueError(f"rng: a seed must be >= 0, got {rng}")
        return np.random.SeedSequence(None if rng is None else int(rng))
    raise TypeError(
        f"rng: expected an int seed, a SeedSequence, a Generator or None, got {type(rng).__name__}"
    )


def as_generator(rng: RngLike) -> np.random.Generator:
    """Return a Generator for ``rng``; an existing Generator is passed through unchanged."""
    if isinstance(rng, np.random.Generator):
        return rng
    return np.random.default_rng(as_seed_sequence(rng))


def child_sequence(root: np.random.SeedSequence, index: int) -> np.random.SeedSequence:
    """The ``index``-th child of ``root``, exactly as ``root.spawn`` would number it.

    Unlike ``spawn`` this is stateless, so the k-th block of dyads always gets the same
    stream however the work is split.
    """
    return np.random.SeedSequence(
        root.entropy, spawn_key=(*root.spawn_key, index), pool_size=root.pool_size
    )


def spawn(rng: RngLike, n: int) -> list[np.random.SeedSequence]:
    """``n`` independent child seed sequences of ``rng``, for replications."""
    if n < 0:
        raise ValueError(f"n: the number of replications must be >= 0, got {n}")
    root = as_seed_sequence(rng)
    return [child_sequence(root, i) for i in range(n)]


def describe(seq: np.random.SeedSequence) -> dict[str, Any]:
    """A JSON-friendly description from which ``seq`` can be rebuilt exactly."""
    return {"entropy": seq.entropy, "spawn_key": list(seq.spawn_key), "pool_size": seq.pool_size}
