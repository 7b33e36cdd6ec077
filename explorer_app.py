"""Explorer, the home page: the body map, the list of body areas, and the region view."""

from __future__ import annotations

import streamlit as st

from dn_explorer.regions import REGION_ORDER
from explorer_ui.body_map import show_body_map
from explorer_ui.layout import APP_TITLE, page_setup
from explorer_ui.loading import content_or_stop
from explorer_ui.region_view import show_region_view
from explorer_ui.state import LIST_KEY, on_list_select, on_map_select, selected_region, start_session

page_setup("Body map")
index = content_or_stop()
start_session()
region = selected_region()

st.title(APP_TITLE)
map_column, view_column = st.columns([5, 4], gap="large")
with map_column:
    show_body_map(region, on_map_select)
    st.pills(
        "Or choose a body area from this list",
        options=REGION_ORDER,
        format_func=index.region_label,
        selection_mode="single",
        key=LIST_KEY,
        on_change=on_list_select,
    )
with view_column:
    show_region_view(index, region)
