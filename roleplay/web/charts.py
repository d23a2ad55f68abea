"""The charts: the customer's frustration over a conversation, who spoke when, scores over time.

Inline SVG whose coordinates are worked out here (templates/charts.html draws them, autoescaped),
so the app needs no plotting library and works offline.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from . import theme
from .i18n import words
from .markup import chart_parts, mood_colour
from .scorecard import ordered, skill_name


def _grid(l: int, right: int, Y) -> dict:
    """The horizontal lines at 0, 25, 50, 75 and 100 of a chart scored 0-100."""
    values = (0, 25, 50, 75, 100)
    return {"l": l, "right": right, "rows": [(v, f"{Y(v):.1f}") for v in values],
            "label_y": [f"{Y(v) + 4:.1f}" for v in values]}


def frustration_curve(points: Sequence[tuple[int, int]], leave_at: int | None = None,
                      satisfied_at: int | None = None, lang: str = "en") -> str:
    """points: (turn index, frustration) of the customer's turns."""
    say = words(lang)  # (w is the chart's width below)
    title = say("chart.frustration")
    if not points:
        return str(chart_parts.empty_chart(title, say("chart.no_turns")))
    w, h, l, r, t, b = 560, 200, 34, 12, 10, 26
    xs = [p[0] for p in points]
    x0, x1 = min(xs), max(max(xs), min(xs) + 1)

    def X(v):
        return l + (v - x0) / (x1 - x0) * (w - l - r)

    def Y(v):
        return t + (100 - v) / 100 * (h - t - b)

    marks = [{"y": f"{Y(at):.1f}", "label_y": f"{Y(at) + dy:.1f}", "colour": colour, "label": label}
             for at, colour, label, dy in ((leave_at, theme.BAD, say("chart.leaves"), -4),
                                           (satisfied_at, theme.GOOD, say("chart.satisfied"), 12))
             if at is not None]
    path = " ".join(f'{"M" if i == 0 else "L"}{X(x):.1f},{Y(y):.1f}' for i, (x, y) in enumerate(points))
    area = path + f" L{X(points[-1][0]):.1f},{Y(0):.1f} L{X(points[0][0]):.1f},{Y(0):.1f} Z"
    return str(chart_parts.frustration_curve({
        "title": title, "w_turn": say("chart.turn"), "w": w, "h": h, "grid": _grid(l, w - r, Y), "marks": marks, "primary": theme.PRIMARY,
        "path": path, "area": area,
        "dots": [{"x": f"{X(x):.1f}", "y": f"{Y(y):.1f}", "colour": mood_colour(y), "turn": x + 1, "value": y}
                 for x, y in points],
        "ticks": [{"x": f"{X(x):.1f}", "label": x + 1} for x, _ in points],
    }))


def timeline(turns: Sequence, customer_name: str, lang: str = "en") -> str:
    """Who spoke when (voice sessions): one lane per side, overlaps in red."""
    say = words(lang)  # (w is the chart's width below)
    timed = [(i, t) for i, t in enumerate(turns) if t.start is not None and t.end is not None]
    if not timed:
        return str(chart_parts.empty_chart(say("chart.talk_time"), say("chart.no_timings")))
    w, h, l, r = 560, 118, 84, 12
    end = max(t.end for _, t in timed) or 1.0
    lanes = {"customer": 18, "trainee": 58}

    def X(v):
        return l + v / end * (w - l - r)

    bars, overlaps = [], []
    talk = {"customer": 0.0, "trainee": 0.0}
    for i, t in timed:
        talk[t.speaker] += t.end - t.start
        bars.append({"x": f"{X(t.start):.1f}", "y": lanes[t.speaker], "width": f"{max(X(t.end) - X(t.start), 2):.1f}",
                     "colour": "#7c8b9a" if t.speaker == "customer" else theme.PRIMARY, "turn": i + 1,
                     "span": f"{t.start:.1f}–{t.end:.1f}"})
    for (i, a), (j, b_) in zip(timed, timed[1:]):
        if a.speaker != b_.speaker and b_.start < a.end:
            o0, o1 = b_.start, min(a.end, b_.end)
            overlaps.append({"x": f"{X(o0):.1f}", "width": f"{max(X(o1) - X(o0), 2):.1f}", "turn": j + 1,
                             "seconds": f"{o1 - o0:.1f}"})
    step = max(1, round(end / 6))
    total = talk["customer"] + talk["trainee"] or 1.0
    return str(chart_parts.timeline({
        "words": say, "w": w, "h": h, "l": l, "customer_y": lanes["customer"] + 16, "trainee_y": lanes["trainee"] + 16,
        "customer": customer_name, "customer_short": customer_name[:12], "bars": bars, "overlaps": overlaps,
        "ticks": [{"x": f"{X(s):.1f}", "label": s} for s in range(0, int(end) + 1, step)],
        "customer_s": f"{talk['customer']:.0f}", "trainee_s": f"{talk['trainee']:.0f}",
        "share": f"{talk['trainee'] / total * 100:.0f}", "primary": theme.PRIMARY, "bad": theme.BAD,
    }))


def progress_chart(series: dict[str, list[tuple[datetime, float]]], title: str, lang: str = "en") -> str:
    """Scores over time, one line per skill."""
    points = [p for s in series.values() for p in s]
    if not points:
        return str(chart_parts.empty_chart(title, words(lang)("chart.no_graded")))
    w, h, l, r, t, b = 640, 240, 34, 14, 12, 28
    times = sorted({p[0] for p in points})
    index = {d: i for i, d in enumerate(times)}
    n = max(len(times) - 1, 1)

    def X(d):
        return l + index[d] / n * (w - l - r) if len(times) > 1 else (l + w - r) / 2

    def Y(v):
        return t + (100 - v) / 100 * (h - t - b)

    lines = []
    for name in ordered(series):
        pts = sorted(series[name])
        if not pts:
            continue
        lines.append({
            "name": words(lang)("score.overall") if name == "overall" else skill_name(name, lang), "colour": theme.SKILL_COLOURS.get(name, "#1c2a3a" if name == "overall" else "#888"),
            "width": 3 if name == "overall" else 2, "dashed": name == "overall",
            "d": " ".join(f'{"M" if i == 0 else "L"}{X(x):.1f},{Y(y):.1f}' for i, (x, y) in enumerate(pts)),
            "points": [{"x": f"{X(x):.1f}", "y": f"{Y(y):.1f}", "label": f"{y:.0f} ({x:%Y-%m-%d})"} for x, y in pts],
        })
    every = max(1, len(times) // 6)
    return str(chart_parts.progress_chart({
        "title": title, "w": w, "h": h, "grid": _grid(l, w - r, Y), "lines": lines,
        "ticks": [{"x": f"{X(d):.1f}", "label": f"{d:%b %d}"} for i, d in enumerate(times) if i % every == 0],
    }))
