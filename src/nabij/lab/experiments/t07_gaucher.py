"""T7 - Gaucher et al. (2012): perceived regard explains self-esteem differences in expressivity.

Romantic partners talk about feelings (emotional topics, mixed valence). Expressivity is a
person's mean disclosure depth; perceived regard is taken after the opening exchange. In the
experiment, half of the couples open with a warm, personal reaction of the partner (scripted
feedback 0.9) that raises perceived regard; the control opens with the partner's own reaction.
Low self-esteem = bottom third.
"""

from __future__ import annotations

import numpy as np

from nabij._rng import spawn
from nabij.lab.experiment import Experiment, Replication, by_speaker, run_pairs, sample_size
from nabij.lab.instruments import Rater
from nabij.lab.stats import cohens_d, correlation, mediation
from nabij.model import Context, Params, sample_population
from nabij.protocols import Protocol, make_protocol, sequence

COUPLES = 150
WARM = 0.9
TALK_TURNS = 12


def _opening(warm: bool) -> Protocol:
    """Each partner shares a light thing about themselves and gets a reaction."""
    return make_protocol("opening", np.array([0, 1]), 0.3, 0.3, 0.4, 0.0,
                    feedback=WARM if warm else np.nan, relevance=1.0 if warm else np.nan)


def _talk() -> Protocol:
    t = TALK_TURNS
    return make_protocol("talk about feelings", np.arange(t) % 2, np.full(t, 0.6),
                    np.tile([0.4, 0.4, -0.4, -0.4], t // 4 + 1)[:t], np.full(t, 0.85), np.zeros(t))


def run(rng: np.random.SeedSequence, params: Params, scale: float = 1.0) -> Replication:
    n = sample_size(COUPLES, scale)
    s_people, s_control, s_warm, s_rate = spawn(rng, 4)
    rate = Rater(s_rate)
    people = sample_population(2 * n, s_people)
    ctx = Context(relationship="romantic")
    out = {}
    for name, warm, seed in (("control", False, s_control), ("warm", True, s_warm)):
        res = run_pairs(n, sequence([_opening(warm), _talk()]), seed, params, context=ctx,
                        per_turn=("kept_depth", "regard"), people=people)
        regard = rate(res.per_turn["regard"][1])
        expressivity = rate(by_speaker(res, "kept_depth", slice(2, None)))
        out[name] = (regard, expressivity)
    se = np.stack([people.self_esteem[0::2], people.self_esteem[1::2]])
    regard, expr = out["control"]
    med = mediation(se.ravel(), regard.ravel(), expr.ravel())
    low = se <= np.quantile(se, 1 / 3)
    return Replication(
        {"r_self_esteem_expressivity": correlation(se, expr), "path_a": med.a, "path_b": med.b,
         "d_low_self_esteem_regard_raised": cohens_d(out["warm"][1][low], expr[low])},
        {"low SE, control": [float(expr[low].mean())],
         "low SE, regard raised": [float(out["warm"][1][low].mean())]},
    )


EXPERIMENT = Experiment(
    "T7",
    sample=COUPLES,
    unit="couples",
    design=f"{COUPLES} couples; an opening exchange (warm scripted reaction {WARM} vs the partner's own), "
           f"then {TALK_TURNS} turns about feelings; the same people in both conditions.",
    mechanism="Low self-esteem biases appraisal of the partner's regard downward (Murray et al. 2000); "
              "lower regard weakens the connectedness goal and raises anticipated rejection, so less is "
              "disclosed (Gaucher et al. 2012); a warm, personal reaction raises appraised regard.",
    run=run,
)
