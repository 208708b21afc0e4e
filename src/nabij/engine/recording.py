"""What a simulation records is declared by the caller, not written into the step.

A reporter is a function of the state (and, per turn, the turn's outcome) that returns an
array of shape ``(n,)`` (per dyad) or ``(2, n)`` (per person). A final reporter may take a
third argument, the dyads' traits (:class:`~nabij.model.state.DyadTraits`), to report on
who the people are (``lambda st, p, traits: st.liking * traits.leniency``). :data:`TURN_REPORTERS` and
:data:`FINAL_REPORTERS` name the built-in ones; a :class:`Recorder` picks from them or takes
your own callables (mesa's ``DataCollector`` idea).
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from nabij.model.arrays import desired_closeness, would_meet_again
from nabij.model.params import Params
from nabij.model.state import DyadState, DyadTraits
from nabij.model.turn import TurnOutcome

FloatArray = npt.NDArray[np.float64]
TurnReporter = Callable[[DyadState, TurnOutcome, Params], npt.NDArray[np.generic]]
FinalReporter = (Callable[[DyadState, Params], npt.NDArray[np.generic]]
                 | Callable[[DyadState, Params, DyadTraits], npt.NDArray[np.generic]])

__all__ = ["FINAL_REPORTERS", "TURN_REPORTERS", "Recorder", "ios", "to_seven_point"]


def to_seven_point(x: npt.ArrayLike) -> FloatArray:
    """Map a 0-1 state onto a 1-7 instrument scale (IOS, liking): ``1 + 6 x``."""
    return np.asarray(1.0 + 6.0 * np.asarray(x, dtype=np.float64))


ios = to_seven_point

TURN_REPORTERS: dict[str, TurnReporter] = {
    "speaker": lambda st, o, p: np.full(st.n_dyads, o.speaker, dtype=np.int8),
    "topic_intimacy": lambda st, o, p: o.topic_intimacy,
    "willingness": lambda st, o, p: o.willingness,
    "depth": lambda st, o, p: o.depth,
    "kept_depth": lambda st, o, p: o.kept_depth,
    "breadth": lambda st, o, p: o.breadth,
    "edited": lambda st, o, p: o.edited,
    "flooded": lambda st, o, p: o.flooded,
    "actual_responsiveness": lambda st, o, p: o.actual_responsiveness,
    "perceived_responsiveness": lambda st, o, p: o.perceived_responsiveness,
    "new_hurt": lambda st, o, p: o.new_hurt,
    "intimacy": lambda st, o, p: o.intimacy,
    "closeness": lambda st, o, p: st.closeness.copy(),
    "ios": lambda st, o, p: ios(st.closeness),
    "liking": lambda st, o, p: st.liking.copy(),
    "regard": lambda st, o, p: st.regard.copy(),
    "trust": lambda st, o, p: st.trust(p),
    "security": lambda st, o, p: st.security.copy(),
    "tension": lambda st, o, p: st.tension.copy(),
    "hurt": lambda st, o, p: st.hurt.copy(),
    "expected_responsiveness": lambda st, o, p: st.belief_mean.copy(),
    "shared_reality": lambda st, o, p: st.shared_reality.copy(),
}

FINAL_REPORTERS: dict[str, FinalReporter] = {
    "closeness": lambda st, p: st.closeness.copy(),
    "ios": lambda st, p: ios(st.closeness),
    "liking": lambda st, p: st.liking.copy(),
    "liking_7pt": lambda st, p: to_seven_point(st.liking),
    "regard": lambda st, p: st.regard.copy(),
    "trust": lambda st, p: st.trust(p),
    "expected_responsiveness": lambda st, p: st.belief_mean.copy(),
    "security": lambda st, p: st.security.copy(),
    "tension": lambda st, p: st.tension.copy(),
    "hurt": lambda st, p: st.hurt.copy(),
    "left": lambda st, p: st.left.copy(),
    "shared_reality": lambda st, p: st.shared_reality.copy(),
    "meet_again": lambda st, p: np.asarray(would_meet_again(st.liking, st.regard, st.left, p)) > 0.5,
    "desired_closeness": lambda st, p, traits: desired_closeness(
        traits.rejection_sensitivity, traits.avoidance, p),
    "closeness_gap": lambda st, p, traits: desired_closeness(
        traits.rejection_sensitivity, traits.avoidance, p) - st.closeness,
}

DEFAULT_TURN = ("depth", "perceived_responsiveness", "intimacy")


def _takes_traits(fn: Callable[..., object], name: str) -> bool:
    """Whether a final reporter takes ``(state, params, traits)`` rather than ``(state, params)``.

    Answered once per reporter (reading a signature is slow, and studies build a recorder at
    every simulation); a reporter that is refused raises each time.
    """
    try:
        hash(fn)
    except TypeError:  # an unhashable callable: read its signature every time
        return _reads_traits(fn, name)
    return _reads_traits_cached(fn, name)


def _reads_traits(fn: Callable[..., object], name: str) -> bool:
    try:
        params = inspect.signature(fn).parameters.values()
    except (TypeError, ValueError):  # a builtin without a signature: the two-argument form
        return False
    positional = [p for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if any(p.kind is p.VAR_POSITIONAL for p in params) or len(positional) >= 3:
        return True
    if len(positional) < 2:
        raise ValueError(f"record: final reporter {name!r} must take (state, params) or "
                         "(state, params, traits)")
    return False


_reads_traits_cached = functools.lru_cache(maxsize=512)(_reads_traits)


def _resolve(spec: Sequence[str] | Mapping[str, Callable[..., npt.NDArray[np.generic]]],
             known: Mapping[str, Callable[..., npt.NDArray[np.generic]]],
             kind: str) -> dict[str, Callable[..., npt.NDArray[np.generic]]]:
    if isinstance(spec, Mapping):
        return dict(spec)
    if isinstance(spec, str):
        spec = [spec]
    out = {}
    for name in spec:
        if name not in known:
            raise ValueError(f"record: unknown {kind} reporter {name!r}; choose from "
                             f"{', '.join(sorted(known))} or pass a mapping of name -> function")
        out[name] = known[name]
    return out


@dataclass(frozen=True)
class Recorder:
    """Which quantities to keep: ``per_turn`` (each turn) and ``final`` (end of the run).

    Each is a sequence of built-in names or a mapping of your own names to reporter
    functions. Recording every turn costs memory (turns x 2 x dyads); record only what the
    analysis needs.
    """

    per_turn: Sequence[str] | Mapping[str, TurnReporter] = DEFAULT_TURN
    final: Sequence[str] | Mapping[str, FinalReporter] = tuple(FINAL_REPORTERS)
    _turn: dict[str, TurnReporter] = field(init=False, repr=False)
    _final: dict[str, FinalReporter] = field(init=False, repr=False)
    _with_traits: frozenset[str] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_turn", _resolve(self.per_turn, TURN_REPORTERS, "per-turn"))
        object.__setattr__(self, "_final", _resolve(self.final, FINAL_REPORTERS, "final"))
        object.__setattr__(self, "_with_traits", frozenset(
            name for name, fn in self._final.items() if _takes_traits(fn, name)))

    def call_final(self, name: str, state: DyadState, params: Params,
                   traits: DyadTraits) -> npt.NDArray[np.generic]:
        """Run the final reporter ``name``, passing the traits if it takes them."""
        fn: Any = self._final[name]
        out = fn(state, params, traits) if name in self._with_traits else fn(state, params)
        return np.asarray(out)

    @property
    def turn_reporters(self) -> dict[str, TurnReporter]:
        return self._turn

    @property
    def final_reporters(self) -> dict[str, FinalReporter]:
        return self._final
