"""The replication report's plots, drawn with matplotlib (Agg) and returned as PNG bytes.

- :func:`overview` - every check's estimate against the paper's value or direction;
- :func:`aron_closeness` - T1 closeness by condition, paper values overlaid;
- :func:`mediation_diagram` - T3's paths (Laurenceau et al. 1998) as the model estimates them;
- :func:`trajectories` - trust and closeness over interactions (T5 diary, T15 practice);
- :func:`exposure_ladder` - T15's weekly steps, comfortable depth and anticipated fear.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Sequence
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from nabij.lab.runner import TargetResult
from nabij.lab.verdict import Estimate

__all__ = ["aron_closeness", "exposure_ladder", "mediation_diagram", "note", "overview", "trajectories"]

COLOURS = {"match": "#2e7d32", "direction-match": "#ef6c00", "miss": "#c62828"}
PAPER = "#37474f"


def note(results: Sequence[TargetResult], seed: int, bars: str = "error bars") -> str:
    """The footnote every figure carries: how many simulated studies of what size, the seed, and
    what an error bar or band is."""
    parts = []
    for r in results:
        k = r.checks[0].estimate.replications if r.checks else 0
        size = f" of n = {r.study_n:,}" if r.study_n else ""
        parts.append(f"{r.target.id}: {k} simulated studies{size}")
    return (f"{'; '.join(parts)}; root seed {seed}. Values: mean over the studies; {bars}: 95% "
            "Monte Carlo interval of that mean.")


def _footnote(fig: Figure, text: str) -> None:
    """The note under the figure: below the first axes' x label (or its bottom edge)."""
    if not text:
        return
    ax = fig.axes[0]
    width = int(fig.get_figwidth() * 17)  # characters per line at 7 pt
    wrapped = textwrap.fill(text, width=max(width, 60))
    label = ax.xaxis.label
    y_from: Any = label if ax.axison and label.get_text() else "axes fraction"
    ax.annotate(wrapped, xy=(0, 0), xycoords=("axes fraction", y_from), xytext=(0, -6),
                textcoords="offset points", fontsize=7, color="#455a64", ha="left", va="top",
                annotation_clip=False)


def _png(fig: Figure) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    plt.close(fig)
    return buf.getvalue()


def _means(series: Sequence[Estimate]) -> tuple[list[float], list[float], list[float]]:
    return ([e.value for e in series], [e.ci_low for e in series], [e.ci_high for e in series])


def overview(results: Sequence[TargetResult], footnote: str = "") -> bytes:
    """A forest plot: one row per check; dot = model mean (95% Monte Carlo CI); grey = the
    model's 95% predictive interval for a study of the paper's size (quantitative checks) or
    the metric's plausible-size window on the paper's side (direction checks)."""
    rows = [(r.target.id, c) for r in results for c in r.checks]
    fig, ax = plt.subplots(figsize=(8, 0.28 * len(rows) + 1.2))
    for y, (_, c) in enumerate(reversed(rows)):
        check = c.check
        window = check.window
        if window is None:
            low, high = c.estimate.predictive_low, c.estimate.predictive_high
        else:
            low, high = sorted(check.direction * v for v in window)
        ax.plot([low, high], [y, y], color="#cfd8dc", lw=7, solid_capstyle="butt", zorder=1)
        if check.paper is not None:
            ax.plot(check.paper, y, marker="|", color=PAPER, ms=12, mew=2, zorder=2)
        e = c.estimate
        ax.errorbar(e.value, y, xerr=[[e.value - e.ci_low], [e.ci_high - e.value]], fmt="o",
                    color=COLOURS[c.verdict], ms=4, zorder=3)
    ax.set_yticks(range(len(rows)), [f"{tid} {c.check.quantity}" for tid, c in reversed(rows)], fontsize=7)
    ax.axvline(0, color="#90a4ae", lw=0.8)
    ax.set_xlabel("model mean (95% Monte Carlo CI); grey = predictive interval at the paper's N "
                  "(quantitative) or plausible size (direction); | = paper's value", fontsize=8)
    ax.set_title("Every check: model vs paper", pad=34)
    handles = [Line2D([], [], marker="o", ls="", color=colour, label=f"model, verdict: {verdict}")
               for verdict, colour in COLOURS.items()]
    handles += [Line2D([], [], marker="|", ls="", color=PAPER, ms=12, mew=2, label="paper's value"),
                Line2D([], [], color="#cfd8dc", lw=7, label="predictive interval / plausible size")]
    ax.legend(handles=handles, fontsize=7, loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3,
              frameon=False)
    _footnote(fig, footnote)
    return _png(fig)


def aron_closeness(result: TargetResult, footnote: str = "") -> bytes:
    """T1: closeness composite by condition, model (mean, CI) with the paper's means."""
    fig, ax = plt.subplots(figsize=(5, 3.6))
    paper = {"closeness tasks": result.target.check("composite_closeness_tasks").paper or 0.0,
             "small talk": result.target.check("composite_small_talk").paper or 0.0}
    for x, (name, value) in enumerate(paper.items()):
        e = result.series[name][0]
        ax.bar(x, e.value - 1.0, bottom=1.0, color="#90caf9", width=0.6, label="model" if x == 0 else None)
        ax.errorbar(x, e.value, yerr=[[e.value - e.ci_low], [e.ci_high - e.value]], color="#0d47a1",
                    capsize=5)
        ax.plot(x, value, marker="D", color=PAPER, ms=8, ls="",
                label="Aron et al. (1997)" if x == 0 else None)
    ax.set_xticks([0, 1], list(paper))
    ax.set_ylim(1, 7)
    ax.set_ylabel("closeness composite (IOS + SCI, 1-7)")
    ax.set_title("T1: 45 minutes of closeness tasks vs small talk")
    ax.legend(loc="upper right", fontsize=8)
    _footnote(fig, footnote)
    return _png(fig)


def mediation_diagram(result: TargetResult, footnote: str = "") -> bytes:
    """T3: disclosure -> perceived responsiveness -> intimacy, with standardized paths."""
    s = {k: v[0] for k, v in result.series.items()}
    fig, ax = plt.subplots(figsize=(6.4, 3.2))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 5)
    ax.axis("off")
    boxes = {"x": (1.4, 1.0, "self-disclosure"), "m": (5.0, 4.0, "perceived partner\nresponsiveness"),
             "y": (8.6, 1.0, "intimacy")}
    for x, y, label in boxes.values():
        ax.text(x, y, label, ha="center", va="center", fontsize=9,
                bbox={"boxstyle": "round,pad=0.5", "fc": "#e3f2fd", "ec": "#1565c0"})

    def arrow(a: str, b: str, text: str, dy: float = 0.0) -> None:
        (x1, y1, _), (x2, y2, _) = boxes[a], boxes[b]
        ax.annotate("", xy=(x2 - 0.9 * (x2 > x1), y2 + dy), xytext=(x1 + 0.9 * (x2 > x1), y1 + dy),
                    arrowprops={"arrowstyle": "->", "lw": 1.5, "color": "#263238"})
        ax.text((x1 + x2) / 2, (y1 + y2) / 2 + dy + 0.25, text, ha="center", fontsize=9)

    def fmt(e: Estimate) -> str:
        return f"{e.value:.2f} [{e.ci_low:.2f}, {e.ci_high:.2f}]"

    arrow("x", "m", f"a = {fmt(s['a'])}")
    arrow("m", "y", f"b = {fmt(s['b'])}")
    arrow("x", "y", f"direct = {fmt(s['direct'])}  (total {s['total'].value:.2f})", dy=-0.2)
    ax.set_title("T3: the interpersonal process model (standardized paths; [95% MC interval])", fontsize=10)
    _footnote(fig, footnote)
    return _png(fig)


def trajectories(results: dict[str, TargetResult], footnote: str = "") -> bytes | None:
    """Trust and closeness over interactions: the T5 diary and T15 practice, when present."""
    panels = [(tid, key, unit) for tid, key, unit in (
        ("T5", "by day", "day of the diary"), ("T15", "", "week of practice")) if tid in results]
    if not panels:
        return None
    fig, axes = plt.subplots(1, len(panels), figsize=(5.2 * len(panels), 3.4), squeeze=False)
    for ax, (tid, key, unit) in zip(axes[0], panels, strict=True):
        res = results[tid]
        for name in ("trust", "closeness"):
            series_name = next(k for k in res.series if k.startswith(name) and key in k)
            mean, low, high = _means(res.series[series_name])
            x = range(1, len(mean) + 1)
            ax.plot(x, mean, marker="o", ms=3, label=name)
            ax.fill_between(x, low, high, alpha=0.25)
        ax.set_xlabel(unit)
        ax.set_ylim(0, 1)
        ax.set_ylabel("model state (0-1)")
        ax.set_title(f"{tid}: trust and closeness over interactions", fontsize=10)
        ax.legend(fontsize=8)
    _footnote(fig, footnote)
    return _png(fig)


def exposure_ladder(result: TargetResult, footnote: str = "") -> bytes:
    """T15: each week's step depth, the comfortable depth and anticipated fear (ratings)."""
    fig, ax = plt.subplots(figsize=(6, 3.6))
    steps = [e.value for e in result.series["step depth"]]
    weeks = range(1, len(steps) + 1)
    ax.bar(weeks, [6 * s for s in steps], bottom=1, color="#e0e0e0", label="step depth (as 1-7)")
    for name, colour in (("comfortable depth", "#2e7d32"), ("anticipated fear", "#c62828")):
        mean, low, high = _means(result.series[name])
        ax.plot(weeks, mean, marker="o", color=colour, label=f"{name} (rating)")
        ax.fill_between(weeks, low, high, color=colour, alpha=0.2)
    ax.set_xlabel("week of practice")
    ax.set_ylabel("rating (1-7); step depth rescaled to 1-7")
    ax.set_ylim(1, 7)
    ax.set_title("T15: the exposure ladder - 10% deeper each week, warm friend", fontsize=10)
    ax.legend(fontsize=8, loc="upper left")
    _footnote(fig, footnote)
    return _png(fig)
