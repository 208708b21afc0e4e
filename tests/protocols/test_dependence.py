"""Situations of dependence beyond disclosure: the three rules fire on them, and a price counts."""

from __future__ import annotations

import numpy as np
import pytest

import nabij as nb
from nabij.protocols import ask_for_help, conflict_of_interest, sacrifice

N = 400
REC = nb.Recorder(per_turn=("actual_responsiveness",), final=("regard", "security", "closeness"))


def _run(protocol: nb.Protocol, relationship: str = "strangers", seed: int = 3) -> nb.SimulationResult:
    people = nb.sample_population(2 * N, rng=1)
    return nb.simulate(people, nb.fixed_pairs(2 * N), protocol, nb.Context(relationship=relationship),
                       rng=seed, record=REC)


@pytest.mark.parametrize("builder", [ask_for_help, conflict_of_interest, sacrifice])
def test_each_situation_is_a_valid_protocol_with_a_cost(builder) -> None:  # type: ignore[no-untyped-def]
    protocol = builder()
    assert protocol.cost.max() > 0.0
    assert protocol.name in nb.PROTOCOLS


def test_a_costly_need_gets_less_response_from_a_stranger_than_from_a_partner() -> None:
    first = 0  # person 0's need, answered by person 1
    strangers = _run(sacrifice()).per_turn["actual_responsiveness"][first].mean()
    romantic = _run(sacrifice(), "romantic").per_turn["actual_responsiveness"][first].mean()
    free = _run(sacrifice(cost=0.0)).per_turn["actual_responsiveness"][first].mean()
    assert strangers < free
    assert romantic > strangers


def test_appraisal_and_regulation_move_further_when_the_response_has_a_price() -> None:
    # regard (appraisal) and closeness (dependence regulation) move further from where they start
    costly, free = _run(ask_for_help(cost=0.8)), _run(ask_for_help(cost=0.0))
    start = _run(nb.make_protocol("nothing", [1], 0.0))  # one light remark by person 1
    for name in ("regard", "closeness"):
        moved_costly = np.abs(costly.final[name][0] - start.final[name][0]).mean()
        moved_free = np.abs(free.final[name][0] - start.final[name][0]).mean()
        assert moved_costly > moved_free, name


@pytest.mark.parametrize("perceived", [0.2, 0.8])
def test_signaling_reads_a_costly_reaction_as_more_telling(perceived: float) -> None:
    # the same reaction moves felt security further when responding cost the partner
    # something (costly care is diagnostic; Holmes 1981). Over a whole help request the
    # end state also depends on how warm the (rarer) good responses were, so the rule is
    # checked where the theory states it: per reaction, below full relevance.
    from nabij.model.dependence import costly_diagnosticity
    from nabij.model.signaling import signal_acceptance

    p = nb.Params()
    start = 0.5
    free = signal_acceptance(start, 0.0, perceived, 0.4, 0.3, 0.5, 0.5, p)
    costly = signal_acceptance(start, 0.0, perceived, costly_diagnosticity(0.4, 0.8),
                               0.3, 0.5, 0.5, p)
    assert abs(costly.security - start) > abs(free.security - start)


def test_bad_settings_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match="cost: must lie in"):
        sacrifice(cost=1.5)
    with pytest.raises(ValueError, match="requests: must be >= 1"):
        ask_for_help(requests=0)
