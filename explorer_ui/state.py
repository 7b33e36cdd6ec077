"""The chosen areas: one value in session state, kept in step with the map, the list and the address.

A tap reaches Python one way: the selection bridge's state value (``setStateValue`` with
``default=``), read directly on the rerun by ``take_tap``, on a full run before anything is
drawn and in the selection fragment on the fragment's own rerun.
"""

from __future__ import annotations

from typing import cast

import streamlit as st

from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.selection import Area, Selection, parse_selection, tokens
from explorer_ui.body_map import reported_tap
from explorer_ui.shell import tour_step

AREAS_KEY = "selected_areas"
SEARCH_RESULT_KEY = "search_result"
TAP_ACK_KEY = "_tap_ack"
"""The number of the last tap this session has taken (the bridge holds back older answers)."""
_STARTED_KEY = "_started"


def chosen_areas() -> Selection:
    return cast(Selection, st.session_state.get(AREAS_KEY, ()))


def selected_region() -> RegionId | None:
    """The first chosen area's region (the tour steps from it), or None on the start view."""
    areas = chosen_areas()
    return areas[0].region if areas else None


def start_session() -> None:
    """On a session's first run, take the areas from the address (a deep link), then any tap."""
    if not st.session_state.get(_STARTED_KEY):
        st.session_state[_STARTED_KEY] = True
        values = st.query_params.get_all("region")
        areas = parse_selection(values)
        if values and tokens(areas) != values:
            _select(areas)  # unknown, hostile, repeated or too many: what is left, in a clean address
        else:
            st.session_state[AREAS_KEY] = areas
    take_tap()


def select_region(region: RegionId) -> None:
    """Python's own choice of one area (another page opens it on the body map): the bridge shows it."""
    st.session_state[_STARTED_KEY] = True  # the address on the body map page must not override it
    _select((Area(region),))


def _select(areas: Selection) -> None:
    st.session_state[AREAS_KEY] = areas
    st.session_state.pop(SEARCH_RESULT_KEY, None)  # an old "Found ..." no longer fits the view
    if areas:
        st.query_params["region"] = tokens(areas)
    else:
        st.query_params.pop("region", None)


def tap_ack() -> int:
    return cast(int, st.session_state.get(TAP_ACK_KEY, 0))


def take_tap() -> None:
    """Take the bridge's latest tap, if this session has not taken it yet.

    The bridge numbers its taps; a number other than the last one taken is new (a page that
    reconnects after a server restart counts on from its own number: that is new here too).
    """
    tap = reported_tap()
    if tap is not None and tap.number != tap_ack():
        st.session_state[TAP_ACK_KEY] = tap.number
        _select(tap.areas)


def on_tap_select() -> None:
    """The bridge's callback: ``default=`` needs one; the tap itself is read on the rerun."""


def on_list_select(region: RegionId) -> None:
    """Callback: an area was chosen with a button Python drew (search results)."""
    _select((Area(region),))


def clear_selection() -> None:
    _select(())


def step_tour(delta: int) -> None:
    """Move the guided tour one region on (+1) or back (-1), wrapping at the ends."""
    current = selected_region()
    if current is None:
        position = 0 if delta > 0 else len(REGION_ORDER) - 1
    else:
        position = (REGION_ORDER.index(current) + delta) % len(REGION_ORDER)
    _select((Area(REGION_ORDER[position]),))


def on_tour_key() -> None:
    """Callback: an arrow key in present mode."""
    delta = tour_step()
    if delta:
        step_tour(delta)
