"""Pictures: charts of where dry needling may help and what to expect over time, each with a table."""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dn_explorer.figures import expectation_rows, expectations_figure, overview_figure, region_condition_rows
from dn_explorer.markdown_text import escape_markdown
from explorer_ui.layout import page_setup
from explorer_ui.loading import content_or_stop

CHART_CONFIG = {"displayModeBar": False, "responsive": True}


def escaped_rows(rows: Iterable[dict[str, str]]) -> list[dict[str, str]]:
    """st.table renders cells as Markdown: content text goes in escaped."""
    return [{key: escape_markdown(value) for key, value in row.items()} for row in rows]


page_setup("Pictures")
index = content_or_stop()

st.title("Pictures")
st.header("Where dry needling may help")
st.markdown(
    "Each dot is a problem dry needling may help in that body area. "
    "A bigger dot means more separate sources back it (two copies of one text count once)."
)
st.plotly_chart(overview_figure(index), config=CHART_CONFIG, key="overview-chart", theme=None)
with st.expander("The same as a table"):
    st.table(escaped_rows(region_condition_rows(index)))

st.header("What to expect over time")
st.markdown("From the moment of treatment to several visits later.")
st.plotly_chart(expectations_figure(index), config=CHART_CONFIG, key="expect-chart", theme=None)
with st.expander("The same as a table"):
    st.table(escaped_rows({k: v for k, v in row.items() if k != "In more words"} for row in expectation_rows(index)))
