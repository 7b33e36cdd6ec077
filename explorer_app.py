"""Explorer, the home page: the body map, the list of body areas, and the region view.

The same page serves all three users; the mode decides the extras:
therapists get search and the handout, presenters the guided tour, the kiosk neither.

The map, the list and the region view are drawn from data that is the same on every run;
the chosen areas live in the browser (``<html data-dn-region>``) and reach Python
through the selection bridge. A tap therefore reruns only the small ``selection`` fragment:
the bridge, the tour's place in present mode, and the handout button in explore mode.
"""

from __future__ import annotations

import streamlit as st

from dn_explorer.content import ContentIndex
from dn_explorer.modes import Mode
from explorer_ui.body_map import show_body_map, show_selection
from explorer_ui.layout import page_setup
from explorer_ui.loading import clinic_or_stop, content_or_stop
from explorer_ui.region_view import show_region_view
from explorer_ui.shell import text_scale
from explorer_ui.state import chosen_areas, on_tap_select, on_tour_key, start_session, take_tap, tap_ack
from explorer_ui.take_home import show_take_home
from explorer_ui.therapist import show_handout_button, show_search
from explorer_ui.tour import show_tour_controls

page = page_setup("body_map", on_step=on_tour_key, reads="view")
mode, words = page.mode, page.words
index = content_or_stop(page.language)
clinic = clinic_or_stop(page.language)
start_session()


@st.fragment
def selection(index: ContentIndex, mode: Mode) -> None:
    """What a tap reruns: the bridge, and what follows the chosen areas: the tour's place in present
    mode, the therapist's visit summary, the kiosk's "Take this home"."""
    take_tap()  # on the fragment's own rerun (a full run took it in start_session)
    areas = chosen_areas()
    show_selection(areas, tap_ack(), on_tap_select)
    if mode is Mode.PRESENT:
        show_tour_controls(index, areas[0].region if areas else None, words)
    elif mode is Mode.EXPLORE:
        show_handout_button(index, clinic, areas, words)
    elif mode is Mode.KIOSK:
        show_take_home(areas, words)


if mode is Mode.PRESENT:
    selection(index, mode)  # the tour's buttons sit above the map
# The map with the list of areas (grouped by body part) under it, and the region view beside them.
# Big text gets the map half the width, so its areas stay big enough to touch. (No wrapping
# containers: each block is one more message, and its cost, in every first view.)
map_column, view_column = st.columns([5, 5] if text_scale() >= 150 else [4, 6], gap="medium")
with map_column:
    st.title(words.ui.app_title)  # over the map, so the region view beside it starts at the top of the screen
    show_body_map(index, words)  # with the list of areas under it
with view_column:
    if mode is Mode.EXPLORE:
        show_search(index, words)
        selection(index, mode)  # the visit summary's button, under the search box
    show_region_view(index, clinic, words, mode)
    if mode is Mode.KIOSK:
        selection(index, mode)  # "Take this home" under the view, which still fits one screen
