"""The same model in Mesa 3: one agent per dyad, stepped turn by turn (benchmark reference).

Each :class:`DyadAgent` keeps both people's state as plain Python floats and, on every
step, lets the turn's speaker disclose to the listener by calling
:func:`nabij.model.turn.dyad_turn` - the model's one definition of a dyad's turn, which
the engine's kernels compile (``tests/model/test_golden.py`` holds them to fixed outputs).
The starting state is :meth:`nabij.model.state.DyadState.initial`'s; the noise comes from the
Mesa model's own generator (``model.rng``), so this is an independent stochastic run of the
same model: ``tests/bench/test_mesa_agreement.py`` compares its outcome means with nabij's.
"""

from __future__ import annotations

import math

import mesa
import numpy as np

import nabij as nb
from nabij.model.learning import Belief, trust_lower_bound
from nabij.model.person import PersonState, PersonTraits
from nabij.model.state import DyadState, DyadTraits
from nabij.model.turn import dyad_turn

__all__ = ["DisclosureModel", "DyadAgent"]


class DyadAgent(mesa.Agent):
    """Two people talking: their states, their traits and the context of their meeting."""

    def __init__(self, model: DisclosureModel, people: list[PersonState],
                 traits: list[PersonTraits], context: tuple[float, ...]) -> None:
        super().__init__(model)
        self.people = people
        self.traits = traits
        self.power_down = context[:2]
        self.load = context[2:4]
        self.display_norm, self.exposure = context[4:]

    def step(self) -> None:
        """Take the model's current turn: the speaker discloses, the listener responds."""
        m = self.model
        s = m.speaker
        me, you, _ = dyad_turn(self.people[s], self.people[1 - s], self.traits[s], self.traits[1 - s],
                               self.power_down[s], self.load[s], self.display_norm, self.exposure,
                               m.topic, m.valence, m.emotional, math.nan, math.nan, 0.0,
                               self.random.gauss(0.0, 1.0),
                               self.random.gauss(0.0, 1.0), m.params)
        self.people[s] = me
        self.people[1 - s] = you


class DisclosureModel(mesa.Model):
    """N dyads of ``population`` (fixed pairs) through ``protocol`` (no gaps between turns)."""

    def __init__(self, population: nb.Population, protocol: nb.Protocol,
                 params: nb.Params | None = None, seed: int = 0) -> None:
        super().__init__(seed=seed)
        if np.any(protocol.gap_days > 0):
            raise ValueError("protocol: the Mesa reference model runs single sessions (no gap days)")
        self.params = (params or nb.Params()).validate()
        self.protocol = protocol
        n = len(population) // 2
        traits = DyadTraits.pair(population, nb.fixed_pairs(2 * n).persons)
        ctx = nb.Context().resolve(n)
        state = DyadState.initial(traits, ctx, self.params, self.rng.standard_normal((2, n)))
        # the fields the scalar turn reads, in its order (the state holds more, e.g. per-dyad inputs)
        columns = [getattr(state, name).tolist() for name in PersonState._fields]
        trait_cols = [getattr(traits, name).tolist() for name in PersonTraits._fields]
        exposure = ctx.identifiability * (0.5 + np.log(ctx.audience))
        for i in range(n):
            DyadAgent(self, [PersonState(*(c[r][i] for c in columns)) for r in (0, 1)],
                      [PersonTraits(*(c[r][i] for c in trait_cols)) for r in (0, 1)],
                      (*ctx.power_down[:, i].tolist(), *ctx.cognitive_load[:, i].tolist(),
                       float(ctx.display_norm[i]), float(exposure[i])))
        self.turn = 0

    def step(self) -> None:
        """One turn of the protocol for every dyad."""
        t = self.turn
        self.speaker = int(self.protocol.speaker[t])
        self.topic = float(self.protocol.topic_intimacy[t])
        self.valence = float(self.protocol.valence[t])
        self.emotional = float(self.protocol.emotional[t])
        self.agents.do("step")
        self.turn += 1

    def run(self) -> None:
        """Every turn of the protocol."""
        for _ in range(len(self.protocol)):
            self.step()

    def final(self) -> dict[str, np.ndarray]:
        """Final outcomes, shape ``(2, n)``, named as nabij's final reporters name them."""
        agents = sorted(self.agents, key=lambda a: a.unique_id)
        closeness = np.array([[a.people[r].closeness for a in agents] for r in (0, 1)])
        liking = np.array([[a.people[r].liking for a in agents] for r in (0, 1)])
        trust = np.array([[_trust(a.people[r], self.params.trust_z) for a in agents] for r in (0, 1)])
        return {"ios": 1.0 + 6.0 * closeness, "liking": liking, "trust": trust}


def _trust(person: PersonState, z: float) -> float:
    """The model's own trust rule (:func:`nabij.model.learning.trust_lower_bound`)."""
    return trust_lower_bound(Belief(person.belief_mean, person.belief_certainty,
                                    person.belief_shape, person.belief_rate), z)
