"""Situations of dependence beyond disclosure: a good response that costs the partner something.

Murray, Holmes & Collins (2006; seed 002): asking for help, a conflict of interest or a need
for sacrifice tests the partner as a disclosure does. Responding well costs the listener
(``cost``, 0-1, set by the protocol), so a cost lowers their responsiveness - less so the
closer they feel, since commitment makes people willing to sacrifice (Van Lange et al.
1997). And a response at a cost tells more: costly care is diagnostic care (Holmes 1981;
Murray & Holmes 2009), so the cost raises how much the moment counts as evidence for all
three rules (appraisal, signaling and learning).

Each rule is one scalar function (floats in, a float out).
"""

from __future__ import annotations

from nabij.model.params import Params

__all__ = ["costly_diagnosticity", "costly_response_logit"]


def costly_response_logit(cost: float, closeness: float, params: Params) -> float:
    """The shift of the listener's responsiveness (logit) when responding well costs them.

    ``-cost_penalty x cost x (1 - closeness)``: a stranger gives the full discount, a partner
    who feels fully close none (Van Lange et al. 1997).
    """
    return -params.cost_penalty * cost * (1.0 - closeness)


def costly_diagnosticity(diagnosticity: float, cost: float) -> float:
    """How much the moment counts as evidence once the response has a price (0-1).

    ``diagnosticity + (1 - diagnosticity) x cost``: a response at full cost is fully
    diagnostic, a free one as diagnostic as the disclosure made it (Holmes 1981; Murray &
    Holmes 2009).
    """
    return diagnosticity + (1.0 - diagnosticity) * cost
