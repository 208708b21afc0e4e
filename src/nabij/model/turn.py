"""One turn of a conversation: every rule in order, for all dyads at once.

A turn is one disclosure by the speaker of each dyad and the listener's reaction:
goal balance and disclosure decision (speaker) -> possible flood -> actual responsiveness
(listener) -> perceived responsiveness, editing (speaker) -> intimacy (both) -> signaling,
appraisal, learning (speaker; the listener appraises being confided in) -> dependence
regulation (both) -> suppression and relief -> leaving. The state is updated in place;
the outcome of the turn is returned. Pure computation: no I/O, no randomness of its own
(the engine passes the noise in).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from nabij.model._math import logit, sigmoid
from nabij.model.appraisal import appraise_regard, diagnosticity
from nabij.model.context import ResolvedContext
from nabij.model.decision import decide
from nabij.model.disclosure import emotional_edit, flood, relieve, suppress
from nabij.model.learning import discount_belief, update_belief
from nabij.model.params import Params
from nabij.model.regulation import decide_to_leave, regulate_dependence
from nabij.model.responsiveness import (
    actual_responsiveness_logit,
    emotional_weight,
    intimacy_of_discloser,
    intimacy_of_listener,
    perceived_responsiveness,
)
from nabij.model.signaling import signal_acceptance
from nabij.model.state import DyadState, DyadTraits

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

__all__ = ["TurnInput", "TurnOutcome", "pass_days", "take_turn"]


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


def take_turn(state: DyadState, traits: DyadTraits, ctx: ResolvedContext, turn: TurnInput,
              noise_actual: FloatArray, noise_perceived: FloatArray,
              params: Params) -> TurnOutcome:
    """Advance every dyad by one turn in place and return what happened (see module doc)."""
    p = params
    s, lst = turn.speaker, 1 - turn.speaker
    T, st = traits, state
    active = st.active()
    n = st.n_dyads

    # --- the speaker's decision: goal balance (Murray 2006/2008) and Omarzu (2000) ---------
    if np.isnan(turn.topic_intimacy):
        q = np.minimum(1.0, st.last_depth[lst] + p.self_paced_step)
    else:
        q = np.full(n, turn.topic_intimacy)
    belief_s = st.belief(s)
    decision = decide(st, T, ctx, s, q, turn.valence, turn.emotional, p)
    will = decision.willingness
    flooded_out = flood(st.tension[s], decision.depth, p)
    depth = np.where(active, flooded_out.depth, 0.0)
    flooded = flooded_out.flooded & active

    # --- the listener's reaction and how it is read (Reis & Shaver 1988) ------------------
    a_logit = actual_responsiveness_logit(depth, T.opener[lst], st.security[lst], st.liking[lst],
                                          T.avoidance[lst], st.chemistry[lst], flooded,
                                          noise_actual, p)
    if not np.isnan(turn.feedback):  # a scripted reaction replaces the listener's own
        a_logit = np.full(n, logit(np.clip(turn.feedback, 1e-4, 1.0 - 1e-4)))
    perceived = perceived_responsiveness(a_logit, T.rejection_sensitivity[s], T.self_esteem[s],
                                         noise_perceived, p)
    edited = emotional_edit(depth, belief_s.mean, perceived, T.rejection_sensitivity[s],
                            T.avoidance[s], p)
    kept = depth * (1.0 - edited)
    weighted = emotional_weight(kept, turn.emotional, p)
    intimacy = np.zeros((2, n))
    intimacy[s] = np.where(active, intimacy_of_discloser(weighted, kept, perceived, p), 0.0)
    intimacy[lst] = np.where(active, intimacy_of_listener(weighted, p), 0.0)

    # --- decay of hurt and homeostasis of felt security, both people ------------------------
    st.hurt *= p.hurt_decay
    st.security += p.security_homeostasis * (T.self_esteem - st.security)

    # --- the speaker: signaling, appraisal, learning (Leary 1995; Murray 2006) -------------
    diag = (diagnosticity(depth, p) if np.isnan(turn.relevance) else np.full(n, turn.relevance)) * active
    sig = signal_acceptance(st.security[s], st.hurt[s], perceived, diag, st.closeness[s],
                            T.self_compassion[s], st.regard[s], p)
    new_hurt = np.where(active, sig.new_hurt, 0.0)
    st.security[s] = np.where(active, sig.security, st.security[s])
    st.hurt[s] = np.where(active, sig.hurt, st.hurt[s])
    st.regard[s] = appraise_regard(st.regard[s], perceived, diag, T.self_esteem[s],
                                   T.rejection_sensitivity[s], p)
    # being confided in is evidence of being valued (Collins & Miller 1994)
    st.regard[lst] = appraise_regard(st.regard[lst], 0.5 + 0.5 * kept, kept, T.self_esteem[lst],
                                     T.rejection_sensitivity[lst], p)
    updated = update_belief(belief_s, perceived, p.learning_rate * diag,
                            np.where(active, p.evidence_discount, 1.0))
    st.belief_mean[s], st.belief_certainty[s], st.belief_shape[s], st.belief_rate[s] = updated

    # --- dependence regulation, both people (Murray 2006; Collins & Miller 1994) ------------
    reg_s = regulate_dependence(st.closeness[s], st.liking[s], intimacy[s], new_hurt,
                                st.regard[s], st.security[s], 0.0, kept, perceived, p)
    reg_l = regulate_dependence(st.closeness[lst], st.liking[lst], intimacy[lst], 0.0,
                                st.regard[lst], st.security[lst], weighted, 0.0, 0.0, p)
    st.closeness[s], st.liking[s] = reg_s
    st.closeness[lst], st.liking[lst] = reg_l

    # --- suppression, relief and leaving ---------------------------------------------------
    tension = relieve(suppress(st.tension[s], q * active, depth, turn.emotional, p), kept, p)
    st.tension[s] = tension
    st.tension *= p.tension_decay
    st.left[s] = decide_to_leave(st.left[s], st.regard[s], st.hurt[s], p)
    st.last_depth[s] = kept

    return TurnOutcome(s, q, will, depth, kept, decision.breadth * active, edited, flooded,
                       sigmoid(a_logit), perceived, intimacy, new_hurt)


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
