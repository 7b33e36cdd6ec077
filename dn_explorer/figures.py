"""Plotly figures built from the content, and plain tables that say the same for keyboards and screen readers."""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go

from dn_explorer.content import ContentIndex
from dn_explorer.view_text import PHASE_HEADINGS

PHASE_LABELS = PHASE_HEADINGS
INK = "#1f2937"
DOT = "#0f766e"
FONT = {"family": "Source Sans Pro, sans-serif", "size": 18, "color": INK}


def _wrap(text: str, width: int = 60) -> str:
    """Hover text: escaped (Plotly renders a little HTML) and wrapped with <br>."""
    words, lines, line = escape(text).split(), [], ""
    for word in words:
        if len(line) + len(word) > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def expectation_rows(index: ContentIndex) -> list[dict[str, str]]:
    rows = []
    for phase, phase_label in PHASE_LABELS.items():
        for item in index.sensations_in(phase):
            rows.append(
                {
                    "When": phase_label,
                    "What you may notice": item.label,
                    "In more words": item.text,
                    "Sources": ", ".join(index.source_names(item.sources)),
                }
            )
    return rows


def expectations_figure(index: ContentIndex) -> go.Figure:
    """What to expect over time: each feeling placed at the stage it belongs to."""
    rows = expectation_rows(index)
    figure = go.Figure(
        go.Scatter(
            x=[escape(r["When"]) for r in rows],
            y=[escape(r["What you may notice"]) for r in rows],
            mode="markers",
            marker={"size": 26, "color": DOT, "symbol": "circle", "line": {"color": "#042f2e", "width": 2}},
            customdata=[_wrap(f"{r['In more words']} (Sources: {r['Sources']})") for r in rows],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    labels = [escape(r["What you may notice"]) for r in rows]
    figure.update_layout(
        font=FONT,
        height=160 + 54 * len(labels),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        plot_bgcolor="white",
        xaxis={
            "categoryorder": "array",
            "categoryarray": list(PHASE_LABELS.values()),
            "side": "top",
            "automargin": True,
        },
        yaxis={"categoryorder": "array", "categoryarray": labels[::-1], "automargin": True, "gridcolor": "#e5e7eb"},
        hoverlabel={"font_size": 18},
    )
    return figure
