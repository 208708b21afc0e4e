"""First meetings in a round robin: the person-level structure of liking, beside real data (V1).

Design as in the TripleR package's ``likingLong`` example (one group of 54 people): every
member meets every other for a short chat and then rates how much they like them and how
much they think the other likes them (metaliking), each with two items on a 0-5 scale. Here
each chat is a free, self-paced conversation of ``--turns`` turns (6: about four minutes at
the pace of the 36 questions, 72 turns in 45 minutes), people carry their felt security and
tension from one meeting to the next (:func:`nabij.meet_in_rounds`), and the ratings add the
laboratory's response error to the model's liking and perceived regard.

Printed per group and averaged: reciprocity of liking (raw, and of the relationship effects
after removing each rater's and each target's mean), projection (metaliking with one's own
liking of that person), accuracy (metaliking with that person's liking of oneself), and the
Social Relations Model's split of liking and of disclosure depth into actor (perceiver),
partner (target) and relationship parts - at first sight (before a word is said) and after
the chat. Nothing here is fitted to the real figures.

Run: ``python scripts/first_meetings.py [--groups 10] [--seed 2026] [--turns 6]``.
"""

from __future__ import annotations

import argparse

import numpy as np

import nabij as nb
from nabij._rng import spawn
from nabij.engine.first_sight import first_sight
from nabij.lab.stats import srm_variances

GROUP = 54
#: The real figures of V1 (targets.md): TripleR likingLong, 0-5 scale.
REAL = {"reciprocity_raw": 0.12, "reciprocity_relationship": 0.14, "projection": 0.64,
        "accuracy": 0.12}
#: Response error of one rating, in points of a 0-5 scale: the laboratory's 0.6 points on a
#: 1-7 scale (nabij.lab.instruments.RESPONSE_SD), rescaled.
ITEM_SD = 0.6 * 5 / 6


def rate(state: np.ndarray, gen: np.random.Generator) -> np.ndarray:
    """The mean of two 0-5 items rating a 0-1 state, each with response error, on integer points."""
    items = [np.clip(np.rint(5.0 * state + ITEM_SD * gen.standard_normal(state.shape)), 0, 5)
             for _ in range(2)]
    return np.asarray((items[0] + items[1]) / 2.0)


def matrix(values: np.ndarray, persons: np.ndarray) -> np.ndarray:
    """A round-robin matrix ``m[i, j]`` (what i does toward j) from per-dyad (2, n) values."""
    m = np.full((GROUP, GROUP), np.nan)
    m[persons[:, 0], persons[:, 1]] = values[0]
    m[persons[:, 1], persons[:, 0]] = values[1]
    return m


def relationship_reciprocity(m: np.ndarray) -> float:
    """Dyadic reciprocity: the correlation of relationship effects (Kenny 1994; Warner et al. 1979)."""
    n = m.shape[0]
    x = np.where(np.isnan(m), 0.0, m)
    row, col = x.sum(axis=1) / (n - 1), x.sum(axis=0) / (n - 1)
    grand = x.sum() / (n * (n - 1))
    k1, k2, k3 = (n - 1) ** 2 / (n * (n - 2)), (n - 1) / (n * (n - 2)), (n - 1) / (n - 2)
    a = k1 * row + k2 * col - k3 * grand
    b = k1 * col + k2 * row - k3 * grand
    g = x - a[:, None] - b[None, :] - grand
    i, j = np.triu_indices(n, 1)
    gij, gji = g[i, j], g[j, i]
    pairs = n * (n - 1) / 2
    ms_between = ((gij + gji) ** 2 / 2).sum() / (pairs - n)
    ms_within = ((gij - gji) ** 2 / 2).sum() / (pairs - n + 1)
    return float((ms_between - ms_within) / (ms_between + ms_within))


def statistics(liking: np.ndarray, regard: np.ndarray, persons: np.ndarray) -> dict[str, float]:
    """V1's statistics and the SRM split of liking, from per-dyad (2, n) liking and regard."""
    like, meta = matrix(liking, persons), matrix(regard, persons)
    off = ~np.eye(GROUP, dtype=bool)
    i, j = np.triu_indices(GROUP, 1)
    var = srm_variances(like[None])
    parts = np.maximum([var.actor, var.partner, var.relationship], 0.0)
    share = parts / parts.sum()
    return {
        "reciprocity_raw": float(np.corrcoef(like[i, j], like[j, i])[0, 1]),
        "reciprocity_relationship": relationship_reciprocity(like),
        "projection": float(np.corrcoef(meta[off], like[off])[0, 1]),
        "accuracy": float(np.corrcoef(meta[off], like.T[off])[0, 1]),
        "liking_sd": float(np.nanstd(like[off])),
        "share_perceiver": float(share[0]),
        "share_target": float(share[1]),
        "share_relationship": float(share[2]),
    }


def one_group(seed: np.random.SeedSequence, turns: int, params: nb.Params) -> dict[str, dict[str, float]]:
    s_people, s_run, s_rate = spawn(seed, 3)
    people = nb.sample_population(GROUP, s_people)
    pairing = nb.round_robin(GROUP)
    gen = np.random.default_rng(s_rate)
    start = first_sight(people, pairing, params, rng=s_run)
    res = nb.meet_in_rounds(people, pairing, nb.free_conversation(turns), params=params, rng=s_run,
                            record=nb.Recorder(per_turn=("kept_depth",), final=("liking", "regard")))
    out = {
        "first sight (model states)": statistics(start.liking, start.regard, pairing.persons),
        "after the chat (model states)": statistics(res.final["liking"], res.final["regard"],
                                                    pairing.persons),
        "after the chat (0-5 ratings)": statistics(rate(res.final["liking"], gen),
                                                   rate(res.final["regard"], gen), pairing.persons),
    }
    depth = res.per_turn["kept_depth"]
    speaker = res.protocol.speaker
    own = np.stack([depth[speaker == p].mean(axis=0) for p in (0, 1)])
    var = srm_variances(matrix(own, pairing.persons)[None])
    parts = np.maximum([var.actor, var.partner, var.relationship], 0.0)
    share = parts / parts.sum()
    out["disclosure depth (T12)"] = {"share_actor": float(share[0]), "share_partner": float(share[1]),
                                     "share_relationship": float(share[2])}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--groups", type=int, default=10, help="independent groups of 54 (default 10)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--turns", type=int, default=6, help="turns per chat (default 6, ~4 minutes)")
    args = parser.parse_args()
    params = nb.Params()
    runs = [one_group(s, args.turns, params) for s in spawn(args.seed, args.groups)]
    print(f"{args.groups} round robins of {GROUP} people, {args.turns}-turn chats (mean [min, max] "
          "over groups)\n")
    for block in runs[0]:
        print(block)
        for key in runs[0][block]:
            values = np.array([r[block][key] for r in runs])
            real = f"   real {REAL[key]:.2f}" if key in REAL and "ratings" in block else ""
            print(f"  {key:26s} {values.mean():6.3f} [{values.min():6.3f}, {values.max():6.3f}]{real}")
        print()


if __name__ == "__main__":
    main()
