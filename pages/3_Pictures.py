"""Pictures: the body shaded by where dry needling may help, and what to expect over time, each with a table."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dn_explorer.figures import expectation_rows, expectations_figure
from dn_explorer.heat_map import heat_rows
from dn_explorer.markdown_text import escape_markdown
from explorer_ui.heat_map import show_heat_map
from explorer_ui.layout import page_setup
from explorer_ui.loading import content_or_stop
from explorer_ui.state import select_region

CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def escaped_rows(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """st.table renders cells as Markdown: content text goes in escaped."""
    return [{key: escape_markdown(value) for key, value in row.items()} for row in rows]


page = page_setup("pictures")
index = content_or_stop(page.language)
PICTURES = page.words.pictures

st.title(PICTURES.title)
st.header(PICTURES.heat_heading)
st.markdown(escape_markdown(PICTURES.heat_intro))
figure_column, table_column = st.columns([1, 1], gap="large")
with figure_column:
    chosen = show_heat_map(index, page.words)
if chosen is not None:
    select_region(chosen)
    st.switch_page("explorer_app.py", query_params={"region": chosen.value})
with table_column:
    st.table(escaped_rows(heat_rows(index, page.words)))

st.header(PICTURES.expect_heading)
st.markdown(escape_markdown(PICTURES.expect_intro))
st.plotly_chart(expectations_figure(index, page.words), config=CHART_CONFIG, key="expect-chart", theme=None)
with st.expander(PICTURES.table):
    rows = expectation_rows(index, page.words)
    st.table(escaped_rows({k: v for k, v in row.items() if k != PICTURES.col_more} for row in rows))
