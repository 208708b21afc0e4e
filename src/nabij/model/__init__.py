"""The theory: the risk regulation system, one mechanism per module, each rule written once.

Each rule is one scalar function (one person of one dyad) in its module; its array form,
exported here, is derived from it (:mod:`.arrays`, :mod:`.elementwise`), and so is the
engine's compiled kernel.

- :mod:`.traits` - individual differences and their population distribution
- :mod:`.impressions` - first impressions: perceiver, target and relationship parts of liking
- :mod:`.start` - starting values and inputs the caller gives per dyad or person
- :mod:`.context` - relationship type, power, display norms, audience
- :mod:`.appraisal`, :mod:`.signaling`, :mod:`.regulation` - the three contingency rules
  (Murray, Holmes & Collins 2006)
- :mod:`.goals` - connectedness vs self-protection (Murray et al. 2008)
- :mod:`.disclosure`, :mod:`.decision` - the disclosure decision (Omarzu 2000), editing,
  suppression
- :mod:`.responsiveness` - actual and perceived responsiveness, intimacy (Reis & Shaver 1988)
- :mod:`.learning` - expectations updated so that consistency beats intensity
- :mod:`.turn` - one dyad's turn, composing all of the above (:data:`~.turn.RULES`)
- :mod:`.elementwise`, :mod:`.arrays` - compiled and array forms of the scalar rules
- :mod:`.params` - every parameter with range, meaning and source
"""

from nabij.model.arrays import (
    actual_responsiveness_logit,
    anticipated_rejection,
    appraise_regard,
    audience_exposure,
    belief_sd,
    breadth,
    choose_depth,
    connectedness_goal,
    decide_to_leave,
    diagnosticity,
    emotional_edit,
    emotional_weight,
    flood,
    goal_activation,
    intimacy_of_discloser,
    intimacy_of_listener,
    perceived_responsiveness,
    predictive_sd,
    project_liking,
    regulate_dependence,
    rejection_stakes,
    relieve,
    resolve_goals,
    self_protection_goal,
    signal_acceptance,
    suppress,
    topic_risk,
    trust_lower_bound,
    update_belief,
    willingness,
)
from nabij.model.context import RELATIONSHIPS, Context, RelationshipType
from nabij.model.decision import Decision, decide, disclosure_willingness
from nabij.model.impressions import first_impression, projected_regard, target_appeal
from nabij.model.learning import Belief, credible_interval, prior_belief
from nabij.model.params import Params, ParamSpec, param_specs
from nabij.model.start import Start
from nabij.model.state import DyadState, DyadTraits
from nabij.model.traits import (
    TRAIT_CORRELATIONS,
    TRAIT_MARGINALS,
    Population,
    TraitMarginal,
    sample_population,
)
from nabij.model.turn import TurnInput, TurnOutcome, dyad_turn, pass_days, take_turn

__all__ = [
    "RELATIONSHIPS",
    "TRAIT_CORRELATIONS",
    "TRAIT_MARGINALS",
    "Belief",
    "Context",
    "Decision",
    "DyadState",
    "DyadTraits",
    "ParamSpec",
    "Params",
    "Population",
    "RelationshipType",
    "Start",
    "TraitMarginal",
    "TurnInput",
    "TurnOutcome",
    "actual_responsiveness_logit",
    "anticipated_rejection",
    "appraise_regard",
    "audience_exposure",
    "belief_sd",
    "breadth",
    "choose_depth",
    "connectedness_goal",
    "credible_interval",
    "decide",
    "decide_to_leave",
    "diagnosticity",
    "disclosure_willingness",
    "dyad_turn",
    "emotional_edit",
    "emotional_weight",
    "first_impression",
    "flood",
    "goal_activation",
    "intimacy_of_discloser",
    "intimacy_of_listener",
    "param_specs",
    "pass_days",
    "perceived_responsiveness",
    "predictive_sd",
    "prior_belief",
    "project_liking",
    "projected_regard",
    "regulate_dependence",
    "rejection_stakes",
    "relieve",
    "resolve_goals",
    "sample_population",
    "self_protection_goal",
    "signal_acceptance",
    "suppress",
    "take_turn",
    "target_appeal",
    "topic_risk",
    "trust_lower_bound",
    "update_belief",
    "willingness",
]
