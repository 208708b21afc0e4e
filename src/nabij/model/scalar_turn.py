"""One turn of one dyad in scalar arithmetic: the same rules as :func:`~nabij.model.turn.take_turn`.

:func:`take_turn` is the documented reference: one vectorized function per rule, each citing
its source. This module writes the same turn once more for a *single* dyad with plain floats,
in the same order and with the same expressions, so that

- the engine can compile it with numba into one fused loop over dyads (no temporaries, one
  read and one write of the state per dyad-turn; :mod:`nabij.engine.fused`), and
- an agent-based re-implementation (the Mesa benchmark model) can call it per agent.

``tests/model/test_scalar_turn.py`` checks it against :func:`take_turn` dyad by dyad, and
``tests/engine/test_fused.py`` the compiled engine against the reference engine.
The rules and their sources, in order (see the modules named for the full citations):

1. goal balance - connectedness vs self-protection (:mod:`.goals`; Murray et al. 2006, 2008);
2. disclosure decision - willingness, depth, breadth (:mod:`.disclosure`; Omarzu 2000);
3. flooding of pent-up tension (:func:`.disclosure.flood`; seed 003);
4. actual and perceived responsiveness, intimacy (:mod:`.responsiveness`; Reis & Shaver 1988);
5. emotional editing (:func:`.disclosure.emotional_edit`; seed 001);
6. hurt decay and security homeostasis (Murray et al. 2003; Leary & Baumeister 2000);
7. signaling - the sociometer (:mod:`.signaling`; Leary et al. 1995);
8. appraisal of regard, both people (:mod:`.appraisal`; Murray et al. 2006; Collins & Miller 1994);
9. learning the partner's responsiveness (:mod:`.learning`; seed 001);
10. dependence regulation, both people (:mod:`.regulation`; Murray et al. 2006);
11. suppression, relief and leaving (:mod:`.disclosure`, :mod:`.regulation`; seed 003).

Only ``math`` and tuples are used, so numba can compile it unchanged.
"""

from __future__ import annotations

import math
from typing import Any, NamedTuple

from nabij.model.learning import MIN_EVIDENCE, PRIOR_REACTION_SD

__all__ = ["PersonState", "PersonTraits", "TurnValues", "dyad_turn"]

#: The functions of this module in calling order (callees first), for compiling them together.
FUNCTIONS = ("sigmoid", "clip01", "appraise", "regulate", "dyad_turn")

#: The floor of the belief's rate statistic (:func:`nabij.model.learning.discount_belief`).
_RATE_FLOOR = MIN_EVIDENCE * PRIOR_REACTION_SD**2


class PersonState(NamedTuple):
    """One person's state in one dyad; the fields of :class:`~nabij.model.state.DyadState`."""

    closeness: float
    liking: float
    regard: float
    security: float
    tension: float
    hurt: float
    belief_mean: float
    belief_certainty: float
    belief_shape: float
    belief_rate: float
    last_depth: float
    left: bool
    chemistry: float


class PersonTraits(NamedTuple):
    """One person's traits; the fields of :class:`~nabij.model.state.DyadTraits`."""

    self_esteem: float
    rejection_sensitivity: float
    avoidance: float
    need_to_belong: float
    self_compassion: float
    opener: float
    n_close: float


class TurnValues(NamedTuple):
    """What happened in the turn; the fields of :class:`~nabij.model.turn.TurnOutcome`."""

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


def sigmoid(x: float) -> float:
    """The logistic function as :func:`nabij.model._math.sigmoid` writes it."""
    return 0.5 * (1.0 + math.tanh(0.5 * x))


def clip01(x: float) -> float:
    """``x`` kept on [0, 1]."""
    return min(max(x, 0.0), 1.0)


def appraise(regard: float, evidence: float, weight: float, traits: PersonTraits, p: Any) -> float:
    """Appraisal of regard (:func:`nabij.model.appraisal.appraise_regard`; Murray et al. 2006)."""
    biased = clip01(evidence + p.appraisal_self_esteem_bias * (traits.self_esteem - 0.5)
                    - p.appraisal_rs_bias * (traits.rejection_sensitivity - 0.5))
    return clip01(regard + p.appraisal_rate * clip01(weight) * (biased - regard))


def regulate(c: float, lk: float, intimacy: float, hurt: float, regard: float, security: float,
             received: float, disclosed: float, reaction: float, p: Any) -> tuple[float, float]:
    """Closeness and liking after dependence regulation (Murray et al. 2006; Collins & Miller
    1994; :func:`nabij.model.regulation.regulate_dependence`)."""
    approach = regard - p.regard_pivot
    room = 1.0 - c if approach > 0.0 else c
    c_new = (c + p.closeness_rate * intimacy * (1.0 - c) * (0.5 + 0.5 * security)
             + p.threat_response * hurt * approach * room)
    undervalued = max(0.0, -approach) / max(p.regard_pivot, 1e-9)
    lk_new = (lk + p.liking_receive * received * (1.0 - lk)
              + p.liking_disclose * disclosed * reaction * (1.0 - lk)
              - p.devalue_rate * hurt * undervalued * lk)
    return clip01(c_new), clip01(lk_new)


def dyad_turn(me: PersonState, you: PersonState, my: PersonTraits, your: PersonTraits,
              power_down: float, load: float, display_norm: float, exposure: float,
              topic: float, valence: float, emotional: float, feedback: float, relevance: float,
              noise_actual: float, noise_perceived: float,
              p: Any) -> tuple[PersonState, PersonState, TurnValues]:
    """Speaker ``me`` discloses to listener ``you``; return both new states and the turn's values.

    ``power_down`` and ``load`` are the speaker's context, ``exposure`` the dyad's
    ``identifiability x (0.5 + log audience)``; ``topic`` is NaN for a self-paced turn;
    ``feedback`` and ``relevance`` script the reaction and how personal it is (NaN = not
    scripted; :class:`~nabij.model.turn.TurnInput`); ``p`` is anything with the attributes
    of :class:`~nabij.model.params.Params`.
    """
    on = 0.0 if (me.left or you.left) else 1.0
    active = on > 0.0
    q = min(1.0, you.last_depth + p.self_paced_step) if math.isnan(topic) else topic

    # 1-2. goal balance and the disclosure decision (goals.py, disclosure.py, decision.py)
    nc = my.n_close
    connect = (p.belong_weight * my.need_to_belong + p.expectation_weight * me.belief_mean
               + p.regard_weight * me.regard + p.liking_weight * me.liking
               + p.reciprocity_weight * you.last_depth + p.relief_weight * me.tension
               - p.avoidance_weight * my.avoidance - p.network_weight * nc / (nc + 3.0))
    sd = math.sqrt(me.belief_rate / (me.belief_shape * me.belief_certainty))
    trust = clip01(me.belief_mean - p.trust_z * sd)
    protect = ((p.stakes_base + p.stakes_closeness * me.closeness)
               * (1.0 - 0.5 * (trust + me.regard))
               * (1.0 + p.risk_rs_amplification * my.rejection_sensitivity)
               * (1.0 - p.self_compassion_buffer * my.self_compassion))
    protect = protect + p.power_risk * power_down + p.exposure_risk * exposure
    norm = p.norm_risk * (1.0 - display_norm) * emotional
    risk = q * (protect * (1.0 + p.negative_valence_risk * max(0.0, -valence)) + norm)
    control = 1.0 - load
    resolution = (1.0 - p.dual_activation
                  - control * p.reflective_resolution * (2.0 * my.self_esteem - 1.0)
                  - (1.0 - control) * p.impulsive_approach)
    will = sigmoid(p.disclosure_gain * (connect - resolution * risk - p.disclosure_threshold))
    breadth = sigmoid(p.breadth_gain * (connect - p.disclosure_threshold)) * on

    # 3. flooding (disclosure.flood)
    flooded = me.tension > p.flood_threshold
    depth = q * will
    if flooded:
        depth = max(depth, me.tension)
    if not active:
        depth = 0.0
    flooded = flooded and active

    # 4-5. responsiveness, editing, intimacy (responsiveness.py, disclosure.emotional_edit)
    a_logit = (p.responsiveness_base + p.skill_weight * (your.opener - 0.5)
               + p.security_weight * (you.security - 0.5)
               + p.listener_liking_weight * (you.liking - 0.5) + p.depth_elicits * depth
               - p.avoidance_listener_weight * your.avoidance
               - p.flood_penalty * (1.0 if flooded else 0.0) + you.chemistry
               + p.responsiveness_noise * noise_actual)
    if not math.isnan(feedback):  # a scripted reaction replaces the listener's own
        f = min(max(feedback, 1e-4), 1.0 - 1e-4)
        a_logit = math.log(f / (1.0 - f))
    perceived = sigmoid(a_logit - p.perception_rs_bias * (my.rejection_sensitivity - 0.5)
                        + p.perception_se_bias * (my.self_esteem - 0.5)
                        + p.perception_noise * noise_perceived)
    edited = 0.0
    if depth > 0.0:
        shortfall = max(0.0, me.belief_mean - perceived)
        disposition = 0.5 + 0.5 * my.rejection_sensitivity + 0.5 * my.avoidance
        edited = min(p.edit_max, p.edit_gain * shortfall * disposition)
    kept = depth * (1.0 - edited)
    weighted = kept * (p.factual_weight + (1.0 - p.factual_weight) * emotional)
    intimacy_me = 0.0
    intimacy_you = 0.0
    if active:
        intimacy_me = clip01(p.intimacy_self * weighted
                             + p.intimacy_responsiveness * perceived
                             * (p.responsiveness_floor + (1.0 - p.responsiveness_floor) * kept))
        intimacy_you = clip01(p.intimacy_partner * weighted)

    # 6. hurt decays, felt security returns toward self-esteem (both people)
    my_hurt = me.hurt * p.hurt_decay
    your_hurt = you.hurt * p.hurt_decay
    my_security = me.security + p.security_homeostasis * (my.self_esteem - me.security)
    your_security = you.security + p.security_homeostasis * (your.self_esteem - you.security)

    # 7. signaling: the sociometer (signaling.signal_acceptance)
    if math.isnan(relevance):
        diag = (p.evidence_floor + (1.0 - p.evidence_floor) * depth) * on
    else:
        diag = relevance * on
    relevance = clip01(diag)
    stakes = p.stakes_base + p.stakes_closeness * me.closeness
    neutral = p.acceptance_neutral
    if perceived >= neutral:
        acceptance = (perceived - neutral) / (1.0 - neutral)
    else:
        acceptance = (perceived - neutral) / neutral
    cushion = 1.0 - p.self_compassion_buffer * my.self_compassion
    new_hurt = 0.0
    if active:
        doubt = 1.0 + p.hurt_doubt * (1.0 - me.regard)
        new_hurt = clip01(p.hurt_gain * relevance * stakes * max(0.0, -acceptance) * cushion * doubt)
        my_security = clip01(my_security + p.sociometer_rate * relevance * stakes * acceptance)
        my_hurt = clip01(my_hurt + new_hurt)

    # 8. appraisal of regard: the speaker reads the reaction, the listener was confided in
    my_regard = appraise(me.regard, perceived, diag, my, p)
    your_regard = appraise(you.regard, 0.5 + 0.5 * kept, kept, your, p)

    # 9. learning: discounted Normal-Gamma update (learning.update_belief)
    lam = p.evidence_discount if active else 1.0
    k = max(me.belief_certainty * lam, MIN_EVIDENCE)
    a = max(me.belief_shape * lam, MIN_EVIDENCE)
    b = max(me.belief_rate * lam, _RATE_FLOOR)
    w = p.learning_rate * diag
    k_new = k + w
    mean_new = (k * me.belief_mean + w * perceived) / k_new
    b_new = b + 0.5 * k * w * (perceived - me.belief_mean) ** 2 / k_new

    # 10. dependence regulation (regulation.regulate_dependence), both people
    my_close, my_liking = regulate(me.closeness, me.liking, intimacy_me, new_hurt, my_regard,
                                   my_security, 0.0, kept, perceived, p)
    your_close, your_liking = regulate(you.closeness, you.liking, intimacy_you, 0.0, your_regard,
                                       your_security, weighted, 0.0, 0.0, p)

    # 11. suppression, relief, tension decay and leaving (disclosure.py, regulation.py)
    held = max(0.0, q * on - depth)
    my_tension = clip01(me.tension + p.suppression_rate * held * (0.5 + 0.5 * emotional))
    my_tension = max(0.0, my_tension - p.relief_rate * kept) * p.tension_decay
    left = me.left or (my_regard < p.leave_regard and my_hurt > p.leave_hurt)

    new_me = PersonState(my_close, my_liking, my_regard, my_security, my_tension, my_hurt,
                         mean_new, k_new, a + 0.5 * w, b_new, kept, left, me.chemistry)
    new_you = PersonState(your_close, your_liking, your_regard, your_security,
                          you.tension * p.tension_decay, your_hurt, you.belief_mean,
                          you.belief_certainty, you.belief_shape, you.belief_rate,
                          you.last_depth, you.left, you.chemistry)
    values = TurnValues(q, will, depth, kept, breadth, edited, flooded, sigmoid(a_logit), perceived,
                        intimacy_me, intimacy_you, new_hurt)
    return new_me, new_you, values
