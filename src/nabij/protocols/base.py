"""A protocol: what each turn of an interaction asks, as arrays over turns.

A protocol is data, the same for every dyad: who speaks at each turn, how intimate the
topic is (NaN = self-paced), its valence and how emotional it is, and how many days pass
before the turn (a positive gap starts a new session). Experiments with a confederate or
bogus feedback (Leary et al. 1995; Downey & Feldman 1996) script the listener's reaction:
``feedback`` fixes the responsiveness shown (NaN = the listener reacts on their own) and
``relevance`` how personal it is (1 = about who one is, 0 = random; NaN = as deep as the
disclosure). ``cost`` (0-1) is what a good response costs the listener in a situation of
dependence (asking for help, a conflict of interest, a sacrifice; default 0). Protocols
compose: :func:`sequence` joins them with gaps, :func:`repeat` runs one over several days.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from nabij.model.turn import TurnInput

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

__all__ = ["Protocol", "built_once", "make_protocol", "repeat", "sequence"]

P = TypeVar("P", bound=Callable[..., Any])


def _array(name: str, value: npt.ArrayLike, t: int, low: float, high: float,
           allow_nan: bool = False) -> FloatArray:
    arr = np.asarray(value, dtype=np.float64)
    try:
        arr = np.broadcast_to(arr, (t,)).astype(np.float64)
    except ValueError as err:
        raise ValueError(f"{name}: give one value or one per turn ({t}); got shape {arr.shape}") from err
    finite = arr[~np.isnan(arr)] if allow_nan else arr
    if not allow_nan and np.isnan(arr).any():
        raise ValueError(f"{name}: NaN is not allowed; give numbers in [{low:g}, {high:g}]")
    if np.isinf(finite).any() or (finite.size and (finite.min() < low or finite.max() > high)):
        raise ValueError(f"{name}: must lie in [{low:g}, {high:g}]"
                         + (" (or NaN for self-paced)" if allow_nan else ""))
    return arr


@dataclass(frozen=True)
class Protocol:
    """The turns of an interaction (see module docstring). Arrays are validated on creation."""

    name: str
    speaker: IntArray
    topic_intimacy: FloatArray
    valence: FloatArray
    emotional: FloatArray
    gap_days: FloatArray
    labels: tuple[str, ...] = field(default=())
    feedback: FloatArray = field(default_factory=lambda: np.array(np.nan))
    relevance: FloatArray = field(default_factory=lambda: np.array(np.nan))
    cost: FloatArray = field(default_factory=lambda: np.array(0.0))

    def __post_init__(self) -> None:
        spk = np.asarray(self.speaker)
        if spk.ndim != 1 or spk.size == 0:
            raise ValueError("speaker: give one speaker (0 or 1) per turn; a protocol needs >= 1 turn")
        if not np.isin(spk, (0, 1)).all():
            raise ValueError("speaker: each turn's speaker must be 0 or 1 (person 0 or person 1)")
        t = spk.size
        object.__setattr__(self, "speaker", spk.astype(np.int64))
        object.__setattr__(self, "topic_intimacy",
                           _array("topic_intimacy", self.topic_intimacy, t, 0, 1, allow_nan=True))
        object.__setattr__(self, "valence", _array("valence", self.valence, t, -1, 1))
        object.__setattr__(self, "emotional", _array("emotional", self.emotional, t, 0, 1))
        object.__setattr__(self, "gap_days", _array("gap_days", self.gap_days, t, 0, 3650))
        object.__setattr__(self, "feedback", _array("feedback", self.feedback, t, 0, 1, allow_nan=True))
        object.__setattr__(self, "relevance", _array("relevance", self.relevance, t, 0, 1, allow_nan=True))
        object.__setattr__(self, "cost", _array("cost", self.cost, t, 0, 1))
        if self.labels and len(self.labels) != t:
            raise ValueError(f"labels: give one label per turn ({t}) or none")
        for f in fields(self):  # validated once: read-only from here on, so it stays valid
            value = getattr(self, f.name)
            if isinstance(value, np.ndarray):
                value.flags.writeable = False

    def __len__(self) -> int:
        return int(self.speaker.size)

    @property
    def scripted(self) -> bool:
        """Whether any turn's reaction is scripted by the experimenter."""
        return bool(np.isfinite(self.feedback).any() or np.isfinite(self.relevance).any())

    @property
    def session(self) -> IntArray:
        """Session number of each turn (a new session starts at each positive gap)."""
        starts = (self.gap_days > 0).astype(np.int64)
        starts[0] = 0
        return np.cumsum(starts)

    @property
    def day(self) -> FloatArray:
        """Day of each turn, counting from 0."""
        return np.cumsum(self.gap_days)

    def turns(self) -> Iterator[tuple[float, TurnInput]]:
        """``(gap_days, TurnInput)`` for each turn, in order."""
        for t in range(len(self)):
            yield float(self.gap_days[t]), TurnInput(int(self.speaker[t]),
                                                     float(self.topic_intimacy[t]),
                                                     float(self.valence[t]),
                                                     float(self.emotional[t]),
                                                     float(self.feedback[t]),
                                                     float(self.relevance[t]),
                                                     float(self.cost[t]))

    def label(self, t: int) -> str:
        return self.labels[t] if self.labels else f"turn {t}"


def built_once(builder: P) -> P:
    """Cache a protocol builder: equal arguments give the same (read-only) :class:`Protocol`.

    A protocol is data that never changes after it is validated (its arrays are read-only),
    so a study that asks for the 36 questions at every one of its simulations need not
    build and validate them again each time. Arguments are told apart by type as well as
    value (``3`` and ``3.0`` are two entries); a call with an unhashable argument (an
    array) builds a fresh protocol.
    """
    cached = functools.lru_cache(maxsize=256, typed=True)(builder)

    @functools.wraps(builder)
    def build(*args: Any, **kwargs: Any) -> Any:
        try:
            hash((args, tuple(kwargs.items())))
        except TypeError:
            return builder(*args, **kwargs)
        return cached(*args, **kwargs)

    build.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return build  # type: ignore[return-value]


def make_protocol(name: str, speaker: npt.ArrayLike, topic_intimacy: npt.ArrayLike,
                  valence: npt.ArrayLike = 0.0, emotional: npt.ArrayLike = 0.5,
                  gap_days: npt.ArrayLike = 0.0, *, feedback: npt.ArrayLike = np.nan,
                  relevance: npt.ArrayLike = np.nan, cost: npt.ArrayLike = 0.0,
                  labels: Sequence[str] = ()) -> Protocol:
    """A :class:`Protocol` from scalars or per-turn sequences (scalars apply to every turn).

    The turn count is the length of ``speaker``; defaults: neutral valence, half emotional,
    no gaps, the listener's own reactions (no scripted ``feedback`` or ``relevance``).
    """
    def arr(x: npt.ArrayLike) -> FloatArray:
        return np.asarray(x, dtype=np.float64)

    return Protocol(name, np.asarray(speaker), arr(topic_intimacy), arr(valence), arr(emotional),
                    arr(gap_days), tuple(labels), feedback=arr(feedback), relevance=arr(relevance),
                    cost=arr(cost))


def sequence(parts: Sequence[Protocol], gaps_days: Sequence[float] | float = 0.0,
             name: str | None = None) -> Protocol:
    """Join protocols one after another; ``gaps_days`` days pass before each later part."""
    if not parts:
        raise ValueError("parts: give at least one protocol to join")
    gaps = [float(gaps_days)] * (len(parts) - 1) if np.isscalar(gaps_days) else list(gaps_days)  # type: ignore[arg-type]
    if len(gaps) != len(parts) - 1:
        raise ValueError(f"gaps_days: give one gap between each pair of parts ({len(parts) - 1})")
    gap_arrays = []
    for i, part in enumerate(parts):
        g = part.gap_days.copy()
        if i > 0:
            g[0] = g[0] + gaps[i - 1]
        gap_arrays.append(g)
    labelled = all(p.labels for p in parts)
    return Protocol(
        name=name or " + ".join(p.name for p in parts),
        speaker=np.concatenate([p.speaker for p in parts]),
        topic_intimacy=np.concatenate([p.topic_intimacy for p in parts]),
        valence=np.concatenate([p.valence for p in parts]),
        emotional=np.concatenate([p.emotional for p in parts]),
        gap_days=np.concatenate(gap_arrays),
        labels=tuple(lb for p in parts for lb in p.labels) if labelled else (),
        feedback=np.concatenate([p.feedback for p in parts]),
        relevance=np.concatenate([p.relevance for p in parts]),
        cost=np.concatenate([p.cost for p in parts]),
    )


def repeat(protocol: Protocol, sessions: int, gap_days: float = 1.0) -> Protocol:
    """The same interaction on ``sessions`` occasions, ``gap_days`` apart (repeated interactions)."""
    if sessions < 1:
        raise ValueError(f"sessions: must be >= 1, got {sessions}")
    if gap_days <= 0:
        raise ValueError(f"gap_days: sessions must be at least some time apart (> 0), got {gap_days}")
    return sequence([protocol] * sessions, gap_days, name=f"{protocol.name} x{sessions}")
