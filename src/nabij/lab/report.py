"""The paper-vs-model report: ``results.json``, ``report.md`` (with PNG figures) and a
self-contained ``report.html`` (figures inline), all from the same results.

The summary counts matches, direction-only matches and misses for the calibration and the
validation targets apart (``lab/split.toml``), and the checks by kind: quantitative (the
paper's value against the model's predictive interval at the paper's N) and direction-only.
Every target that is not a match shows its analysis - which mechanism of the model produces
the miss - next to the numbers. Verdicts print as words.
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
from nabij.overrides import describe_overrides

__all__ = ["LABEL", "Report", "build_report", "count_lines", "group_counts", "results_json", "write_report"]

#: Verdicts as words (emoji render as boxes in many terminals and fonts).
LABEL = {"match": "match", "direction-match": "direction only", "miss": "MISS"}
GROUPS = ("calibration", "validation")


def group_counts(results: Sequence[TargetResult]) -> dict[str, dict[str, Any]]:
    """Per group: targets and verdict counts, and check counts by kind (quantitative/direction)."""
    out: dict[str, dict[str, Any]] = {}
    for group in GROUPS:
        rs = [r for r in results if r.group == group]
        if not rs:
            continue
        targets = Counter(r.verdict for r in rs)
        checks: dict[str, dict[str, int]] = {}
        for kind in ("quantitative", "direction"):
            cs = [c for r in rs for c in r.checks if c.check.kind == kind]
            checks[kind] = {"checks": len(cs), **{v: sum(c.verdict == v for c in cs) for v in VERDICTS}}
        out[group] = {"targets": len(rs), **{v: targets.get(v, 0) for v in VERDICTS},
                      "quantitative_targets": sum(r.target.kind == "quantitative" for r in rs),
                      "checks": checks}
    return out


def count_lines(counts: dict[str, dict[str, Any]]) -> list[str]:
    """One line per group: targets matched, then checks by kind."""
    lines = []
    for group, c in counts.items():
        parts = []
        for kind, name in (("quantitative", "quantitative checks"), ("direction", "direction-only checks")):
            k = c["checks"][kind]
            parts.append(f"{name} {k['match']} of {k['checks']} match" if k["checks"] else f"no {name}")
        lines.append(
            f"{group}: {c['match']} of {c['targets']} targets match ({c['direction-match']} direction only, "
            f"{c['miss']} miss); " + ", ".join(parts))
    return lines


@dataclass(frozen=True)
class Report:
    """Everything the three files hold: results, counts, figures (name -> PNG)."""

    results: tuple[TargetResult, ...]
    counts: dict[str, dict[str, Any]]
    figures: dict[str, bytes]
    replications: int
    seed: int
    lesions: Any = None  # a nabij.lab.lesions.LesionTable, when lesions were run
    lesion: str | None = None  # the mechanism replaced by its null version in this run, if any
    overrides: dict[str, float] | None = None  # parameters changed from the defaults (--set), if any

    @property
    def summary(self) -> str:
        """The honest count, per group (never pooled: calibration targets set the defaults)."""
        return "; ".join(count_lines(self.counts))


def _number(x: float | None) -> str:
    return "n/a" if x is None or x != x else f"{x:.2f}"


def _clean(x: float | None) -> float | None:
    return None if x is None or x != x else float(x)


def _check_row(c: CheckResult) -> dict[str, Any]:
    ch, e = c.check, c.estimate
    return {"quantity": ch.quantity, "description": ch.description, "metric": ch.metric, "kind": ch.kind,
            "direction": ch.direction or None, "paper": ch.paper if ch.paper is not None else ch.paper_text,
            "paper_ci": list(ch.paper_ci) if ch.paper_ci else None, "paper_se": ch.paper_se,
            "paper_n": ch.paper_n, "cite": ch.cite or None, "verified": ch.verified,
            "window": list(ch.window) if ch.window else None, "study_n": e.study_n,
            "model": e.value, "ci_low": e.ci_low, "ci_high": e.ci_high, "mc_se": e.mc_se,
            "sd": e.sd, "predictive_low": _clean(e.predictive_low),
            "predictive_high": _clean(e.predictive_high),
            "mc_se_predictive_low": _clean(e.mc_se_low), "mc_se_predictive_high": _clean(e.mc_se_high),
            "discrepancy_z": _clean(c.discrepancy), "replications": e.replications, "verdict": c.verdict}


def results_json(results: Sequence[TargetResult]) -> list[dict[str, Any]]:
    """One object per target; the top-level numbers are its headline check, all checks nested."""
    out = []
    for r in results:
        h = _check_row(r.headline)
        out.append({"id": r.target.id, "group": r.group, "source": r.target.source, "kind": r.target.kind,
                    "paper_n": r.target.paper_n, "n_verified": r.target.n_verified, "study_n": r.study_n,
                    "unit": r.experiment.unit, "quantity": h["quantity"], "metric": h["metric"],
                    "paper": h["paper"], "model": h["model"], "ci_low": h["ci_low"], "ci_high": h["ci_high"],
                    "predictive_low": h["predictive_low"], "predictive_high": h["predictive_high"],
                    "discrepancy_z": h["discrepancy_z"], "verdict": r.verdict, "finding": r.target.finding,
                    "checks": [_check_row(c) for c in r.checks]})
    return out


def build_report(results: Sequence[TargetResult], replications: int, seed: int,
                 lesions: Any = None, lesion: str | None = None,
                 overrides: dict[str, float] | None = None) -> Report:
    """Count verdicts per group and draw the figures that the targets present allow."""
    by_id = {r.target.id: r for r in results}
    figs: dict[str, bytes] = {"overview": figures.overview(results, figures.note(results, seed))}
    if "T1" in by_id:
        figs["t1_closeness"] = figures.aron_closeness(by_id["T1"], figures.note([by_id["T1"]], seed))
    if "T3" in by_id:
        t3 = by_id["T3"]
        figs["t3_mediation"] = figures.mediation_diagram(t3, figures.note([t3], seed, "brackets"))
    shown = [by_id[t] for t in ("T5", "T15") if t in by_id]
    traj = figures.trajectories(by_id, figures.note(shown, seed, "bands")) if shown else None
    if traj is not None:
        figs["trajectories"] = traj
    if "T15" in by_id:
        t15 = by_id["T15"]
        figs["t15_ladder"] = figures.exposure_ladder(t15, figures.note([t15], seed, "bands"))
    return Report(tuple(results), group_counts(results), figs, replications, seed, lesions, lesion,
                  dict(overrides) if overrides else None)


FIGURE_AFTER = {"T1": "t1_closeness", "T3": "t3_mediation", "T15": "t15_ladder"}
CAPTIONS = {
    "overview": "Every check: the model's mean (95% Monte Carlo CI) against the paper: grey is the model's "
                "95% predictive interval for one study of the paper's size (quantitative checks) or the "
                "metric's plausible-size window (direction checks); | marks the paper's value.",
    "t1_closeness": "T1: closeness composite by condition; diamonds are Aron et al.'s (1997) means.",
    "t3_mediation": "T3: the model's standardized paths in Laurenceau et al.'s (1998) mediation.",
    "trajectories": "Trust and closeness over interactions (T5: a 21-day diary with three hurts; "
                    "T15: weekly practice).",
    "t15_ladder": "T15: the exposure ladder - weekly steps, comfortable depth and anticipated fear.",
}

METHOD = (
    "How to read this. One replication is one virtual study, of the original study's size where the "
    "target gives it (N). *Quantitative* checks (the paper reports a value) ask whether the paper's value "
    "lies inside the model's 95% predictive interval - the 2.5-97.5% quantiles of the statistic over the "
    "simulated studies - and give the standardized discrepancy z = (paper - model mean) / SD of the "
    "studies. *Direction* checks (the paper reports only a sign) need the model's mean to have the sign, "
    "its 95% Monte Carlo interval excluding zero, and a size inside the metric's window (|d|, |d_z| "
    "0.1-1.5; |r|, |beta| .05-.60; a share difference .05-1). *match*: both hold; *direction only*: only "
    "the sign holds (signed effects only); *MISS*: otherwise - a level outside its interval is always a "
    "miss. A target takes its worst check. Monte Carlo error (the mean's SE, and the quantiles' SE) is "
    "reported apart in results.json. The calibration targets were used to set the defaults; only the "
    "validation targets test prediction.")


def _paper_cell(c: CheckResult) -> str:
    ch = c.check
    text = ch.paper_text
    if ch.kind == "quantitative":
        n = f"N = {ch.paper_n}" if ch.paper_n is not None else "meta-analytic"
        flag = "" if ch.verified else ", unverified"
        return f"{text} ({n}{flag})"
    low, high = ch.window or (0.0, 0.0)
    return f"{text}, size {low:g}-{high:g}"


def _model_cell(c: CheckResult) -> str:
    e = c.estimate
    text = f"{_number(e.value)} [{_number(e.ci_low)}, {_number(e.ci_high)}]"
    if c.check.kind == "quantitative":
        text += (f"; PI [{_number(e.predictive_low)}, {_number(e.predictive_high)}], "
                 f"z = {_number(c.discrepancy)}")
    return text


def _target_table(results: Sequence[TargetResult]) -> list[str]:
    lines = ["| id | finding | deciding check: paper | model mean [MC CI]; predictive interval | verdict |",
             "|---|---|---|---|---|"]
    for r in results:
        h = r.headline
        lines.append(f"| {r.target.id} | {r.target.finding} | {h.check.quantity}: {_paper_cell(h)} | "
                     f"{_model_cell(h)} | {LABEL[r.verdict]} |")
    return lines


def _markdown(report: Report, figure_path: dict[str, str]) -> str:
    lines = [
        "# nabij: virtual replications, paper vs model", "",
        *[f"- **{line}**" for line in count_lines(report.counts)], "",
        *([f"**Lesioned model: `{report.lesion}` replaced by its null version (nabij.lab.lesions).**", ""]
          if report.lesion else []),
        *([f"**What-if run: parameters changed from the defaults: {describe_overrides(report.overrides)}. "
           "These counts are not the model's headline.**", ""] if report.overrides else []),
        f"nabij {nabij.__version__}, one global {'' if report.overrides else 'default '}parameter set, "
        f"{report.replications} replications "
        f"(virtual studies) per target, spawned from seed {report.seed}.", "", METHOD, "",
    ]
    for group in GROUPS:
        rs = [r for r in report.results if r.group == group]
        if rs:
            lines += [f"## {group.capitalize()} targets", "", *_target_table(rs), ""]
    lines += [f"![overview]({figure_path['overview']})", "", f"*{CAPTIONS['overview']}*", ""]
    if report.lesions is not None:
        lines += report.lesions.markdown()
    for r in report.results:
        n_text = (f"{r.study_n} {r.experiment.unit} per study" if r.study_n is not None else "")
        if r.target.paper_n is not None:
            n_text += f" (the paper's N{'' if r.target.n_verified else ', not verified: ' + r.target.n_note})"
        lines += [f"## {r.target.id} - {r.target.source}", "", f"**Group.** {r.group}.", "",
                  f"**Finding.** {r.target.finding}.", "",
                  f"**Original design.** {r.target.design}", "",
                  f"**Virtual design.** {r.experiment.design} {n_text}".rstrip(), "",
                  f"**Verdict: {LABEL[r.verdict]}.**", "",
                  "| check | metric | paper | model mean [MC CI]; predictive interval | verdict |",
                  "|---|---|---|---|---|"]
        lines += [f"| {c.check.description} (`{c.check.quantity}`) | {c.check.metric} | {_paper_cell(c)} | "
                  f"{_model_cell(c)} | {LABEL[c.verdict]} |" for c in r.checks]
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


def write_report(report: Report, out_dir: Path, provenance: dict[str, Any] | None = None) -> dict[str, Path]:
    """Write ``results.json``, ``report.md`` (+ ``figures/*.png``) and ``report.html``.

    ``provenance`` (:func:`nabij.provenance.stamp`) goes into ``results.json``.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    fig_dir = out_dir / "figures"
    fig_dir.mkdir(exist_ok=True)
    paths = {}
    for name, png in report.figures.items():
        (fig_dir / f"{name}.png").write_bytes(png)
        paths[name] = f"figures/{name}.png"
    files = {"json": out_dir / "results.json", "md": out_dir / "report.md", "html": out_dir / "report.html"}
    doc = {"nabij": nabij.__version__, "seed": report.seed, "replications": report.replications,
           "lesion": report.lesion, "overrides": report.overrides,
           "counts": report.counts, "targets": results_json(report.results),
           "lesions": report.lesions.as_json() if report.lesions is not None else None,
           "provenance": provenance}
    files["json"].write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    files["md"].write_text(_markdown(report, paths) + "\n", encoding="utf-8")
    files["html"].write_text(_html(report), encoding="utf-8")
    return files
