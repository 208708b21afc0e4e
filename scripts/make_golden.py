"""Write the golden outputs that ``tests/model/test_golden.py`` compares the model against.

The golden file freezes what the model computes for a fixed set of designs, so that a
refactoring that must not change the model (one definition per rule, a faster kernel) can
prove it: the test reruns the same designs and asks for agreement to 1e-12. Regenerate it
only when a rule changes on purpose, and say why in the commit message::

    PYTHONPATH=src python scripts/make_golden.py

The designs (:func:`designs`) cover every branch of a turn: self-paced and scripted topics,
days between sessions, power, audience, load and display norms, floods and leaving, scripted
reactions and relevance; plus the vectorized rule functions the laboratory calls directly.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

import nabij as nb
from nabij import model

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "model" / "golden" / "golden.npz"

#: Dyads per simulated design: enough to take every branch, small enough for a small file.
N_DYADS = 64
#: Per-turn values are kept for every STRIDE-th turn (the final state carries the rest).
STRIDE = 3
ALL = nb.Recorder(per_turn=tuple(nb.TURN_REPORTERS), final=tuple(nb.FINAL_REPORTERS))


#: Defaults the golden file was written with, pinned: a refit that moves a default
#: (``nabij calibrate``, docs/calibration.md) is not a change of the model.
WRITTEN_WITH: dict[str, float] = {"closeness_rate": 0.0276, "responsiveness_base": 0.0,
                                   "disclosure_threshold": 1.31, "perception_rs_bias": 1.84,
                                   "intimacy_responsiveness": 0.678}


def _params(**changes: float) -> nb.Params:
    """The parameters of a golden design: the pinned defaults with ``changes``."""
    return nb.Params(**{**WRITTEN_WITH, **changes})


def designs() -> dict[str, tuple[Any, Any, Any]]:
    """Protocol, context and parameters of each simulated design."""
    n = N_DYADS
    return {
        "questions": (nb.thirty_six_questions(4), nb.Context(), _params()),
        "free_days": (nb.repeat(nb.free_conversation(10), 3, gap_days=2.0),
                      nb.Context(relationship="friends"), _params()),
        "boss_audience": (
            nb.extended_turns(6),
            nb.Context(relationship="boss_employee", audience=np.linspace(1, 30, n),
                       identifiability=0.7, display_norm=0.2, cognitive_load=0.4),
            _params()),
        "hurt_leave_flood": (
            nb.thirty_six_questions(6), nb.Context(),
            _params(responsiveness_base=-2.5, leave_regard=0.45, leave_hurt=0.2,
                      flood_threshold=0.2, suppression_rate=0.9, hurt_gain=4.0)),
        "scripted": (
            nb.make_protocol("scripted", [0, 1, 0, 1, 0], [0.5, 0.3, 0.7, 0.3, 0.6],
                             feedback=[0.1, np.nan, 0.9, np.nan, 0.2],
                             relevance=[1.0, np.nan, np.nan, 0.5, 0.05]),
            nb.Context(relationship="romantic"), _params()),
        "practice": (nb.graded_exposure(), nb.Context(relationship="colleagues"), _params()),
    }


def simulated(kernel: str) -> dict[str, np.ndarray]:
    """Every design run by ``kernel``: sampled per-turn values and the final state."""
    people = nb.sample_population(2 * N_DYADS, rng=11)
    pairs = nb.fixed_pairs(2 * N_DYADS)
    out: dict[str, np.ndarray] = {}
    for name, (protocol, context, params) in designs().items():
        res = nb.simulate(people, pairs, protocol, context=context, params=params, rng=3,
                          record=ALL, kernel=kernel)  # type: ignore[arg-type]
        for key, arr in res.per_turn.items():
            out[f"sim/{name}/turn/{key}"] = np.asarray(arr[::STRIDE], dtype=np.float64)
        for key, arr in res.final.items():
            out[f"sim/{name}/final/{key}"] = np.asarray(arr, dtype=np.float64)
    return out


def rule_inputs() -> dict[str, np.ndarray]:
    """Random inputs on the rules' own ranges (fixed seed)."""
    gen = np.random.default_rng(7)
    m = 500
    u = {k: gen.uniform(0.0, 1.0, m) for k in
         ("a", "b", "c", "d", "e", "f", "g", "h", "i")}
    u["z1"], u["z2"] = gen.standard_normal(m), gen.standard_normal(m)
    u["val"] = gen.uniform(-1.0, 1.0, m)
    u["aud"] = gen.uniform(1.0, 20.0, m)
    u["nc"] = gen.poisson(3.5, m).astype(np.float64)
    u["conn"] = gen.uniform(-1.0, 3.0, m)
    u["logit"] = gen.uniform(-4.0, 4.0, m)
    return u


def _exposure(identifiability: np.ndarray, audience: np.ndarray) -> np.ndarray:
    """The exposure term the self-protection goal adds (its rule takes it ready-made)."""
    return np.asarray(identifiability * (0.5 + np.log(audience)))


def rules() -> dict[str, np.ndarray]:
    """The vectorized rule functions on random inputs, and the direct disclosure query."""
    p = _params()
    u = rule_inputs()
    a, b, c, d, e, f, g, h, i = (u[k] for k in "abcdefghi")
    out: dict[str, Any] = {
        "diagnosticity": model.diagnosticity(a, p),
        "appraise_regard": model.appraise_regard(a, b, c, p),
        "rejection_stakes": model.rejection_stakes(a, p),
        "signal_acceptance": model.signal_acceptance(a, b, c, d, e, f, g, p),
        "regulate_dependence": model.regulate_dependence(a, b, c, d, e, f, g, h, i, p),
        "decide_to_leave": model.decide_to_leave(c > 0.9, a, b, p),
        "connectedness_goal": model.connectedness_goal(a, b, c, d, e, f, g, u["nc"], p),
        "anticipated_rejection": model.anticipated_rejection(a, b),
        "self_protection_goal": model.self_protection_goal(a, b, c, d, e, f, _exposure(g, u["aud"]),
                                                           p),
        "resolve_goals": model.resolve_goals(a, b, p),
        "goal_activation": model.goal_activation(u["conn"], a, p),
        "topic_risk": model.topic_risk(a, b, u["val"], c, d, p),
        "willingness": model.willingness(u["conn"], a, b, p),
        "choose_depth": model.choose_depth(a, b),
        "breadth": model.breadth(u["conn"], p),
        "emotional_edit": model.emotional_edit(a - 0.2, b, c, d, e, p),
        "suppress": model.suppress(a, b, c, d, p),
        "flood": model.flood(a, b, p),
        "relieve": model.relieve(a, b, p),
        "actual_responsiveness_logit": model.actual_responsiveness_logit(
            a, b, c, d, e, u["z1"], f > 0.8, u["z2"], p),
        "perceived_responsiveness": model.perceived_responsiveness(u["logit"], a, b, u["z1"], p),
        "emotional_weight": model.emotional_weight(a, b, p),
        "intimacy_of_discloser": model.intimacy_of_discloser(a, b, c, p),
        "intimacy_of_listener": model.intimacy_of_listener(a, b, c, p),
        "project_liking": model.project_liking(a, b, c, p),
    }
    belief = model.prior_belief(a, 1.0 + 10.0 * b)
    updated = model.update_belief(belief, c, d, 0.9 + 0.1 * e)
    out["update_belief"] = updated
    out["belief_sd"] = model.belief_sd(updated)
    out["predictive_sd"] = model.predictive_sd(updated)
    out["trust_lower_bound"] = model.trust_lower_bound(updated, p.trust_z)
    people = nb.sample_population(300, rng=5)
    for ctx_name, ctx in {"strangers": nb.Context(),
                          "boss": nb.Context(relationship="boss_employee", cognitive_load=0.5),
                          "friends_public": nb.Context(relationship="friends", audience=5.0,
                                                       display_norm=0.1)}.items():
        for q in (0.2, 0.8):
            out[f"disclosure_willingness/{ctx_name}/{q}"] = nb.disclosure_willingness(
                people, q, valence=-0.5, emotional=0.7, context=ctx, params=p)
    flat: dict[str, np.ndarray] = {}
    for name, value in out.items():
        if isinstance(value, tuple):
            for k, part in enumerate(value):
                flat[f"rule/{name}/{k}"] = np.asarray(part, dtype=np.float64)
        else:
            flat[f"rule/{name}"] = np.asarray(value, dtype=np.float64)
    return flat


def main() -> int:
    data: dict[str, np.ndarray] = {}
    data.update(simulated("fused"))
    data.update({k.replace("sim/", "ref/", 1): v for k, v in simulated("reference").items()})
    data.update(rules())
    GOLDEN.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(GOLDEN, **data)  # type: ignore[arg-type]
    print(f"{len(data)} arrays -> {GOLDEN} ({GOLDEN.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
