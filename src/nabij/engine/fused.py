"""The fused turn: every rule of a turn in one compiled, vectorized loop over a tile of dyads.

:func:`nabij.model.turn.take_turn` applies the model's turn to all dyads through a generic
element-wise loop that writes every result to a temporary array. Here numba compiles the
same scalar turn, :func:`nabij.model.turn.dyad_turn`, and the rules it calls
(:func:`~nabij.model.elementwise.compile_rules`) into one loop that the CPU runs 8 dyads at a time
(AVX-512; 4 with AVX2): each dyad's state is read once, advanced in registers and written
once per turn. Same rules, same order, float64 throughout; the one difference is the
logistic function, computed with a polynomial the compiler can vectorize (:func:`sigmoid`,
within 1e-13 of ``tanh``'s). This module holds the layout and the pieces that read and
write one dyad of a tile; :mod:`.kernel` runs them over sub-tiles and spans of turns.
``tests/engine/test_fused.py`` checks the fused path against the reference.

Everything a turn touches lives in one *tile*: a single float64 array of :data:`N_ROWS`
rows of :data:`TILE` dyads (filled by :mod:`.tiles`, stepped by :mod:`.kernel`). One base
array with rows at fixed offsets is what lets the compiler prove that the loop's loads and
stores do not overlap, so it vectorizes without run-time checks; rows are :data:`ROW` apart
(a little more than a tile) so that the rows of one dyad do not compete for the same L1
cache sets.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import fields
from pathlib import Path
from typing import Any

try:
    import numba
except ImportError as _absent:  # a light install (the journal): say which extra brings it
    from nabij.extras import missing

    raise missing("numba", "lab", "The fast simulation kernel (nabij.engine.fused)") from _absent
import numpy as np
import numpy.typing as npt
import platformdirs

from nabij.engine.streams import BLOCK_SIZE
from nabij.model.elementwise import ParamValues, compile_rules
from nabij.model.person import PersonState, PersonTraits
from nabij.model.state import DyadState, DyadTraits
from nabij.model.turn import dyad_turn

FloatArray = npt.NDArray[np.float64]

__all__ = ["N_ROWS", "ROW", "TILE", "sigmoid"]

#: Dyads per tile (one random-stream block).
TILE = BLOCK_SIZE
#: Distance between two rows of a tile, in elements: a tile plus three cache lines.
ROW = TILE + 24

_STATE_FIELDS = tuple(f.name for f in fields(DyadState))
_TRAIT_FIELDS = tuple(f.name for f in fields(DyadTraits))
_OUTCOME_FIELDS = ("topic_intimacy", "willingness", "depth", "kept_depth", "breadth", "edited",
                   "flooded", "actual_responsiveness", "perceived_responsiveness", "new_hurt")
_NS, _NT = len(_STATE_FIELDS), len(_TRAIT_FIELDS)
_LEFT = _STATE_FIELDS.index("left")

# The rows of a tile. Person r's state field f is row STATE + r * _NS + f, trait t is row
# TRAITS + r * _NT + t; per-person context has one row per person; "left" and "flooded" are
# stored as 0.0 / 1.0.
STATE = 0
TRAITS = STATE + 2 * _NS
POWER_DOWN = TRAITS + 2 * _NT
LOAD = POWER_DOWN + 2
DISPLAY = LOAD + 2
EXPOSURE = DISPLAY + 1
NOISE_ACTUAL = EXPOSURE + 1
NOISE_PERCEIVED = NOISE_ACTUAL + 1
OUTCOME = NOISE_PERCEIVED + 1
INTIMACY = OUTCOME + len(_OUTCOME_FIELDS)
N_ROWS = INTIMACY + 2

_INV_FACTORIAL = tuple(1.0 / math.factorial(k) for k in range(15))

_PARAM_NAMES: tuple[str, ...] = ParamValues._fields  # the model's parameters, which numba keeps in registers


def sigmoid(x: float) -> float:
    """The logistic function, vectorizable: ``1 / (1 + exp(-x))`` with exp as a polynomial.

    ``exp(-x) = exp(-x / 64) ** 64``: a degree-14 Taylor polynomial at ``|x / 64| <= 0.625``
    (truncation below 1e-15), then six squarings. Inputs are clipped to +-40, where the
    logistic is 0 or 1 to float64 precision anyway. Agrees with ``0.5 (1 + tanh(x / 2))``
    to 1e-13 (relative).
    """
    z = min(max(x, -40.0), 40.0) * (-1.0 / 64.0)
    e = _INV_FACTORIAL[14]
    for k in range(13, -1, -1):
        e = e * z + _INV_FACTORIAL[k]
    for _ in range(6):
        e = e * e
    return 1.0 / (1.0 + e)


def _cache_dir() -> str:
    """numba's cache for this kernel, keyed by the source it is built from (stale code never loads).

    The kernel freezes more than its own file: the model's scalar rules, the parameter and state
    field orders, learning's constants, the block size. So the key hashes every module of
    ``nabij.model`` and ``nabij.engine``.
    """
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent.parent
    for path in sorted([*package.glob("model/*.py"), *package.glob("engine/*.py")]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return str(Path(platformdirs.user_cache_dir("nabij")) / "numba" / digest.hexdigest()[:16])


#: The model's own turn and every rule it calls, compiled to be inlined into the tile loop,
#: with the vectorizable logistic in place of the exact one.
_dyad_turn = compile_rules(
    [dyad_turn], sigmoid=numba.njit(error_model="numpy", inline="always")(sigmoid))["dyad_turn"]

_make_params_src = ("def make_params(a):\n    return ParamValues("
                    + ", ".join(f"a[{k}]" for k in range(len(_PARAM_NAMES))) + ")\n")
_make_params_env: dict[str, Any] = {"ParamValues": ParamValues}
exec(_make_params_src, _make_params_env)  # a constructor numba can compile (no *args there)
_make_params = numba.njit(inline="always")(_make_params_env["make_params"])


# A person's state and traits are the first rows of their block, in the order of PersonState
# and PersonTraits (checked here, so the readers below cannot drift from the fields).
assert _STATE_FIELDS[:len(PersonState._fields)] == PersonState._fields
assert _TRAIT_FIELDS[:len(PersonTraits._fields)] == PersonTraits._fields
_SHARED_REALITY = _STATE_FIELDS.index("shared_reality")


@numba.njit(error_model="numpy", inline="always")
def _person(w: Any, r: int, i: int) -> PersonState:
    b = (STATE + r * _NS) * ROW + i
    return PersonState(w[b], w[b + ROW], w[b + 2 * ROW], w[b + 3 * ROW], w[b + 4 * ROW],
                       w[b + 5 * ROW], w[b + 6 * ROW], w[b + 7 * ROW], w[b + 8 * ROW],
                       w[b + 9 * ROW], w[b + 10 * ROW], w[b + 11 * ROW] != 0.0, w[b + 12 * ROW],
                       w[b + 13 * ROW], w[b + 14 * ROW], w[b + 15 * ROW], w[b + 16 * ROW],
                       w[b + 17 * ROW], w[b + 18 * ROW])


@numba.njit(error_model="numpy", inline="always")
def _traits(w: Any, r: int, i: int) -> PersonTraits:
    b = (TRAITS + r * _NT) * ROW + i
    return PersonTraits(w[b], w[b + ROW], w[b + 2 * ROW], w[b + 3 * ROW], w[b + 4 * ROW],
                        w[b + 5 * ROW], w[b + 6 * ROW], w[b + 7 * ROW], w[b + 8 * ROW],
                        w[b + 9 * ROW], w[b + 10 * ROW], w[b + 11 * ROW])


@numba.njit(error_model="numpy", inline="always")
def _put(w: Any, b: int, values: Any) -> None:
    """Write the floats ``values`` to consecutive rows of ``w``, from index ``b`` on."""
    for k in range(len(values)):
        w[b + k * ROW] = values[k]


@numba.njit(error_model="numpy", inline="always")
def _store(w: Any, r: int, i: int, x: PersonState) -> None:
    _put(w, (STATE + r * _NS) * ROW + i,
         (x.closeness, x.liking, x.regard, x.security, x.tension, x.hurt, x.belief_mean,
          x.belief_certainty, x.belief_shape, x.belief_rate, x.last_depth, 1.0 if x.left else 0.0))
    w[(STATE + r * _NS + _SHARED_REALITY) * ROW + i] = x.shared_reality
