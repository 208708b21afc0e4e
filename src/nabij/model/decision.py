"""The whole disclosure decision of one person, and a direct query of it.

Combines the goal balance (:mod:`.goals`, Murray et al. 2006, 2008) with the disclosure
decision (:mod:`.disclosure`, Omarzu 2000): how willing a person is to disclose a topic of
given intimacy, valence and emotionality to this partner in this context, and how deep and
broad the disclosure is. :func:`disclosure_willingness` asks it directly - without running
a conversation - for people at the start of a relationship of a given type.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from nabij.model.being_known import self_exposure_risk
from nabij.model.context import Context, ResolvedContext
from nabij.model.disclosure import breadth, choose_depth, topic_risk, willingness
from nabij.model.elementwise import elementwise
from nabij.model.goals import (
    audience_exposure,
    connectedness_goal,
    resolve_goals,
    self_protection_goal,
)
from nabij.model.learning import Belief, trust_lower_bound
from nabij.model.motives import closeness_gap_pull, desired_closeness, other_goals_utility
from nabij.model.params import Params
from nabij.model.person import PersonState, PersonTraits
from nabij.model.state import DyadState, DyadTraits
from nabij.model.traits import Population, median_trait

FloatArray = npt.NDArray[np.float64]

__all__ = ["Decision", "decide", "decide_disclosure", "disclosure_willingness"]


class Decision(NamedTuple):
    """A disclosure decision: goals, risk, willingness, depth and breadth (0-1).

    Floats from :func:`decide_disclosure`; arrays (one per dyad) from :func:`decide` and
    :func:`disclosure_willingness`.
    """

    connect: float
    protect: float
    risk: float
    willingness: float
    depth: float
    breadth: float


def decide_disclosure(me: PersonState, my: PersonTraits, partner_depth: float,
                      power_down: float, cognitive_load: float, display_norm: float,
                      exposure: float, topic_intimacy: float, valence: float, emotional: float,
                      params: Params) -> Decision:
    """One person decides how much to disclose of a topic of this intimacy to this partner.

    Connectedness vs self-protection (Murray et al. 2006), resolved by self-esteem and
    executive control (Murray et al. 2008), weighed as utility vs risk (Omarzu 2000). The
    connectedness goal also takes an instruction, Omarzu's other goals and the pull of the
    gap to the desired closeness (:mod:`.motives`); the risk also the fear of being known
    (:mod:`.being_known`). ``partner_depth`` is the partner's last disclosure, ``exposure`` the situation's
    :func:`~nabij.model.goals.audience_exposure`.
    """
    p = params
    belief = Belief(me.belief_mean, me.belief_certainty, me.belief_shape, me.belief_rate)
    connect = (connectedness_goal(my.need_to_belong, me.belief_mean, me.regard, me.liking,
                                  partner_depth, me.tension, my.avoidance, my.n_close, p)
               + p.instruction_weight * me.instruction
               + other_goals_utility(me.approval_goal, me.identity_goal, me.control_goal, valence,
                                     emotional, power_down, p)
               + closeness_gap_pull(desired_closeness(my.rejection_sensitivity, my.avoidance, p),
                                    me.closeness, p))
    protect = self_protection_goal(trust_lower_bound(belief, p.trust_z), me.regard,
                                   me.closeness, my.rejection_sensitivity, my.self_compassion,
                                   power_down, exposure, p)
    risk = (topic_risk(protect, topic_intimacy, valence, emotional, display_norm, p)
            + self_exposure_risk(my.fear_of_being_known, topic_intimacy, emotional, p))
    will = willingness(connect, risk, resolve_goals(my.self_esteem, cognitive_load, p), p)
    return Decision(connect, protect, risk, will, choose_depth(will, topic_intimacy),
                    breadth(connect, p))


_decide = elementwise(decide_disclosure, out=Decision)
_exposure = elementwise(audience_exposure)


def decide(state: DyadState, traits: DyadTraits, ctx: ResolvedContext, speaker: int,
           topic_intimacy: FloatArray, valence: float, emotional: float,
           params: Params) -> Decision:
    """Person ``speaker`` of every dyad decides (:func:`decide_disclosure`, for all dyads)."""
    s = speaker
    me = PersonState(*(np.asarray(x)[s] for x in state.rows()))
    my = PersonTraits(*(np.asarray(x)[s] for x in traits.rows()))
    decided: Decision = _decide(me, my, state.last_depth[1 - s], ctx.power_down[s], ctx.cognitive_load[s],
                                ctx.display_norm, _exposure(ctx.identifiability, ctx.audience),
                                topic_intimacy, valence, emotional, params)
    return decided


def disclosure_willingness(
    people: Population,
    topic_intimacy: float,
    valence: float = 0.0,
    emotional: float = 0.5,
    context: Context | None = None,
    params: Params | None = None,
) -> Decision:
    """How willing each person is to disclose such a topic here, without a conversation.

    Each person of ``people`` is person 0 of a relationship of the context's type with a
    median partner, at the relationship's starting point (prior expectations, regard,
    closeness). With ``power > 0`` the person stands below the partner (an employee
    talking to a boss); ``audience`` and ``identifiability`` describe who hears it.
    """
    if not 0.0 <= topic_intimacy <= 1.0 or not np.isfinite(topic_intimacy):
        raise ValueError(f"topic_intimacy: must lie in [0, 1], got {topic_intimacy}")
    if not -1.0 <= valence <= 1.0:
        raise ValueError(f"valence: must lie in [-1, 1] (negative to positive), got {valence}")
    if not 0.0 <= emotional <= 1.0:
        raise ValueError(f"emotional: must lie in [0, 1] (factual to emotional), got {emotional}")
    prm = (params or Params()).validate()
    n = len(people)
    ctx = (context or Context()).resolve(n)
    fields_ = DyadTraits.__dataclass_fields__
    traits = DyadTraits(**{
        name: np.stack([getattr(people, name), np.full(n, median_trait(name))])
        for name in fields_})
    state = DyadState.initial(traits, ctx, prm, np.zeros((2, n)))
    return decide(state, traits, ctx, 0, np.full(n, topic_intimacy), valence, emotional, prm)
