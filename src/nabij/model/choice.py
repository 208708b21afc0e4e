"""The choice at the end of a meeting: would this person meet the partner again (yes/no)?

In speed dating each person says yes or no to each partner. The choice follows attraction
weighed by the expected chance of being accepted (Shanteau & Nagy 1979: choice of a date
follows attractiveness times the probability of acceptance; Eastwick, Finkel, Mochon &
Ariely 2007). In the risk regulation system this is the dependence rule at the level of a
decision: one approaches a partner one expects to be valued by and protects oneself from
one who seems not to care (Murray, Holmes & Collins 2006). Whoever has left says no.

One scalar function (floats in, a float out: 1.0 = yes, 0.0 = no).
"""

from __future__ import annotations

from nabij.model.params import Params

__all__ = ["would_meet_again"]


def would_meet_again(liking: float, regard: float, left: float, params: Params) -> float:
    """1.0 if ``liking x regard`` (attraction times expected acceptance) exceeds
    ``meet_again_threshold`` and the person has not left, else 0.0."""
    if left > 0.0:
        return 0.0
    return 1.0 if liking * regard > params.meet_again_threshold else 0.0
