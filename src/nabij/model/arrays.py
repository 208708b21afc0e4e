"""The array form of every rule: the same function, applied element by element.

Each rule is defined once, as a scalar function in its own module (:mod:`.appraisal`,
:mod:`.signaling`, ...); this module derives its array form with
:func:`~nabij.model.elementwise.elementwise`: arguments broadcast as in numpy, outputs
are arrays (or named tuples of arrays). ``nabij.model.appraise_regard`` is this module's
``appraise_regard``, the array form of :func:`nabij.model.appraisal.appraise_regard`.
"""

from __future__ import annotations

from nabij.model import (
    appraisal,
    appropriateness,
    being_known,
    choice,
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
from nabij.model.elementwise import elementwise

__all__ = [
    "actual_responsiveness_logit",
    "anticipated_rejection",
    "appraise_regard",
    "audience_exposure",
    "belief_sd",
    "breadth",
    "choose_depth",
    "closeness_gap_pull",
    "connectedness_goal",
    "costly_diagnosticity",
    "costly_response_logit",
    "decide_to_leave",
    "desired_closeness",
    "diagnosticity",
    "disclosure_allowance",
    "discount_belief",
    "emotional_edit",
    "emotional_weight",
    "first_impression",
    "flood",
    "goal_activation",
    "initial_shared_reality",
    "intimacy_of_discloser",
    "intimacy_of_listener",
    "liking_after_overdisclosure",
    "other_goals_utility",
    "overdisclosure",
    "perceived_responsiveness",
    "predictive_sd",
    "project_liking",
    "projected_regard",
    "regulate_dependence",
    "rejection_stakes",
    "relieve",
    "resolve_goals",
    "self_exposure_risk",
    "self_paced_topic",
    "self_protection_goal",
    "shared_reality_after",
    "signal_acceptance",
    "suppress",
    "target_appeal",
    "topic_risk",
    "trust_lower_bound",
    "update_belief",
    "willingness",
    "would_meet_again",
]

# appraisal (Murray, Holmes & Collins 2006)
diagnosticity = elementwise(appraisal.diagnosticity)
appraise_regard = elementwise(appraisal.appraise_regard)
project_liking = elementwise(appraisal.project_liking)
# signaling: the sociometer (Leary et al. 1995)
rejection_stakes = elementwise(signaling.rejection_stakes)
signal_acceptance = elementwise(signaling.signal_acceptance, out=signaling.Signal)
# dependence regulation (Murray et al. 2006)
regulate_dependence = elementwise(regulation.regulate_dependence, out=regulation.Regulated)
decide_to_leave = elementwise(regulation.decide_to_leave, out=bool)
# the goal balance (Murray et al. 2006, 2008)
connectedness_goal = elementwise(goals.connectedness_goal)
anticipated_rejection = elementwise(goals.anticipated_rejection)
audience_exposure = elementwise(goals.audience_exposure)
self_protection_goal = elementwise(goals.self_protection_goal)
resolve_goals = elementwise(goals.resolve_goals)
goal_activation = elementwise(goals.goal_activation, out=goals.GoalActivation)
# the disclosure decision, editing, suppression (Omarzu 2000; seeds 001, 003)
self_paced_topic = elementwise(disclosure.self_paced_topic)
topic_risk = elementwise(disclosure.topic_risk)
willingness = elementwise(disclosure.willingness)
choose_depth = elementwise(disclosure.choose_depth)
breadth = elementwise(disclosure.breadth)
emotional_edit = elementwise(disclosure.emotional_edit)
suppress = elementwise(disclosure.suppress)
flood = elementwise(disclosure.flood, out=disclosure.Flood)
relieve = elementwise(disclosure.relieve)
# responsiveness and intimacy (Reis & Shaver 1988)
actual_responsiveness_logit = elementwise(responsiveness.actual_responsiveness_logit)
perceived_responsiveness = elementwise(responsiveness.perceived_responsiveness)
emotional_weight = elementwise(responsiveness.emotional_weight)
intimacy_of_discloser = elementwise(responsiveness.intimacy_of_discloser)
intimacy_of_listener = elementwise(responsiveness.intimacy_of_listener)
# learning the partner's responsiveness (seed 001)
update_belief = elementwise(learning.update_belief, out=learning.Belief)
discount_belief = elementwise(learning.discount_belief, out=learning.Belief)
belief_sd = elementwise(learning.belief_sd)
predictive_sd = elementwise(learning.predictive_sd)
trust_lower_bound = elementwise(learning.trust_lower_bound)
# first impressions and projection (Kenny 1994; Kenny & DePaulo 1993)
target_appeal = elementwise(impressions.target_appeal)
first_impression = elementwise(impressions.first_impression)
projected_regard = elementwise(impressions.projected_regard)
# inappropriate disclosure (Cozby 1972; Chaikin & Derlega 1974)
disclosure_allowance = elementwise(appropriateness.disclosure_allowance)
overdisclosure = elementwise(appropriateness.overdisclosure)
liking_after_overdisclosure = elementwise(appropriateness.liking_after_overdisclosure)
# situations of dependence (Murray et al. 2006; Van Lange et al. 1997)
costly_response_logit = elementwise(dependence.costly_response_logit)
costly_diagnosticity = elementwise(dependence.costly_diagnosticity)
# Omarzu's other goals, desired closeness (Omarzu 2000; Frost & Forrester 2013)
other_goals_utility = elementwise(motives.other_goals_utility)
desired_closeness = elementwise(motives.desired_closeness)
closeness_gap_pull = elementwise(motives.closeness_gap_pull)
# similarity and shared reality (Byrne 1971; Echterhoff et al. 2009)
initial_shared_reality = elementwise(similarity.initial_shared_reality)
shared_reality_after = elementwise(similarity.shared_reality_after)
# fear of being known (seed 001)
self_exposure_risk = elementwise(being_known.self_exposure_risk)
# the choice at the end of a meeting (Shanteau & Nagy 1979)
would_meet_again = elementwise(choice.would_meet_again)
