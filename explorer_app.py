"""Explorer, the home page: the body map, the list of body areas, and the region view.

The same page serves all three users; the mode decides the extras:
therapists get search and the handout, presenters the guided tour, the kiosk neither.
"""

from __future__ import annotations

import streamlit as st

from dn_explorer.content import ContentIndex
from dn_explorer.modes import Mode
from explorer_ui.body_map import show_body_map, show_selection
from explorer_ui.layout import APP_TITLE, page_setup
from explorer_ui.loading import content_or_stop
from explorer_ui.region_list import show_region_list
from explorer_ui.region_view import show_region_view
from explorer_ui.shell import text_scale
from explorer_ui.state import catch_missed_tap, on_map_select, on_tour_key, selected_region, start_session
from explorer_ui.therapist import show_handout_button, show_search
from explorer_ui.tour import show_tour_controls

mode = page_setup("Body map", on_step=on_tour_key)
index = content_or_stop()
start_session()

st.title(APP_TITLE)


@st.fragment
def explorer(index: ContentIndex, mode: Mode) -> None:
    """Everything a tap changes. As a fragment, a tap reruns only this, not the page's
    links, text-size buttons and shell, so the browser has fewer elements to redo."""
    region = selected_region()
    show_selection(region)  # first: the browser shows Python's choice before the rest arrives
    if mode is Mode.PRESENT:
        show_tour_controls(index, region)
    body = st.container(key="explorer")
    if mode is Mode.PRESENT or text_scale() >= 150:
        # Projector or big text: map and region view share the screen; the list sits under the map.
        map_column, view_column = body.columns([5, 5], gap="large")
        list_column = map_column
    else:
        map_column, list_column, view_column = body.columns([5, 1.7, 4.3], gap="medium")
    with map_column:
        catch_missed_tap(show_body_map(on_map_select))
    with list_column:
        show_region_list(index, region)
    with view_column, st.container(key="region-view"):
        if mode is Mode.EXPLORE:
            show_search(index)
        show_region_view(index, region, mode)
        if mode is Mode.EXPLORE and region is not None:
            show_handout_button(index, region)


explorer(index, mode)
