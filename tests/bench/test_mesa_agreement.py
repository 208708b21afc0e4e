"""The Mesa re-implementation of the model agrees with nabij's engine (benchmark validity).

Both run the same population through the 36 questions with independent random streams;
the means of the main final outcomes must agree within Monte Carlo error (4 standard
errors of the difference), or the benchmark would compare two different models.
"""

from __future__ import annotations

import numpy as np
import pytest
from benchmarks import mesa_model

import nabij as nb

N_DYADS = 2000
OUTCOMES = ("ios", "liking", "trust")


@pytest.fixture(scope="module")
def both_runs():
    people = nb.sample_population(2 * N_DYADS, rng=21)
    model = mesa_model.DisclosureModel(people, nb.thirty_six_questions(), seed=8)
    model.run()
    engine = nb.simulate(people, nb.fixed_pairs(2 * N_DYADS), nb.thirty_six_questions(), rng=9,
                         record=nb.Recorder(per_turn=(), final=OUTCOMES))
    return model.final(), engine.final


@pytest.mark.parametrize("outcome", OUTCOMES)
def test_mesa_and_nabij_agree_within_monte_carlo_error(both_runs, outcome):
    mesa_final, nabij_final = both_runs
    a, b = mesa_final[outcome].ravel(), nabij_final[outcome].ravel()
    se = np.sqrt(a.var(ddof=1) / a.size + b.var(ddof=1) / b.size)
    assert abs(a.mean() - b.mean()) < 4 * se, (outcome, a.mean(), b.mean(), se)


def test_mesa_model_moves_people(both_runs):
    """Guards the test above against two runs that agree because nothing happens."""
    mesa_final, _ = both_runs
    assert mesa_final["ios"].mean() > 1.0 + 6.0 * 0.10 + 0.5  # strangers start at IOS 1.6


def test_mesa_model_refuses_multi_session_protocols():
    with pytest.raises(ValueError, match="gap days"):
        mesa_model.DisclosureModel(nb.sample_population(4, rng=1), nb.repeat(nb.small_talk(2), 2))
