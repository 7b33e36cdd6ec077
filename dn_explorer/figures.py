"""Plotly figures built from the content, and plain tables that say the same for keyboards and screen readers."""

from __future__ import annotations

from html import escape

import plotly.graph_objects as go

from dn_explorer.content import ContentIndex
from dn_explorer.words import Words, english

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


def expectation_rows(index: ContentIndex, words: Words | None = None) -> list[dict[str, str]]:
    """The chart's data and its table: each feeling under its phase, with its sources.

    Column names come from the word table: When, What you may notice, In more words, Sources."""
    words = words or english()
    columns = words.pictures
    rows = []
    for phase, phase_label in words.phases.items():
        for item in index.sensations_in(phase):
            rows.append(
                {
                    columns.col_when: phase_label,
                    columns.col_notice: item.label,
                    columns.col_more: item.text,
                    columns.col_sources: ", ".join(index.source_names(item.sources)),
                }
            )
    return rows


def expectations_figure(index: ContentIndex, words: Words | None = None) -> go.Figure:
    """What to expect over time: each feeling placed at the stage it belongs to."""
    words = words or english()
    columns = words.pictures
    rows = expectation_rows(index, words)
    figure = go.Figure(
        go.Scatter(
            x=[escape(r[columns.col_when]) for r in rows],
            y=[escape(r[columns.col_notice]) for r in rows],
            mode="markers",
            marker={"size": 26, "color": DOT, "symbol": "circle", "line": {"color": "#042f2e", "width": 2}},
            customdata=[_wrap(f"{r[columns.col_more]} ({words.sources}: {r[columns.col_sources]})") for r in rows],
            hovertemplate="%{customdata}<extra></extra>",
        )
    )
    labels = [escape(r[columns.col_notice]) for r in rows]
    figure.update_layout(
        font=FONT,
        height=160 + 54 * len(labels),
        margin={"l": 10, "r": 10, "t": 40, "b": 10},
        plot_bgcolor="white",
        xaxis={
            "categoryorder": "array",
            "categoryarray": [escape(label) for label in words.phases.values()],
            "side": "top",
            "automargin": True,
        },
        yaxis={"categoryorder": "array", "categoryarray": labels[::-1], "automargin": True, "gridcolor": "#e5e7eb"},
        hoverlabel={"font_size": 18},
    )
    return figure
