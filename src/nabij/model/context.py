"""The situation a dyad meets in: relationship type, power, display norms, exposure.

Seed ``000`` names the context that shapes disclosure: a boss and an employee are not
friends (power asymmetry; Tardy, Dindia & Hargie 2006), cultures differ in what may be
shown (display norms; Matsumoto 1990), and who can hear and identify you matters (audience
and identifiability; Omarzu 2000, Joinson 2001). A :class:`Context` holds these per dyad;
:data:`RELATIONSHIPS` holds what each relationship type starts from.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]

__all__ = ["RELATIONSHIPS", "RELATIONSHIP_ALIASES", "Context", "RelationshipType", "canonical_relationship",
           "relationship_codes", "relationship_help"]


@dataclass(frozen=True)
class RelationshipType:
    """Where a relationship of this type starts.

    ``closeness`` and ``liking`` are on 0-1 (IOS = 1 + 6 x closeness); ``expected`` and
    ``certainty`` are the prior belief about the partner's responsiveness (mean, and its
    weight in observations); ``regard`` is the initial perceived regard; ``power`` is how
    far person 1 stands above person 0 (0 = equals). ``source`` names the work the numbers
    code and ``why`` says how (the table is data: ``relationships.toml``).
    """

    name: str
    closeness: float
    liking: float
    expected: float
    certainty: float
    regard: float
    power: float
    why: str
    source: str = ""


#: Where the relationship table lives: data with its sources, not code.
RELATIONSHIPS_FILE = "relationships.toml"


def _load_relationships() -> tuple[RelationshipType, ...]:
    """The relationship types of :data:`RELATIONSHIPS_FILE`, in their order (= their codes)."""
    text = resources.files("nabij.model").joinpath(RELATIONSHIPS_FILE).read_text("utf-8")
    rows = tomllib.loads(text)["relationship"]
    return tuple(RelationshipType(
        name=r["name"], closeness=float(r["closeness"]), liking=float(r["liking"]),
        expected=float(r["expected"]), certainty=float(r["certainty"]), regard=float(r["regard"]),
        power=float(r["power"]), why=f"{r['source']}: {r['why']}", source=r["source"])
        for r in rows)


RELATIONSHIPS: tuple[RelationshipType, ...] = _load_relationships()

_CODES = {r.name: i for i, r in enumerate(RELATIONSHIPS)}

#: Other words for the same types, so that every command takes the same vocabulary: the
#: journal's words (friend, partner, colleague, family, acquaintance) and singulars work
#: wherever a relationship type is asked for. Family and acquaintances map as the
#: journal's what-if does (to friends and strangers).
RELATIONSHIP_ALIASES = {
    "stranger": "strangers", "acquaintance": "strangers", "acquaintances": "strangers",
    "colleague": "colleagues", "coworker": "colleagues", "coworkers": "colleagues",
    "boss": "boss_employee", "employee": "boss_employee",
    "friend": "friends", "family": "friends",
    "partner": "romantic", "partners": "romantic", "couple": "romantic",
}


def canonical_relationship(name: str) -> str:
    """The model's name for a relationship word (``friend`` -> ``friends``); unknown words unchanged."""
    key = str(name).strip().lower().replace("-", "_").replace(" ", "_")
    return key if key in _CODES else RELATIONSHIP_ALIASES.get(key, str(name))


def relationship_help() -> str:
    """The allowed relationship words, for --help texts."""
    return (f"one of: {', '.join(_CODES)} (also: {', '.join(sorted(RELATIONSHIP_ALIASES))}, "
            "each meaning the type it names)")


def relationship_codes(names: str | npt.ArrayLike, n: int) -> IntArray:
    """Integer codes for relationship names (one name, or one per dyad), with a clear error."""
    arr = np.atleast_1d(np.asarray(names))
    canonical = [canonical_relationship(str(x)) for x in arr.ravel()]
    unknown = sorted(set(canonical) - set(_CODES))
    if unknown:
        raise ValueError(f"relationship: unknown type(s) {unknown}; choose from {list(_CODES)} "
                         f"(or a word for one of them: {', '.join(sorted(RELATIONSHIP_ALIASES))})")
    codes = np.array([_CODES[c] for c in canonical], dtype=np.intp)
    if codes.size == 1:
        return np.full(n, codes[0], dtype=np.intp)
    if codes.shape != (n,):
        raise ValueError(f"relationship: give one type, or one per dyad ({n}); got {codes.size}")
    return codes


def _per_dyad(value: npt.ArrayLike, n: int, name: str, low: float, high: float,
              per_person: bool = False) -> FloatArray:
    arr = np.asarray(value, dtype=np.float64)
    shape = (2, n) if per_person else (n,)
    try:
        out = np.broadcast_to(arr, shape).astype(np.float64)
    except ValueError as err:
        raise ValueError(f"{name}: give one value or an array broadcastable to {shape}; "
                         f"got shape {arr.shape}") from err
    if not np.all(np.isfinite(out)):
        raise ValueError(f"{name}: must be finite numbers in [{low:g}, {high:g}]; found NaN or inf")
    if out.size and (out.min() < low or out.max() > high):
        raise ValueError(f"{name}: must lie in [{low:g}, {high:g}]; got values in "
                         f"[{out.min():g}, {out.max():g}]")
    return out


@dataclass(frozen=True)
class Context:
    """The situation of each dyad. Scalars apply to every dyad; arrays give one per dyad.

    - ``relationship``: a name from :data:`RELATIONSHIPS` (strangers, colleagues,
      boss_employee, friends, romantic).
    - ``power``: how far person 1 stands above person 0, in [-1, 1]; ``None`` takes the
      relationship type's default (0.6 for boss_employee, else 0).
    - ``display_norm``: how freely the culture lets emotions be shown, in [0, 1]
      (0 = restrictive, 1 = expressive; default 0.6, a moderately expressive Western norm).
    - ``identifiability``: how identifiable the discloser is, in [0, 1] (0 = anonymous).
    - ``audience``: how many people hear the disclosure (>= 1; 1 = only the partner).
    - ``cognitive_load``: how much executive control is taken up, in [0, 1], per person or
      shared (Murray et al. 2008).
    """

    relationship: str | npt.ArrayLike = "strangers"
    power: float | npt.ArrayLike | None = None
    display_norm: float | npt.ArrayLike = 0.6
    identifiability: float | npt.ArrayLike = 1.0
    audience: float | npt.ArrayLike = 1.0
    cognitive_load: float | npt.ArrayLike = 0.0

    def resolve(self, n: int) -> ResolvedContext:
        """Validate and broadcast every field to ``n`` dyads."""
        codes = relationship_codes(self.relationship, n)
        if self.power is None:
            power = np.array([r.power for r in RELATIONSHIPS])[codes]
        else:
            power = _per_dyad(self.power, n, "power", -1.0, 1.0)
        # being below the partner in power, per person: person 0 is below by +power
        power_down = np.stack([np.clip(power, 0.0, 1.0), np.clip(-power, 0.0, 1.0)])
        return ResolvedContext(
            relationship=codes,
            power_down=power_down,
            display_norm=_per_dyad(self.display_norm, n, "display_norm", 0.0, 1.0),
            identifiability=_per_dyad(self.identifiability, n, "identifiability", 0.0, 1.0),
            audience=_per_dyad(self.audience, n, "audience", 1.0, 1e9),
            cognitive_load=_per_dyad(self.cognitive_load, n, "cognitive_load", 0.0, 1.0,
                                     per_person=True),
        )


@dataclass(frozen=True)
class ResolvedContext:
    """A :class:`Context` broadcast to arrays: per dyad ``(n,)`` or per person ``(2, n)``."""

    relationship: IntArray
    power_down: FloatArray
    display_norm: FloatArray
    identifiability: FloatArray
    audience: FloatArray
    cognitive_load: FloatArray

    def take(self, index: npt.NDArray[np.intp]) -> ResolvedContext:
        """The context of the dyads at ``index``."""
        return ResolvedContext(
            self.relationship[index], self.power_down[:, index], self.display_norm[index],
            self.identifiability[index], self.audience[index], self.cognitive_load[:, index])
