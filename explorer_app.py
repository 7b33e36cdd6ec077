"""Explorer, the home page: the body map, the list of body areas, and the region view."""

from __future__ import annotations

import streamlit as st

from explorer_ui.body_map import show_body_map
from explorer_ui.layout import APP_TITLE, page_setup
from explorer_ui.loading import content_or_stop
from explorer_ui.region_list import show_region_list
from explorer_ui.region_view import show_region_view
from explorer_ui.state import on_map_select, selected_region, start_session

page_setup("Body map")
index = content_or_stop()
start_session()
region = selected_region()

st.title(APP_TITLE)
map_column, list_column, view_column = st.columns([5, 1.7, 4.3], gap="medium")
with map_column:
    show_body_map(region, on_map_select)
with list_column:
    show_region_list(index, region)
with view_column:
    show_region_view(index, region)
