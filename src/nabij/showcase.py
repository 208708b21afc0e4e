"""The demo: the 36 questions versus small talk, as a table and a plot.

Aron et al. (1997) paired strangers for 45 minutes of either escalating, turn-taking
disclosure or small talk. This runs both conditions on the same simulated people and
returns per-condition summaries plus closeness trajectories; :func:`plot_showcase` draws
them. The CLI's ``nabij demo`` (and ``make demo``) calls these two functions.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from nabij._rng import RngLike, spawn
from nabij.engine import Recorder, SimulationResult, fixed_pairs, simulate
from nabij.model import Params, sample_population
from nabij.protocols import small_talk, thirty_six_questions

__all__ = ["Showcase", "plot_showcase", "run_showcase"]

OUTCOMES = ("ios", "liking_7pt", "trust", "regard", "security", "tension")


@dataclass(frozen=True)
class Showcase:
    """Both conditions' results and a tidy comparison table."""

    results: dict[str, SimulationResult]
    table: pd.DataFrame
    seed: RngLike = None

    def tidy(self) -> pd.DataFrame:
        """One row per condition and outcome: mean and sd of the pair means, and the pairs (n).

        One header row, so any CSV reader takes it as it is (``nabij demo`` writes it to
        ``showcase.csv``).
        """
        frame = self.table.stack(level="condition", future_stack=True).reset_index()
        frame = frame[["condition", "outcome", "mean", "sd"]].sort_values(["condition", "outcome"])
        frame["pairs"] = [self.results[c].n_dyads for c in frame["condition"]]
        return frame.reset_index(drop=True)


def run_showcase(pairs: int = 10_000, rng: RngLike = 2026, params: Params | None = None,
                 progress: bool = False) -> Showcase:
    """Simulate ``pairs`` stranger pairs in each condition (same people, independent streams)."""
    if pairs < 2:
        raise ValueError(f"pairs: need at least 2 pairs per condition, got {pairs}")
    seed_people, seed_a, seed_b = spawn(rng, 3)
    people = sample_population(2 * pairs, seed_people)
    pairing = fixed_pairs(2 * pairs)
    recorder = Recorder(per_turn=("ios", "depth", "perceived_responsiveness", "intimacy"))
    results = {
        "36 questions": simulate(people, pairing, thirty_six_questions(), params=params,
                                 rng=seed_a, record=recorder, progress=progress),
        "small talk": simulate(people, pairing, small_talk(), params=params, rng=seed_b,
                               record=recorder, progress=progress),
    }
    rows = []
    for condition, res in results.items():
        for name in OUTCOMES:
            per_pair = res.final[name].mean(axis=0)  # the pair is the unit (Aron et al. 1997)
            rows.append({"condition": condition, "outcome": name, "mean": per_pair.mean(),
                         "sd": per_pair.std(ddof=1)})
    table = pd.DataFrame(rows).pivot(index="outcome", columns="condition", values=["mean", "sd"])
    a = results["36 questions"].final["ios"].mean(axis=0)
    b = results["small talk"].final["ios"].mean(axis=0)
    pooled = np.sqrt((a.var(ddof=1) + b.var(ddof=1)) / 2.0)
    table.attrs["cohens_d_ios"] = float((a.mean() - b.mean()) / pooled)
    return Showcase(results, table, rng if isinstance(rng, int) else None)


def plot_showcase(showcase: Showcase, path: Path) -> Path:
    """Closeness (IOS) over turns with a 10-90% band, and per-turn depth, for both conditions."""
    from nabij.extras import require

    require("matplotlib", "lab", "Drawing the figure")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2), constrained_layout=True)
    for (condition, res), colour in zip(showcase.results.items(), ("#c0392b", "#2c7fb8"),
                                        strict=True):
        ios = res.per_turn["ios"].mean(axis=1)  # (turns, dyads): the pair's mean
        turns = np.arange(1, ios.shape[0] + 1)
        ax1.plot(turns, ios.mean(axis=1), color=colour, label=condition)
        lo, hi = np.percentile(ios, [10, 90], axis=1)
        ax1.fill_between(turns, lo, hi, color=colour, alpha=0.15)
        ax2.plot(turns, res.per_turn["depth"].mean(axis=1), color=colour, label=condition)
    ax1.set(xlabel="turn (each partner's answer is one turn)", ylabel="closeness (IOS, 1-7)", ylim=(1, 7),
            title="Closeness of strangers, turn by turn")
    ax2.set(xlabel="turn (each partner's answer is one turn)", ylabel="disclosure depth (0-1)", ylim=(0, 1),
            title="How deep each answer goes")
    ax1.legend(frameon=False, title="line: mean; band: 10-90% of pairs", title_fontsize=8)
    ax2.legend(frameon=False, title="mean over pairs", title_fontsize=8)
    n_pairs = next(iter(showcase.results.values())).n_dyads
    seed = "" if showcase.seed is None else f", seed {showcase.seed}"
    n_turns = len(showcase.results["36 questions"].protocol) if "36 questions" in showcase.results else 72
    fig.text(0.0, -0.01, f"n = {n_pairs:,} pairs per condition{seed}; {n_turns} turns = 36 questions x 2 "
             "partners, about the 45 minutes of Aron et al. (1997). Closeness is each pair's mean "
             "of the two partners.\nThe saw-tooth in depth: both partners answer the same question "
             "in turn, and each question (or small-talk topic) has its own intimacy, so depth steps "
             "up and down with the topic.", fontsize=7.5, color="#455a64", ha="left", va="top")
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120, bbox_inches="tight")
    plt.close(fig)
    return path
