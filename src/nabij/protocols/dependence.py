"""Situations of dependence beyond disclosure: asking for help, conflicts of interest, sacrifice.

Murray, Holmes & Collins (2006; seed 002): the risk regulation system is set off by any
situation in which one's outcomes depend on the partner, not only by telling them
something personal. In each, the partner's response is a test of how much they care, and
the three rules fire on it: appraisal (is my partner responsive to me?), signaling (a gain
or loss of felt worth) and dependence regulation (draw closer or pull back). A response is
the more telling the more it costs the partner (Holmes 1981; Murray & Holmes 2009): help
given at a price says more than help that costs nothing. ``cost`` (0-1) is what responding
well costs the listener; it lowers their responsiveness unless they are close enough to
give it anyway (Van Lange et al. 1997) and makes their response count as evidence.

- :func:`ask_for_help` - person 0 brings a problem and asks for help (seed 004: asking for
  help is itself an act of vulnerability);
- :func:`conflict_of_interest` - the partners want different things and take turns saying so;
- :func:`sacrifice` - person 0 needs something that costs person 1 a lot.
"""

from __future__ import annotations

import numpy as np

from nabij.protocols.base import Protocol, built_once, make_protocol

__all__ = ["ask_for_help", "conflict_of_interest", "sacrifice"]


def _check(name: str, value: float, low: float = 0.0, high: float = 1.0) -> None:
    if not low <= value <= high:
        raise ValueError(f"{name}: must lie in [{low:g}, {high:g}], got {value}")


@built_once
def ask_for_help(requests: int = 3, need: float = 0.6, cost: float = 0.3,
                 gap_days: float = 1.0) -> Protocol:
    """Person 0 asks person 1 for help ``requests`` times, ``gap_days`` apart.

    Each request is a negative, emotional disclosure of a need (topic ``need``), personally
    diagnostic (relevance 1), whose good answer costs the helper ``cost``; person 1 then says
    something light about themselves.
    """
    if requests < 1:
        raise ValueError(f"requests: must be >= 1, got {requests}")
    _check("need", need)
    _check("cost", cost)
    if gap_days < 0:
        raise ValueError(f"gap_days: must be >= 0, got {gap_days}")
    speaker = np.tile([0, 1], requests)
    gaps = np.zeros(2 * requests)
    gaps[2::2] = gap_days
    labels = tuple(f"request {k + 1}: {who}" for k in range(requests)
                   for who in ("person 0 asks for help", "person 1 talks about themselves"))
    return make_protocol("ask_for_help", speaker, np.tile([need, 0.2], requests),
                         np.tile([-0.5, 0.2], requests), np.tile([0.7, 0.2], requests), gaps,
                         relevance=np.tile([1.0, np.nan], requests),
                         cost=np.tile([cost, 0.0], requests), labels=labels)


@built_once
def conflict_of_interest(rounds: int = 4, stakes: float = 0.5, cost: float = 0.6) -> Protocol:
    """The partners want different things: each in turn states a wish that costs the other ``cost``.

    Topics are moderately personal (``stakes``), mildly negative and emotional; every
    response is diagnostic (relevance 1).
    """
    if rounds < 1:
        raise ValueError(f"rounds: must be >= 1, got {rounds}")
    _check("stakes", stakes)
    _check("cost", cost)
    t = 2 * rounds
    return make_protocol("conflict_of_interest", np.arange(t) % 2, stakes, -0.3, 0.6,
                         relevance=1.0, cost=cost)


@built_once
def sacrifice(need: float = 0.7, cost: float = 0.9) -> Protocol:
    """Person 0 needs something that costs person 1 dearly; then person 1 speaks, lightly.

    One diagnostic moment (relevance 1) of a serious, negative, emotional need.
    """
    _check("need", need)
    _check("cost", cost)
    return make_protocol("sacrifice", [0, 1], [need, 0.2], [-0.5, 0.2], [0.8, 0.2],
                         relevance=[1.0, np.nan], cost=[cost, 0.0],
                         labels=("person 0 needs a sacrifice", "person 1 talks about themselves"))
