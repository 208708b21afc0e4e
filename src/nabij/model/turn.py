"""One turn of a conversation: one dyad's turn, composed of the rules in order.

A turn is one disclosure by the speaker and the listener's reaction:
goal balance and disclosure decision (speaker) -> possible flood -> actual responsiveness
(listener) -> perceived responsiveness, editing (speaker) -> intimacy (both) -> signaling,
appraisal, learning (speaker; the listener appraises being confided in) -> dependence
regulation (both) -> regard follows one's own liking (projection, both) -> suppression and
relief -> leaving.

:func:`dyad_turn` is the turn of one dyad in plain floats, calling each rule's single
definition (:data:`RULES`). The engine's fused kernel compiles it into its loop over dyads
(:mod:`nabij.engine.fused`); :func:`take_turn` applies it to every dyad of a
:class:`~nabij.model.state.DyadState` through a compiled element-wise loop (the reference
the fused kernel is checked against). Pure computation: no I/O, no randomness of its own
(the engine passes the noise in).
"""

from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from nabij.model import (
    appraisal,
    appropriateness,
    being_known,
    choice,
    decision,
    dependence,
    disclosure,
    goals,
    impressions,
    learning,
    motives,
    regulation,
    responsiveness,
    signaling,
    similarity,
)
from nabij.model._math import sigmoid
from nabij.model.appraisal import (
    appraise_regard,
    confided_evidence,
    diagnosticity,
    project_liking,
)
from nabij.model.appropriateness import liking_after_overdisclosure, overdisclosure
from nabij.model.arrays import audience_exposure, discount_belief
from nabij.model.context import ResolvedContext
from nabij.model.decision import decide_disclosure
from nabij.model.dependence import costly_diagnosticity, costly_response_logit
from nabij.model.disclosure import emotional_edit, flood, relieve, self_paced_topic, suppress
from nabij.model.elementwise import elementwise
from nabij.model.learning import Belief, update_belief
from nabij.model.params import Params
from nabij.model.person import PersonState, PersonTraits
from nabij.model.regulation import decide_to_leave, regulate_dependence
from nabij.model.responsiveness import (
    actual_responsiveness_logit,
    emotional_weight,
    intimacy_of_discloser,
    intimacy_of_listener,
    perceived_responsiveness,
    scripted_responsiveness_logit,
)
from nabij.model.signaling import decay_hurt, settle_security, signal_acceptance
from nabij.model.similarity import shared_reality_after
from nabij.model.state import DyadState, DyadTraits

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

__all__ = ["RULES", "TurnInput", "TurnOutcome", "TurnValues", "dyad_turn", "pass_days",
           "take_turn"]

#: Every rule a turn calls, by module: the registry of the model's single definitions.
RULES = {
    "goals": (goals.connectedness_goal, goals.anticipated_rejection, goals.self_protection_goal,
              goals.resolve_goals),
    "disclosure": (disclosure.self_paced_topic, disclosure.topic_risk, disclosure.willingness,
                   disclosure.choose_depth, disclosure.breadth, disclosure.flood,
                   disclosure.emotional_edit, disclosure.suppress, disclosure.relieve,
                   decision.decide_disclosure),
    "responsiveness": (responsiveness.actual_responsiveness_logit,
                       responsiveness.scripted_responsiveness_logit,
                       responsiveness.perceived_responsiveness, responsiveness.emotional_weight,
                       responsiveness.intimacy_of_discloser, responsiveness.intimacy_of_listener),
    "signaling": (signaling.decay_hurt, signaling.settle_security, signaling.rejection_stakes,
                  signaling.signal_acceptance),
    "appraisal": (appraisal.diagnosticity, appraisal.confided_evidence, appraisal.appraise_regard,
                  appraisal.project_liking),
    "learning": (learning.update_belief, learning.discount_belief, learning.predictive_sd,
                 learning.trust_lower_bound),
    "regulation": (regulation.regulate_dependence, regulation.decide_to_leave),
    "impressions": (impressions.target_appeal, impressions.first_impression,
                    impressions.projected_regard),
    "appropriateness": (appropriateness.disclosure_allowance, appropriateness.overdisclosure,
                        appropriateness.liking_after_overdisclosure),
    "dependence": (dependence.costly_response_logit, dependence.costly_diagnosticity),
    "motives": (motives.other_goals_utility, motives.desired_closeness,
                motives.closeness_gap_pull),
    "similarity": (similarity.initial_shared_reality, similarity.shared_reality_after),
    "being known": (being_known.self_exposure_risk,),
    "choice": (choice.would_meet_again,),
}


class TurnInput(NamedTuple):
    """What the protocol asks of one turn (the same for every dyad).

    ``topic_intimacy`` is NaN for a self-paced turn: the topic then goes
    ``self_paced_step`` deeper than the partner's last disclosure (reciprocal escalation).
    ``feedback`` (0-1) scripts the responsiveness the listener shows, as a confederate or
    bogus feedback does (Leary et al. 1995); ``relevance`` (0-1) scripts how personal the
    reaction is (0 = random, as a lottery). NaN leaves each to the model.
    """

    speaker: int
    topic_intimacy: float
    valence: float
    emotional: float
    feedback: float = float("nan")
    relevance: float = float("nan")
    cost: float = 0.0


class TurnOutcome(NamedTuple):
    """What happened in one turn; per dyad ``(n,)`` unless noted ``(2, n)``."""

    speaker: int
    topic_intimacy: FloatArray
    willingness: FloatArray
    depth: FloatArray
    kept_depth: FloatArray
    breadth: FloatArray
    edited: FloatArray
    flooded: BoolArray
    actual_responsiveness: FloatArray
    perceived_responsiveness: FloatArray
    intimacy: FloatArray  # (2, n)
    new_hurt: FloatArray


class TurnValues(NamedTuple):
    """What happened in one dyad's turn (the per-dyad fields of :class:`TurnOutcome`)."""

    topic_intimacy: float
    willingness: float
    depth: float
    kept_depth: float
    breadth: float
    edited: float
    flooded: bool
    actual_responsiveness: float
    perceived_responsiveness: float
    intimacy_speaker: float
    intimacy_listener: float
    new_hurt: float


def dyad_turn(me: PersonState, you: PersonState, my: PersonTraits, your: PersonTraits,
              power_down: float, load: float, display_norm: float, exposure: float,
              topic: float, valence: float, emotional: float, feedback: float, relevance: float,
              cost: float, noise_actual: float, noise_perceived: float,
              params: Params) -> tuple[PersonState, PersonState, TurnValues]:
    """Speaker ``me`` discloses to listener ``you``; return both new states and the turn's values.

    ``power_down`` and ``load`` are the speaker's context, ``exposure`` the dyad's
    :func:`~nabij.model.goals.audience_exposure`; ``topic`` is NaN for a self-paced turn;
    ``feedback`` and ``relevance`` script the reaction and how personal it is (NaN = not
    scripted; :class:`TurnInput`); ``cost`` is what a good response costs the listener
    (:mod:`.dependence`); ``params`` is anything with the attributes of
    :class:`~nabij.model.params.Params`.
    """
    p = params
    on = 0.0 if (me.left or you.left) else 1.0
    active = on > 0.0
    q = self_paced_topic(you.last_depth, p) if math.isnan(topic) else topic

    # 1-2. goal balance and the disclosure decision (Murray 2006/2008; Omarzu 2000)
    decided = decide_disclosure(me, my, you.last_depth, power_down, load, display_norm,
                                exposure, q, valence, emotional, p)
    # 3. flooding of pent-up tension (seed 003)
    flooded_out = flood(me.tension, decided.depth, p)
    depth = flooded_out.depth if active else 0.0
    flooded = flooded_out.flooded and active

    # 4-5. the listener's reaction, how it is read, editing, intimacy (Reis & Shaver 1988)
    if math.isnan(feedback):
        a_logit = (actual_responsiveness_logit(depth, your.opener, you.security, you.liking,
                                               your.avoidance, you.chemistry, flooded,
                                               noise_actual, p)
                   + costly_response_logit(cost, you.closeness, p))
    else:
        a_logit = scripted_responsiveness_logit(feedback)
    perceived = perceived_responsiveness(a_logit, my.rejection_sensitivity, my.self_esteem,
                                         noise_perceived, p)
    edited = emotional_edit(depth, me.belief_mean, perceived, my.rejection_sensitivity,
                            my.avoidance, p)
    kept = depth * (1.0 - edited)
    weighted = emotional_weight(kept, emotional, p)
    intimacy_me = intimacy_of_discloser(weighted, kept, perceived, p) if active else 0.0
    confided = confided_evidence(kept, p)
    intimacy_you = intimacy_of_listener(weighted, kept, confided, p) if active else 0.0

    # 6. hurt decays, felt security returns toward self-esteem (both people)
    my_hurt = decay_hurt(me.hurt, p)
    your_hurt = decay_hurt(you.hurt, p)
    my_security = settle_security(me.security, my.self_esteem, p)
    your_security = settle_security(you.security, your.self_esteem, p)

    # 7. signaling: the sociometer (Leary et al. 1995)
    diag = costly_diagnosticity(diagnosticity(depth, p) if math.isnan(relevance) else relevance,
                                cost) * on
    new_hurt = 0.0
    if active:
        my_security, my_hurt, new_hurt = signal_acceptance(
            my_security, my_hurt, perceived, diag, me.closeness, my.self_compassion, me.regard, p)

    # 8. appraisal of regard: the speaker reads the reaction; being confided in is evidence
    #    of being valued (Murray et al. 2006; Collins & Miller 1994)
    my_regard = appraise_regard(me.regard, perceived, diag, p)
    your_regard = appraise_regard(you.regard, confided, kept, p)

    # 9. learning the partner's responsiveness (seed 001)
    belief = update_belief(
        Belief(me.belief_mean, me.belief_certainty, me.belief_shape, me.belief_rate),
        perceived, p.learning_rate * diag, p.evidence_discount if active else 1.0)

    # 10. dependence regulation, both people (Murray et al. 2006; Collins & Miller 1994)
    my_close, my_liking = regulate_dependence(me.closeness, me.liking, intimacy_me, new_hurt,
                                              my_regard, my_security, 0.0, kept, perceived, p)
    your_close, your_liking = regulate_dependence(you.closeness, you.liking, intimacy_you, 0.0,
                                                  your_regard, your_security, weighted, 0.0,
                                                  0.0, p)
    # ... but a disclosure beyond what the listener finds appropriate costs liking (Cozby 1972)
    your_liking = liking_after_overdisclosure(
        your_liking, overdisclosure(kept, you.closeness, you.last_depth, p), p)
    # 10a. regard follows one's own liking (assumed reciprocity; Kenny 1994; Lemay & Clark 2008)
    my_regard = project_liking(my_regard, me.liking, my_liking, p)
    your_regard = project_liking(your_regard, you.liking, your_liking, p)

    # 10b. shared reality: revealing oneself and being understood, or learning the other
    #      (Echterhoff et al. 2009; Rossignac-Milon et al. 2021)
    my_shared = shared_reality_after(me.shared_reality, kept, perceived, 0.0,
                                     me.attitude_similarity, p)
    your_shared = shared_reality_after(you.shared_reality, 0.0, 0.0, weighted,
                                       you.attitude_similarity, p)

    # 11. suppression, relief, tension decay and leaving (seed 003; Murray et al. 2006)
    my_tension = relieve(suppress(me.tension, q * on, kept, emotional, p), kept, p)
    left = decide_to_leave(me.left, my_regard, my_hurt, p)

    new_me = PersonState(my_close, my_liking, my_regard, my_security,
                         my_tension * p.tension_decay, my_hurt, belief.mean, belief.certainty,
                         belief.shape, belief.rate, kept, left, me.chemistry, me.instruction,
                         me.approval_goal, me.identity_goal, me.control_goal,
                         me.attitude_similarity, my_shared)
    new_you = PersonState(your_close, your_liking, your_regard, your_security,
                          you.tension * p.tension_decay, your_hurt, you.belief_mean,
                          you.belief_certainty, you.belief_shape, you.belief_rate,
                          you.last_depth, you.left, you.chemistry, you.instruction,
                          you.approval_goal, you.identity_goal, you.control_goal,
                          you.attitude_similarity, your_shared)
    values = TurnValues(q, decided.willingness, depth, kept, decided.breadth * on, edited,
                        flooded, sigmoid(a_logit), perceived, intimacy_me, intimacy_you, new_hurt)
    return new_me, new_you, values


_turn = elementwise(dyad_turn, out=(PersonState, PersonState, TurnValues))


def take_turn(state: DyadState, traits: DyadTraits, ctx: ResolvedContext, turn: TurnInput,
              noise_actual: FloatArray, noise_perceived: FloatArray,
              params: Params) -> TurnOutcome:
    """Advance every dyad by one turn in place (:func:`dyad_turn` per dyad); return what happened."""
    s, lst = turn.speaker, 1 - turn.speaker
    rows, trait_rows = state.rows(), traits.rows()
    me, you, v = _turn(PersonState(*(x[s] for x in rows)), PersonState(*(x[lst] for x in rows)),
                       PersonTraits(*(x[s] for x in trait_rows)),
                       PersonTraits(*(x[lst] for x in trait_rows)),
                       ctx.power_down[s], ctx.cognitive_load[s], ctx.display_norm,
                       audience_exposure(ctx.identifiability, ctx.audience),
                       turn.topic_intimacy, turn.valence, turn.emotional, turn.feedback,
                       turn.relevance, turn.cost, noise_actual, noise_perceived, params)
    for row, new_me, new_you in zip(rows, me, you, strict=True):
        row[s] = new_me
        row[lst] = new_you
    intimacy = np.stack([v.intimacy_speaker, v.intimacy_listener] if s == 0
                        else [v.intimacy_listener, v.intimacy_speaker])
    return TurnOutcome(s, v.topic_intimacy, v.willingness, v.depth, v.kept_depth, v.breadth,
                       v.edited, v.flooded, v.actual_responsiveness,
                       v.perceived_responsiveness, intimacy, v.new_hurt)


def pass_days(state: DyadState, traits: DyadTraits, days: float, params: Params) -> None:
    """Let ``days`` pass between interactions (in place).

    Hurt fades overnight (Murray et al. 2003), tension slowly (seed 003), felt security
    recovers toward self-esteem (Leary & Baumeister 2000), closeness drifts down without
    contact (Roberts & Dunbar 2011), and old evidence about the partner is discounted
    (seed 001). A new session starts fresh: nobody's last disclosure is still "on the table"
    (``last_depth`` resets to 0).
    """
    if days <= 0:
        return
    p = params
    st = state
    st.hurt *= p.overnight_hurt_keep**days
    st.tension *= p.daily_tension_keep**days
    st.security += (1.0 - (1.0 - p.daily_security_recovery) ** days) * (traits.self_esteem - st.security)
    st.closeness *= (1.0 - p.closeness_daily_decay) ** days
    discounted = discount_belief(st.belief(), p.daily_discount**days)
    st.belief_certainty[:], st.belief_shape[:], st.belief_rate[:] = discounted[1:]
    st.last_depth[:] = 0.0
