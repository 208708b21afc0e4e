"""Per-dyad and per-person starting state and inputs, given by the caller.

Experiments manipulate where people start: "the partner was told you will like them"
(expected responsiveness, perceived regard), a confederate who is liked or not, an
instruction to get close, pairs matched on an attitude they share or not. A :class:`Start`
holds such values; anything left out (``None``) starts where the model puts it (the
relationship type, the first impression and its projection; :class:`~nabij.model.state.DyadState`).

Shapes: a scalar applies to everyone; an array of shape ``(n,)`` gives one value per dyad
(both people); ``(2, n)`` one per person (row 0 = person 0 of every dyad). ``attitude_similarity``
is a property of the pair, so it takes a scalar or ``(n,)``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

__all__ = ["PERSON_FIELDS", "ResolvedStart", "Start"]

#: The per-person fields and their allowed ranges.
PERSON_FIELDS: dict[str, tuple[float, float]] = {
    "closeness": (0.0, 1.0),
    "liking": (0.0, 1.0),
    "regard": (0.0, 1.0),
    "expected_responsiveness": (0.0, 1.0),
    "security": (0.0, 1.0),
    "tension": (0.0, 1.0),
    "instruction": (-1.0, 1.0),
    "approval_goal": (0.0, 1.0),
    "identity_goal": (0.0, 1.0),
    "control_goal": (0.0, 1.0),
}


def _resolve(name: str, value: Any, n: int, low: float, high: float, per_person: bool) -> FloatArray:
    arr = np.asarray(value, dtype=np.float64)
    shape = (2, n) if per_person else (n,)
    try:
        out = np.broadcast_to(arr, shape).astype(np.float64)
    except ValueError as err:
        hint = "one value, one per dyad (n,) or one per person (2, n)" if per_person else \
            "one value or one per dyad (n,)"
        raise ValueError(f"start.{name}: give {hint} for {n} dyads; got shape {arr.shape}") from err
    if not np.all(np.isfinite(out)):
        raise ValueError(f"start.{name}: must be finite numbers in [{low:g}, {high:g}]; found NaN "
                         "or inf (leave the field out to use the model's own start)")
    if out.size and (out.min() < low or out.max() > high):
        raise ValueError(f"start.{name}: must lie in [{low:g}, {high:g}]; got values in "
                         f"[{out.min():g}, {out.max():g}]")
    return out


@dataclass(frozen=True)
class Start:
    """Starting values for some or all dyads; ``None`` leaves a field to the model.

    - ``closeness``, ``liking``, ``regard`` (perceived regard), ``expected_responsiveness``
      (the mean of the belief about the partner's responsiveness), ``security`` (felt
      security) and ``tension``: each on [0, 1], per dyad or per person. A given ``liking``
      replaces the first impression, and perceived regard is then projected from it unless
      ``regard`` is given too.
    - ``instruction``: a goal set from outside, on [-1, 1]: +1 "try to get close", -1 "keep
      your distance", 0 none (Omarzu 2000: situational cues make goals salient).
    - ``approval_goal``, ``identity_goal``, ``control_goal``: how active Omarzu's (2000)
      other goals of disclosure are, on [0, 1] (default 0): seeking approval, clarifying
      one's identity, social control.
    - ``attitude_similarity``: how similar the pair's attitudes are, on [0, 1] (0.5 = not
      known; Byrne 1971); one value per dyad.
    """

    closeness: npt.ArrayLike | None = None
    liking: npt.ArrayLike | None = None
    regard: npt.ArrayLike | None = None
    expected_responsiveness: npt.ArrayLike | None = None
    security: npt.ArrayLike | None = None
    tension: npt.ArrayLike | None = None
    instruction: npt.ArrayLike | None = None
    approval_goal: npt.ArrayLike | None = None
    identity_goal: npt.ArrayLike | None = None
    control_goal: npt.ArrayLike | None = None
    attitude_similarity: npt.ArrayLike | None = None

    def resolve(self, n: int) -> ResolvedStart:
        """Validate and broadcast every given field to ``n`` dyads (a clear error otherwise)."""
        values: dict[str, FloatArray | None] = {}
        for name, (low, high) in PERSON_FIELDS.items():
            v = getattr(self, name)
            values[name] = None if v is None else _resolve(name, v, n, low, high, per_person=True)
        sim = self.attitude_similarity
        values["attitude_similarity"] = (None if sim is None
                                         else _resolve("attitude_similarity", sim, n, 0.0, 1.0, False))
        return ResolvedStart(**values)


@dataclass(frozen=True)
class ResolvedStart:
    """A :class:`Start` broadcast to arrays (``None`` = not given)."""

    closeness: FloatArray | None = None
    liking: FloatArray | None = None
    regard: FloatArray | None = None
    expected_responsiveness: FloatArray | None = None
    security: FloatArray | None = None
    tension: FloatArray | None = None
    instruction: FloatArray | None = None
    approval_goal: FloatArray | None = None
    identity_goal: FloatArray | None = None
    control_goal: FloatArray | None = None
    attitude_similarity: FloatArray | None = None

    def take(self, index: npt.NDArray[np.intp]) -> ResolvedStart:
        """The start of the dyads at ``index``."""
        out: dict[str, FloatArray | None] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = None if v is None else v[..., index]
        return ResolvedStart(**out)
