"""HTML fragments the templates cannot build simply: highlighted text and SVG charts.

Everything returned is `Markup` built from escaped pieces: article text is untrusted, and only
the tags written here reach the page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

# PLOVER types, cooperation first, each with a colour (CAMEO QuadClass order: verbal and
# material cooperation in blues and greens, verbal and material conflict in ambers and reds).
TYPE_COLOURS = {
    "AGREE": "#1f6fb2",
    "CONSULT": "#4f9fd8",
    "SUPPORT": "#2a9d8f",
    "CONCEDE": "#7fbfb0",
    "REQUEST": "#8e7cc3",
    "COOPERATE": "#2e7d32",
    "AID": "#66bb6a",
    "RETREAT": "#a5c88a",
    "ACCUSE": "#e0a030",
    "REJECT": "#d4832a",
    "THREATEN": "#c8612f",
    "PROTEST": "#e8b86b",
    "SANCTION": "#b23a48",
    "MOBILIZE": "#8c2d3d",
    "COERCE": "#d1495b",
    "ASSAULT": "#6b1020",
}
OTHER_COLOUR = "#8a8f98"
MAX_MONTHS = 240  # a timeline longer than twenty years shows its last twenty


@dataclass(frozen=True)
class Span:
    """A stretch of text to mark: offsets, a CSS class, a tooltip, an optional element id."""

    start: int
    end: int
    css: str
    title: str = ""
    id: str = ""


def _open(span: Span, tag: str) -> str:
    attrs = f' class="{escape(span.css)}"'
    if span.title:
        attrs += f' title="{escape(span.title)}"'
    if span.id:
        attrs += f' id="{escape(span.id)}"'
    return f"<{tag}{attrs}>"


def annotated(text: str, outer: Sequence[Span], inner: Sequence[Span]) -> Markup:
    """`text` escaped, with `outer` spans (event sentences) as <span> and `inner` spans (actor
    mentions, triggers) as <mark> inside them. Overlapping spans of one kind keep the first;
    an inner span crossing an outer boundary is left unmarked."""
    outer = _disjoint(outer, len(text))
    inner = _disjoint(inner, len(text))
    parts: list[str] = []
    at = 0
    inner_at = 0
    # Cut the text into stretches outside and inside the outer spans.
    cuts: list[tuple[int, int, Span | None]] = []
    for region in outer:
        if region.start > at:
            cuts.append((at, region.start, None))
        cuts.append((region.start, region.end, region))
        at = region.end
    if at < len(text):
        cuts.append((at, len(text), None))
    for start, end, around in cuts:
        if around is not None:
            parts.append(_open(around, "span"))
        position = start
        while inner_at < len(inner) and inner[inner_at].end <= end:
            mark = inner[inner_at]
            inner_at += 1
            if mark.start < start:
                continue  # crosses into this stretch from before it
            parts.append(str(escape(text[position : mark.start])))
            parts.append(_open(mark, "mark") + str(escape(text[mark.start : mark.end])) + "</mark>")
            position = mark.end
        parts.append(str(escape(text[position:end])))
        if around is not None:
            parts.append("</span>")
    return Markup("".join(parts))


def _disjoint(spans: Iterable[Span], length: int) -> list[Span]:
    """Spans within the text, sorted, each overlapping none before it."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if 0 <= span.start < span.end <= length and (not kept or span.start >= kept[-1].end):
            kept.append(span)
    return kept


def find(sentence: str, words: str | None) -> tuple[int, int] | None:
    """Where `words` stand in `sentence` as whole words (exact case first, then any case)."""
    words = (words or "").strip()
    if not words:
        return None
    for flags in (0, re.IGNORECASE):
        found = re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", sentence, flags)
        if found:
            return found.start(), found.end()
    return None


def evidence(sentence: str, source: str | None, target: str | None, trigger: str | None) -> Markup:
    """An event's sentence with its source, target and trigger words marked."""
    marks = []
    for words, css, title in (
        (source, "actor source", "source"),
        (target, "actor target", "target"),
        (trigger, "trigger", "trigger"),
    ):
        where = find(sentence, words)
        if where:
            marks.append(Span(where[0], where[1], css, title))
    return annotated(sentence, [], marks)


# -- charts ----------------------------------------------------------------------------------


def _months(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    found = []
    while (year, month) <= end:
        found.append(f"{year:04d}-{month:02d}")
        month += 1
        if month == 13:
            year, month = year + 1, 1
    return found[-MAX_MONTHS:]


def type_colour(name: str) -> str:
    return TYPE_COLOURS.get(name, OTHER_COLOUR)


def _text(x: float, y: float, label: object, css: str = "tick", anchor: str = "start") -> str:
    return (
        f'<text class="{css}" x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">'
        f"{escape(str(label))}</text>"
    )


Rows = Sequence[dict[str, object]]


def timeline_svg(timeline: Rows, index: Rows) -> Markup:
    """Stacked monthly bars of events by type, and the cooperation–conflict index beneath.

    `timeline` is [{month: "YYYY-MM", types: {TYPE: n}}], `index` [{month, score}]: the shapes
    of `tieline dyad --json`.
    """
    counts: dict[str, dict[str, int]] = {}
    for entry in timeline:
        month = str(entry.get("month", ""))[:7]
        types = entry.get("types") or {}
        if re.match(r"^\d{4}-\d{2}$", month) and isinstance(types, dict):
            counts[month] = {str(k): int(v) for k, v in types.items()}
    scores: dict[str, float] = {}
    for entry in index:
        month = str(entry.get("month", ""))[:7]
        score = entry.get("score")
        if re.match(r"^\d{4}-\d{2}$", month) and isinstance(score, int | float):
            scores[month] = float(score)
    known = sorted(set(counts) | set(scores))
    if not known:
        return Markup('<p class="empty">No dated events to chart.</p>')
    months = _months(known[0], known[-1])
    width, left, right = 720, 40, 10
    bars_top, bars_height = 10, 170
    index_top, index_height = bars_top + bars_height + 46, 90
    height = index_top + index_height + 24
    step = (width - left - right) / len(months)
    bar = max(step * 0.8, 0.8)
    highest = max((sum(c.values()) for c in counts.values()), default=1) or 1
    order = list(TYPE_COLOURS) + sorted({t for c in counts.values() for t in c} - set(TYPE_COLOURS))
    out = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="chart-title" xmlns="http://www.w3.org/2000/svg">',
        '<title id="chart-title">Events a month by type, and the cooperation–conflict index'
        "</title>",
    ]
    # Axes and scale of the bars.
    base = bars_top + bars_height
    out.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - right}" y2="{base}"/>')
    out.append(_text(left - 4, bars_top + 8, highest, anchor="end"))
    out.append(_text(left - 4, base, 0, anchor="end"))
    for i, month in enumerate(months):
        x = left + i * step
        y = float(base)
        found = counts.get(month, {})
        for name in order:
            n = found.get(name, 0)
            if not n:
                continue
            h = n / highest * bars_height
            y -= h
            out.append(
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{type_colour(name)}">'
                f"<title>{escape(month)}: {escape(name)} {n}</title></rect>"
            )
    # Year labels under the bars (every year, or every few when there are many).
    years = sorted({m[:4] for m in months})
    every = max(1, len(years) // 8)
    for i, month in enumerate(months):
        if (month.endswith("-01") or i == 0) and years.index(month[:4]) % every == 0:
            x = left + i * step
            out.append(_text(x, base + 14, month[:4] if month.endswith("-01") else month))
    # The index: a line over the months that have a score, zero marked.
    top = max((abs(s) for s in scores.values()), default=1.0) or 1.0
    middle = index_top + index_height / 2
    out.append(_text(left, index_top - 8, "cooperation–conflict index", "label"))
    out.append(f'<line class="zero" x1="{left}" y1="{middle}" x2="{width - right}" y2="{middle}"/>')
    out.append(_text(left - 4, index_top + 8, f"+{top:g}", anchor="end"))
    out.append(_text(left - 4, index_top + index_height, f"−{top:g}", anchor="end"))
    points = []
    for i, month in enumerate(months):
        if month in scores:
            x = left + i * step + bar / 2
            y = middle - scores[month] / top * (index_height / 2)
            points.append((x, y, month, scores[month]))
    # A line joins consecutive months only: a month without events has no index.
    runs: list[list[tuple[float, float, str, float]]] = []
    for point in points:
        previous = runs[-1][-1][2] if runs else None
        if previous is not None and months.index(point[2]) == months.index(previous) + 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    for run in runs:
        if len(run) > 1:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y, _, _ in run)
            out.append(f'<polyline class="index" points="{path}"/>')
    for x, y, month, score in points:
        kind = "coop" if score >= 0 else "conflict"
        out.append(
            f'<circle class="point {kind}" cx="{x:.1f}" cy="{y:.1f}" r="3">'
            f"<title>{escape(month)}: {score:+.2f}</title></circle>"
        )
    out.append("</svg>")
    return Markup("".join(out))


def legend(types: Iterable[str]) -> Markup:
    """A list of the event types shown, each with its colour."""
    items = []
    known = list(TYPE_COLOURS)
    for name in sorted(set(types), key=lambda t: (known.index(t) if t in known else 99, t)):
        items.append(
            '<li><svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">'
            f'<rect width="10" height="10" fill="{type_colour(name)}"/></svg>{escape(name)}</li>'
        )
    return Markup('<ul class="legend">' + "".join(items) + "</ul>")
