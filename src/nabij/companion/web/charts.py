"""Small SVG charts built by hand: inline, no scripts, no inline styles, nothing fetched.

Why by hand: the page's Content-Security-Policy forbids inline styles, and a plotting
library's SVG is full of them; presentation attributes and CSS classes from our own
stylesheet are allowed. Every chart is an ``<svg role="img">`` with a title and a
description, and the pages show the same numbers in a table for screen readers.

Legible on a phone: an SVG scales its text with its width, so a 640-unit chart shown 320 px
wide halves every font. The stylesheet therefore sets the chart's font sizes (in SVG units)
per screen width, and the layout leaves room for the largest of them: the y-axis label
sits above the plot rather than rotated beside it, tick labels are centred on their
positions, and the margins fit three-digit ticks at the phone size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

__all__ = ["Axis", "Chart", "integer_ticks"]

WIDTH, HEIGHT = 640, 320
#: Margins in SVG units, wide enough for tick labels at the largest font size app.css sets.
LEFT, RIGHT, TOP, BOTTOM = 64, 16, 50, 66


@dataclass(frozen=True)
class Axis:
    """A linear axis: its range, its label and where to put ticks (value, text)."""

    low: float
    high: float
    label: str
    ticks: Sequence[tuple[float, str]] = ()


@dataclass
class Chart:
    """One chart: add bands, lines, dots and reference lines, then :meth:`svg`."""

    title: str
    description: str
    x: Axis
    y: Axis
    parts: list[str] = field(default_factory=list)

    def _px(self, v: float) -> float:
        span = (self.x.high - self.x.low) or 1.0
        return LEFT + (v - self.x.low) / span * (WIDTH - LEFT - RIGHT)

    def _py(self, v: float) -> float:
        span = (self.y.high - self.y.low) or 1.0
        return HEIGHT - BOTTOM - (v - self.y.low) / span * (HEIGHT - TOP - BOTTOM)

    def _points(self, xs: Sequence[float], ys: Sequence[float]) -> str:
        return " ".join(f"{self._px(x):.1f},{self._py(y):.1f}" for x, y in zip(xs, ys,
                                                                               strict=True))

    def band(self, xs: Sequence[float], lows: Sequence[float], highs: Sequence[float],
             css: str) -> None:
        """A shaded area between two lines (an interval over time)."""
        if xs:
            pts = self._points([*xs, *reversed(xs)], [*highs, *reversed(lows)])
            self.parts.append(f'<polygon class="{css}" points="{pts}"/>')

    def line(self, xs: Sequence[float], ys: Sequence[float], css: str) -> None:
        """A polyline through the points."""
        if xs:
            self.parts.append(f'<polyline class="{css}" fill="none" '
                              f'points="{self._points(xs, ys)}"/>')

    def dots(self, xs: Sequence[float], ys: Sequence[float], css: str,
             labels: Sequence[str] = (), radii: Sequence[float] = ()) -> None:
        """Circles, each with an optional tooltip text and radius."""
        for i, (x, y) in enumerate(zip(xs, ys, strict=True)):
            r = radii[i] if radii else 4.5
            tip = f"<title>{escape(labels[i])}</title>" if labels else ""
            self.parts.append(f'<circle class="{css}" cx="{self._px(x):.1f}" '
                              f'cy="{self._py(y):.1f}" r="{r:.1f}">{tip}</circle>')

    def hline(self, y: float, css: str, text: str) -> None:
        """A horizontal reference line labelled at its left end (where data starts later)."""
        py = self._py(y)
        self.parts.append(f'<line class="{css}" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
                          f'y1="{py:.1f}" y2="{py:.1f}"/>'
                          f'<text class="ref-label" x="{LEFT + 6}" y="{py - 5:.1f}" '
                          f'text-anchor="start">{escape(text)}</text>')

    def _axes(self) -> str:
        out = [f'<rect class="plot-area" x="{LEFT}" y="{TOP}" width="{WIDTH - LEFT - RIGHT}" '
               f'height="{HEIGHT - TOP - BOTTOM}"/>']
        for v, text in self.y.ticks:
            py = self._py(v)
            out.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{py:.1f}" '
                       f'y2="{py:.1f}"/><text class="tick" x="{LEFT - 8}" y="{py:.1f}" '
                       f'text-anchor="end" dominant-baseline="central">{escape(text)}</text>')
        for v, text in self.x.ticks:
            px = self._px(v)
            out.append(f'<text class="tick" x="{px:.1f}" y="{HEIGHT - BOTTOM + 6}" '
                       f'text-anchor="middle" dominant-baseline="hanging">{escape(text)}</text>')
        out.append(f'<text class="axis-label" x="{(LEFT + WIDTH - RIGHT) / 2:.0f}" '
                   f'y="{HEIGHT - 6}" text-anchor="middle">{escape(self.x.label)}</text>')
        out.append(f'<text class="axis-label" x="4" y="{TOP - 22}" text-anchor="start">'
                   f'{escape(self.y.label)}</text>')
        return "".join(out)

    def svg(self) -> Markup:
        """The finished chart as safe inline SVG markup."""
        return Markup(
            f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
            f'aria-label="{escape(self.title)}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{escape(self.title)}</title><desc>{escape(self.description)}</desc>"
            f'{self._axes()}{"".join(self.parts)}</svg>')


def integer_ticks(low: int, high: int, most: int = 10) -> list[tuple[float, str]]:
    """Whole-number ticks from ``low`` to ``high``, thinned to at most ``most``."""
    step = max(1, -(-(high - low + 1) // most))
    return [(float(v), str(v)) for v in range(low, high + 1, step)]
