"""The scalar turn (one dyad, plain floats) is the vectorized reference turn, dyad by dyad."""

from __future__ import annotations

import numpy as np

import nabij as nb
from nabij.model.scalar_turn import PersonState, PersonTraits, dyad_turn
from nabij.model.state import DyadState, DyadTraits
from nabij.model.turn import take_turn

N = 300


def test_scalar_turn_equals_take_turn():
    params = nb.Params(flood_threshold=0.3, leave_regard=0.4, leave_hurt=0.1)
    people = nb.sample_population(2 * N, rng=2)
    traits = DyadTraits.pair(people, nb.fixed_pairs(2 * N).persons)
    ctx = nb.Context(audience=3.0, cognitive_load=0.3).resolve(N)
    gen = np.random.default_rng(4)
    state = DyadState.initial(traits, ctx, params, gen.standard_normal((2, N)))
    state.tension[:] = gen.uniform(0, 0.6, (2, N))  # some flood
    exposure = ctx.identifiability * (0.5 + np.log(ctx.audience))
    for turn in list(nb.free_conversation(6).turns()) + list(nb.thirty_six_questions(1).turns()):
        turn_input = turn[1]
        noise = gen.standard_normal((2, N))
        before = state.copy()
        outcome = take_turn(state, traits, ctx, turn_input, noise[0], noise[1], params)
        s = turn_input.speaker
        for i in range(0, N, 7):
            person = [PersonState(*(getattr(before, f)[r, i].item() for f in PersonState._fields))
                      for r in (0, 1)]
            trait = [PersonTraits(*(getattr(traits, f)[r, i].item() for f in PersonTraits._fields))
                     for r in (0, 1)]
            me, you, values = dyad_turn(person[s], person[1 - s], trait[s], trait[1 - s],
                                        ctx.power_down[s, i], ctx.cognitive_load[s, i],
                                        ctx.display_norm[i], exposure[i], turn_input.topic_intimacy,
                                        turn_input.valence, turn_input.emotional,
                                        turn_input.feedback, turn_input.relevance, noise[0, i],
                                        noise[1, i], params)
            for r, new in ((s, me), (1 - s, you)):
                for f in PersonState._fields:
                    assert np.isclose(getattr(new, f), getattr(state, f)[r, i],
                                      rtol=0, atol=1e-12), (f, r, i)
            assert np.isclose(values.depth, outcome.depth[i], rtol=0, atol=1e-12)
            assert np.isclose(values.perceived_responsiveness, outcome.perceived_responsiveness[i],
                              rtol=0, atol=1e-12)
            assert values.flooded == outcome.flooded[i]
