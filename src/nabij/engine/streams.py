"""Random streams per block of dyads, so results do not depend on how the work is split.

Dyads are cut into blocks of :data:`BLOCK_SIZE`; block ``b`` draws from the generator of
child ``b`` of the run's root :class:`~numpy.random.SeedSequence` (as ``root.spawn`` would
number it). Each block always draws the same numbers in the same order - the pair's
chemistry and both people's first-impression taste at the start, then two normal arrays per
turn - so a run of N dyads equals the concatenation
of runs on consecutive block-aligned parts (batch-split invariance), and any run can be
replayed from its root seed.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from nabij._rng import child_sequence

FloatArray = npt.NDArray[np.float64]

__all__ = ["BLOCK_SIZE", "BlockStreams"]

#: Dyads per random-stream block. Part of the reproducibility contract: changing it changes
#: the numbers a seed produces.
BLOCK_SIZE = 4096


class BlockStreams:
    """The generators for dyads ``[start, stop)`` of a run (``start`` on a block boundary)."""

    def __init__(self, root: np.random.SeedSequence, first_block: int, n_dyads: int,
                 block_size: int = BLOCK_SIZE) -> None:
        n_blocks = -(-n_dyads // block_size)
        self.bounds = [(b * block_size, min(n_dyads, (b + 1) * block_size))
                       for b in range(n_blocks)]
        self.generators = [np.random.Generator(np.random.PCG64(child_sequence(root, first_block + b)))
                           for b in range(n_blocks)]

    def normal_pair(self) -> FloatArray:
        """Standard normals of shape ``(2, n)``: one row per person (drawn block by block)."""
        return self.normal_rows(2)

    def normal_rows(self, rows: int) -> FloatArray:
        """Standard normals of shape ``(rows, n)``, drawn block by block."""
        n = self.bounds[-1][1] if self.bounds else 0
        out = np.empty((rows, n))
        for (a, b), gen in zip(self.bounds, self.generators, strict=True):
            out[:, a:b] = gen.standard_normal((rows, b - a))
        return out

    def normal(self, out: FloatArray) -> FloatArray:
        """Fill the 1-D ``out`` with standard normals, block by block, and return it."""
        for (a, b), gen in zip(self.bounds, self.generators, strict=True):
            gen.standard_normal(out=out[a:b])
        return out
