"""The paper-vs-model report: ``results.json``, ``report.md`` (with PNG figures) and a
self-contained ``report.html`` (figures inline), all from the same results.

The summary counts matches, direction-matches and misses over the targets that ran; every
target that is not a match shows its analysis - which mechanism of the model produces the
miss - next to the numbers.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt

import nabij
from nabij.lab import figures
from nabij.lab.runner import CheckResult, TargetResult
from nabij.lab.verdict import VERDICTS

__all__ = ["Report", "build_report", "results_json", "write_report"]

SYMBOL = {"match": "✅ match", "direction-match": "🟧 direction-match", "miss": "❌ miss"}


@dataclass(frozen=True)
class Report:
    """Everything the three files hold: results, summary line, figures (name -> PNG)."""

    results: tuple[TargetResult, ...]
    counts: dict[str, int]
    figures: dict[str, bytes]
    replications: int
    seed: int

    @property
    def summary(self) -> str:
        n = len(self.results)
        parts = ", ".join(f"{self.counts.get(v, 0)} {v}" for v in VERDICTS)
        return f"{self.counts.get('match', 0)} of {n} targets match ({parts})"


def _number(x: float) -> str:
    return f"{x:.2f}"


def _check_row(c: CheckResult) -> dict[str, Any]:
    return {"quantity": c.check.quantity, "description": c.check.description, "kind": c.check.kind,
            "paper": c.check.paper if c.check.kind == "band" else c.check.paper_text,
            "band": list(c.check.band) if c.check.band else None,
            "size": list(c.check.size) if c.check.kind == "direction" else None,
            "model": c.estimate.value, "ci_low": c.estimate.ci_low, "ci_high": c.estimate.ci_high,
            "replications": c.estimate.replications, "verdict": c.verdict}


def results_json(results: Sequence[TargetResult]) -> list[dict[str, Any]]:
    """One object per target; the top-level numbers are its headline check, all checks nested."""
    out = []
    for r in results:
        h = _check_row(r.headline)
        out.append({"id": r.target.id, "source": r.target.source, "quantity": h["quantity"],
                    "paper": h["paper"], "model": h["model"], "ci_low": h["ci_low"],
                    "ci_high": h["ci_high"], "verdict": r.verdict, "finding": r.target.finding,
                    "checks": [_check_row(c) for c in r.checks]})
    return out


def build_report(results: Sequence[TargetResult], replications: int, seed: int) -> Report:
    """Count verdicts and draw the figures that the targets present allow."""
    by_id = {r.target.id: r for r in results}
    figs: dict[str, bytes] = {"overview": figures.overview(results)}
    if "T1" in by_id:
        figs["t1_closeness"] = figures.aron_closeness(by_id["T1"])
    if "T3" in by_id:
        figs["t3_mediation"] = figures.mediation_diagram(by_id["T3"])
    traj = figures.trajectories(by_id)
    if traj is not None:
        figs["trajectories"] = traj
    if "T15" in by_id:
        figs["t15_ladder"] = figures.exposure_ladder(by_id["T15"])
    counts: dict[str, int] = dict(Counter(r.verdict for r in results))
    return Report(tuple(results), counts, figs, replications, seed)


FIGURE_AFTER = {"T1": "t1_closeness", "T3": "t3_mediation", "T15": "t15_ladder"}
CAPTIONS = {
    "overview": "Every check: the model's estimate (95% CI over replications) against the paper's band.",
    "t1_closeness": "T1: closeness composite by condition; diamonds are Aron et al.'s (1997) means.",
    "t3_mediation": "T3: the model's standardized paths in Laurenceau et al.'s (1998) mediation.",
    "trajectories": "Trust and closeness over interactions (T5: a 21-day diary with three hurts; "
                    "T15: weekly practice).",
    "t15_ladder": "T15: the exposure ladder - weekly steps, comfortable depth and anticipated fear.",
}


def _paper_cell(c: CheckResult) -> str:
    if c.check.kind == "band":
        assert c.check.band is not None
        return f"{c.check.paper:g} (band {c.check.band[0]:g} to {c.check.band[1]:g})"
    low, high = c.check.size
    return f"{c.check.paper_text}, size {low:g}-{high:g}"


def _model_cell(c: CheckResult) -> str:
    e = c.estimate
    return f"{_number(e.value)} [{_number(e.ci_low)}, {_number(e.ci_high)}]"


def _markdown(report: Report, figure_path: dict[str, str]) -> str:
    lines = [
        "# nabij: virtual replications, paper vs model", "",
        f"**{report.summary}.** nabij {nabij.__version__}, one global default parameter set, "
        f"{report.replications} replications per target (spawned from seed {report.seed}); "
        "CI = 95% t-interval over replications.", "",
        "Verdicts: *match* - the estimate lies in the paper's band (values) or has the paper's sign "
        "with its CI excluding zero and a plausible size, |effect| 0.1-1.5 (directions); "
        "*direction-match* - only the sign is right; *miss* - otherwise. A target takes its worst check.", "",
        "| id | finding | paper | model [95% CI] | verdict |", "|---|---|---|---|---|",
    ]
    for r in report.results:
        h = r.headline
        lines.append(f"| {r.target.id} | {r.target.finding} | {h.check.quantity}: {_paper_cell(h)} | "
                     f"{_model_cell(h)} | {SYMBOL[r.verdict]} |")
    lines += ["", f"![overview]({figure_path['overview']})", "", f"*{CAPTIONS['overview']}*", ""]
    for r in report.results:
        lines += [f"## {r.target.id} - {r.target.source}", "", f"**Finding.** {r.target.finding}.", "",
                  f"**Original design.** {r.target.design}", "",
                  f"**Virtual design.** {r.experiment.design}", "",
                  f"**Verdict: {SYMBOL[r.verdict]}.**", "",
                  "| check | paper | model [95% CI] | verdict |", "|---|---|---|---|"]
        lines += [f"| {c.check.description} (`{c.check.quantity}`) | {_paper_cell(c)} | {_model_cell(c)} "
                  f"| {SYMBOL[c.verdict]} |" for c in r.checks]
        lines += ["", f"**Mechanism.** {r.experiment.mechanism}", ""]
        if r.verdict != "match":
            lines += [f"**Why it is not a match.** {r.experiment.limitations or 'Not yet analysed.'}", ""]
        fig = FIGURE_AFTER.get(r.target.id)
        if fig in figure_path:
            lines += [f"![{fig}]({figure_path[fig]})", "", f"*{CAPTIONS[fig]}*", ""]
    if "trajectories" in figure_path:
        lines += ["## Trajectories", "", f"![trajectories]({figure_path['trajectories']})", "",
                  f"*{CAPTIONS['trajectories']}*", ""]
    return "\n".join(lines)


def _html(report: Report) -> str:
    """The Markdown report rendered as self-contained HTML (figures as data URIs)."""
    uris = {k: "data:image/png;base64," + base64.b64encode(v).decode() for k, v in report.figures.items()}
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(_markdown(report, uris))
    style = ("body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
             "color:#1c2529;line-height:1.45}table{border-collapse:collapse;margin:1rem 0;font-size:.9rem}"
             "td,th{border:1px solid #cfd8dc;padding:.3rem .5rem;vertical-align:top}th{background:#eceff1}"
             "img{max-width:100%}h2{margin-top:2.5rem;border-bottom:1px solid #cfd8dc}code{font-size:.85em}")
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>nabij replications</title><style>{style}</style></head><body>{body}</body></html>")


def write_report(report: Report, out_dir: Path) -> dict[str, Path]:
    """Write ``results.json``, ``report.md`` (+ ``figures/*.png``) and ``report.html``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    fig_dir = out_dir / "figures"
    fig_dir.mkdir(exist_ok=True)
    paths = {}
    for name, png in report.figures.items():
        (fig_dir / f"{name}.png").write_bytes(png)
        paths[name] = f"figures/{name}.png"
    files = {"json": out_dir / "results.json", "md": out_dir / "report.md", "html": out_dir / "report.html"}
    files["json"].write_text(json.dumps(results_json(report.results), indent=2) + "\n", encoding="utf-8")
    files["md"].write_text(_markdown(report, paths) + "\n", encoding="utf-8")
    files["html"].write_text(_html(report), encoding="utf-8")
    return files
