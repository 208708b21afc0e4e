"""The app's three charts: responsiveness over time, fear against reality, the depth ladder.

Thin: the numbers come from part 1's estimators and planner; this module only chooses
axes, translated labels and CSS classes (colours live in ``static/app.css``).
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup

from nabij.companion.domain import Entry
from nabij.companion.estimators import Calibration, ResponsivenessEstimate
from nabij.companion.i18n import _, num
from nabij.companion.planner import TRUST_THRESHOLD, Step
from nabij.companion.web.charts import Axis, Chart, integer_ticks

__all__ = ["calibration_chart", "ladder_chart", "responsiveness_chart"]

SCALE_7 = [(float(v), str(v)) for v in range(1, 8)]


def responsiveness_chart(name: str, entries: Sequence[Entry],
                         history: Sequence[ResponsivenessEstimate]) -> Markup:
    """Belief about one person after each reaction: mean, 90% interval, lower bound, ratings."""
    n = len(history)
    xs = [float(i) for i in range(1, n + 1)]
    chart = Chart(
        _("Responsiveness of {name} over time").format(name=name),
        _("After each reaction: the estimated responsiveness (line), its 90% interval (band), "
          "the pessimistic estimate (dashed) and the reaction itself (dots), on the 1-7 scale."),
        Axis(0.5, n + 0.5, _("reaction number (oldest first)"), integer_ticks(1, max(n, 1))),
        Axis(1, 7, _("responsiveness (1-7)"), SCALE_7))
    chart.band(xs, [h.ci_low for h in history], [h.ci_high for h in history], "band")
    chart.hline(1 + 6 * TRUST_THRESHOLD, "threshold", _("threshold for a step up"))
    chart.line(xs, [h.mean for h in history], "mean")
    chart.line(xs, [h.lower_bound for h in history], "lower")
    chart.dots(xs, [float(e.responsiveness) for e in entries], "observed",
               [f"{e.when.date().isoformat()}: {e.responsiveness}/7" for e in entries])
    return chart.svg()


def calibration_chart(cal: Calibration) -> Markup:
    """Expected against observed reactions per bin; on the diagonal, fear predicted well."""
    chart = Chart(
        _("Fear calibration: expected vs observed reaction (1-7)"),
        _("Each dot is a group of entries: how kind you expected the reaction to be, against "
          "how kind it was. Above the diagonal, people were kinder than feared."),
        Axis(1, 7, _("expected reaction (1-7)"), SCALE_7),
        Axis(1, 7, _("observed reaction (1-7)"), SCALE_7))
    chart.line([1.0, 7.0], [1.0, 7.0], "diagonal")
    xs = [1 + 6 * b.expected for b in cal.curve]
    ys = [1 + 6 * b.observed for b in cal.curve]
    labels = [_("expected {e}, observed {o} ({n} entries)").format(
        e=num(x), o=num(y), n=b.n) for x, y, b in zip(xs, ys, cal.curve, strict=True)]
    chart.dots(xs, ys, "observed", labels, [4 + min(8.0, 2 * b.n ** 0.5) for b in cal.curve])
    return chart.svg()


def ladder_chart(name: str, entries: Sequence[Entry], step: Step) -> Markup:
    """Depth of each disclosure, the comfortable depth, and the next proposed rung."""
    n = len(entries)
    xs = [float(i) for i in range(1, n + 1)]
    chart = Chart(
        _("Depth ladder with {name}").format(name=name),
        _("How personal each disclosure was (0-100), the depth that felt comfortable, and the "
          "proposed next step."),
        Axis(0.5, n + 1.5, _("disclosure number (oldest first)"), integer_ticks(1, n + 1)),
        Axis(0, 100, _("depth (0-100)"), [(float(v), str(v)) for v in range(0, 101, 20)]))
    if step.comfortable is not None:
        chart.hline(step.comfortable, "threshold", _("comfortable depth"))
    chart.line(xs, [float(e.depth) for e in entries], "mean")
    chart.dots(xs, [float(e.depth) for e in entries], "observed",
               [f"{e.when.date().isoformat()}: {e.depth}" for e in entries])
    chart.dots([n + 1.0], [float(step.depth)], "next",
               [_("next step: depth {d}").format(d=step.depth)], [7.0])
    return chart.svg()
