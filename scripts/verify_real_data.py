"""Recompute the published figures of the real-data targets V1 and V3 from the open data.

The laboratory's real-data checks (``src/nabij/lab/targets.toml``, targets V1 and V3) carry
figures computed from public data sets. This script recomputes each one from the original
files, with the same statistic the experiment reports for the model, so that anyone can
check the numbers. The data are not shipped with nabij; point the script at your own copy.

V1 - the ``likingLong`` example data of the R package TripleR (Schönbrodt, Back & Schmukle
2012), file ``data/likingLong.tab`` of the package source (e.g. the GitHub repository
``nicebread/TripleR``, ``package/data/likingLong.tab``): one round robin of 54 people, 2,916
rows (perceiver x target, self-ratings missing), two liking items and two metaliking items
on 0-5. Liking is the mean of ``liking_a`` and ``liking_b``, metaliking the mean of
``metaliking_a`` and ``metaliking_b``. Then, over the 2,862 directed ratings:

- ``r_reciprocity_raw``: double-entry Pearson r of i's liking of j with j's liking of i
  (every unordered pair entered twice, once in each order);
- ``r_reciprocity_relationship``: the same between Social Relations Model relationship
  effects, i.e. after removing each rater's actor effect, each target's partner effect and
  the grand mean (Warner, Kenny & Stoto 1979);
- ``r_projection``: r of i's metaliking of j with i's own liking of j;
- ``r_accuracy``: r of i's metaliking of j with j's liking of i.

As a check that the file was read right, the script also prints the SRM variance components
of ``liking_a`` and ``metaliking_a``; the TripleR vignette prints the same estimates for this
data set (liking_a: perceiver .172, target .105, relationship .609, relationship covariance
.080; metaliking_a: .140, .027, .436, .062).

V3 - the shared-reality chat study, public repository ``wasita/shared-reality``:
``data/raw/srgi-composite-scores.csv`` (one row per participant: ``experiment`` chat or
no-chat, ``matchType`` high = similar attitude, low = dissimilar, random; ``pid``;
``srgiResponse``, the shared-reality composite, 1-7) and, for the pair statistics,
``data/chat_messages.csv`` (``group_id``, ``prolific_id``, ``message_string``). Over
participants:

- ``level_chat`` / ``level_no_chat``: mean score of all chat participants (all three match
  types) and of all no-chat participants;
- ``d_chat_vs_no_chat``: Cohen's d with the pooled SD, chat vs no chat;
- ``d_similar_vs_dissimilar``: Cohen's d, chat participants matched on a shared attitude
  (high) vs on a disagreement (low).

Over chat pairs in which both partners have a score (needs ``chat_messages.csv``):

- ``r_partners``: double-entry r of the two partners' scores;
- talk: each partner's characters over all their messages; ``r_total_talk_score``: r of the
  pair's total characters with the pair's mean score; ``r_dominance_score``: r of the larger
  partner's share of the characters with the pair's mean score.

Run::

    python scripts/verify_real_data.py --liking path/to/likingLong.tab \\
        --srgi path/to/srgi-composite-scores.csv [--chat path/to/chat_messages.csv]
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

import numpy as np
import numpy.typing as npt

from nabij.lab.experiments.v01_round_robin import dyadic_correlation, relationship_effects
from nabij.lab.stats import cohens_d, correlation

FloatArray = npt.NDArray[np.float64]


# --------------------------------------------------------------------------- V1: likingLong


def read_round_robin(path: Path) -> dict[str, FloatArray]:
    """The four rating variables of ``likingLong.tab`` as ``(n, n)`` perceiver x target matrices.

    The file is R's ``write.table`` format: a header of six quoted column names, then one
    row per perceiver-target cell with a quoted row name first; ``NA`` marks a missing value.
    """
    lines = [ln.split() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    header = [h.strip('"') for h in lines[0]]
    rows = [ln[1:] if len(ln) == len(header) + 1 else ln for ln in lines[1:]]
    col = {name: i for i, name in enumerate(header)}
    perceiver = np.array([int(r[col["perceiver.id"]]) for r in rows])
    target = np.array([int(r[col["target.id"]]) for r in rows])
    ids = np.unique(np.concatenate([perceiver, target]))
    index = {v: i for i, v in enumerate(ids)}
    out: dict[str, FloatArray] = {}
    for name in ("liking_a", "liking_b", "metaliking_a", "metaliking_b"):
        m = np.full((ids.size, ids.size), np.nan)
        for r, p, t in zip(rows, perceiver, target, strict=True):
            value = r[col[name]]
            if value != "NA":
                m[index[p], index[t]] = float(value)
        out[name] = m
    return out


def srm_components(x: FloatArray) -> dict[str, float]:
    """Perceiver, target and relationship variance and the relationship covariance of one
    complete round robin (Warner, Kenny & Stoto 1979), as TripleR computes them for one group."""
    n = x.shape[0]
    rel = relationship_effects(x)
    off = ~np.eye(n, dtype=bool)
    row, col = np.nanmean(x, axis=1), np.nanmean(x, axis=0)
    grand = float(np.nanmean(x[off]))
    k1, k2, k3 = (n - 1) ** 2 / (n * (n - 2)), (n - 1) / (n * (n - 2)), (n - 1) / (n - 2)
    actor, partner = k1 * row + k2 * col - k3 * grand, k1 * col + k2 * row - k3 * grand
    sym, diff = 0.5 * (rel + rel.T), rel - rel.T
    ms_sym = np.nansum(sym**2) / ((n - 1) * (n - 2) / 2 - 1)
    ms_diff = (np.nansum(diff**2) / 2) / ((n - 1) * (n - 2))
    relationship, covariance = (ms_sym + ms_diff) / 2, (ms_sym - ms_diff) / 2
    shrink = relationship * (n - 1) / (n * (n - 2)) + covariance / (n * (n - 2))
    return {"perceiver": float(np.sum(actor**2) / (n - 1) - shrink),
            "target": float(np.sum(partner**2) / (n - 1) - shrink),
            "relationship": float(relationship), "relationship covariance": float(covariance)}


def v1_figures(path: Path) -> dict[str, float]:
    """The four V1 statistics (see the module docstring)."""
    data = read_round_robin(path)
    liking = (data["liking_a"] + data["liking_b"]) / 2
    meta = (data["metaliking_a"] + data["metaliking_b"]) / 2
    off = ~np.eye(liking.shape[0], dtype=bool)
    for name in ("liking_a", "metaliking_a"):
        parts = ", ".join(f"{k} {v:.3f}" for k, v in srm_components(data[name]).items())
        print(f"  check, SRM of {name}: {parts}")
    return {
        "r_reciprocity_raw": dyadic_correlation(liking),
        "r_reciprocity_relationship": dyadic_correlation(relationship_effects(liking)),
        "r_projection": correlation(meta[off], liking[off]),
        "r_accuracy": correlation(meta[off], liking.T[off]),
    }


# --------------------------------------------------------------------------- V3: shared reality


def read_scores(path: Path) -> list[dict[str, str]]:
    """Rows of ``srgi-composite-scores.csv``; one participant must not appear twice per condition."""
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    keys = [(r["experiment"], r["pid"]) for r in rows]
    if len(set(keys)) != len(keys):
        raise ValueError(f"{path}: a participant appears twice in one condition; deduplicate first")
    return rows


def v3_figures(srgi: Path, chat: Path | None) -> dict[str, float]:
    """The V3 statistics (see the module docstring); the pair statistics only with ``chat``."""
    rows = read_scores(srgi)
    score = {r["pid"]: float(r["srgiResponse"]) for r in rows if r["experiment"] == "chat"}
    chat_all = np.array([float(r["srgiResponse"]) for r in rows if r["experiment"] == "chat"])
    control = np.array([float(r["srgiResponse"]) for r in rows if r["experiment"] == "no-chat"])
    similar = np.array([float(r["srgiResponse"]) for r in rows
                        if r["experiment"] == "chat" and r["matchType"] == "high"])
    dissimilar = np.array([float(r["srgiResponse"]) for r in rows
                           if r["experiment"] == "chat" and r["matchType"] == "low"])
    print(f"  participants: chat {chat_all.size} (similar {similar.size}, dissimilar "
          f"{dissimilar.size}), no chat {control.size}")
    out = {"level_chat": float(chat_all.mean()), "level_no_chat": float(control.mean()),
           "d_chat_vs_no_chat": cohens_d(chat_all, control),
           "d_similar_vs_dissimilar": cohens_d(similar, dissimilar)}
    if chat is None:
        return out
    chars: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    with chat.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            chars[r["group_id"]][r["prolific_id"]] += len(r["message_string"])
    pairs = [(g, list(talk)) for g, talk in chars.items()
             if len(talk) == 2 and all(p in score for p in talk)]
    a = np.array([score[p[0]] for _, p in pairs])
    b = np.array([score[p[1]] for _, p in pairs])
    talk = np.array([[chars[g][p[0]], chars[g][p[1]]] for g, p in pairs], dtype=np.float64)
    total = talk.sum(axis=1)
    dominance = talk.max(axis=1) / total
    mean_score = (a + b) / 2
    print(f"  chat pairs with both scores: {len(pairs)}; dominant partner's mean share "
          f"{dominance.mean():.2f}")
    out.update({"r_partners": correlation(np.concatenate([a, b]), np.concatenate([b, a])),
                "r_dominance_score": correlation(dominance, mean_score),
                "r_total_talk_score": correlation(total, mean_score)})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--liking", type=Path, help="TripleR's data/likingLong.tab (target V1)")
    ap.add_argument("--srgi", type=Path, help="shared-reality data/raw/srgi-composite-scores.csv (V3)")
    ap.add_argument("--chat", type=Path, help="shared-reality data/chat_messages.csv (V3 pair statistics)")
    args = ap.parse_args()
    if args.liking is None and args.srgi is None:
        ap.error("give --liking and/or --srgi (the data files are not shipped with nabij)")
    if args.liking is not None:
        print(f"V1 from {args.liking}")
        for k, v in v1_figures(args.liking).items():
            print(f"  {k:<28} {v:.3f}")
    if args.srgi is not None:
        print(f"V3 from {args.srgi}" + (f" and {args.chat}" if args.chat else ""))
        for k, v in v3_figures(args.srgi, args.chat).items():
            print(f"  {k:<28} {v:.3f}")


if __name__ == "__main__":
    main()
