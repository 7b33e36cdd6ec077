"""The current region: one value in session state, kept in step with the map, the list and the address."""

from __future__ import annotations

from typing import cast

import streamlit as st

from dn_explorer.regions import REGION_ORDER, RegionId, Tap, parse_region
from explorer_ui.body_map import reported_tap
from explorer_ui.shell import tour_step

SELECTED_KEY = "selected_region"
SEARCH_RESULT_KEY = "search_result"
TAP_ACK_KEY = "_tap_ack"
"""The number of the last tap this session has seen (the bridge holds back older answers)."""
_STARTED_KEY = "_started"


def selected_region() -> RegionId | None:
    return st.session_state.get(SELECTED_KEY)


def start_session() -> None:
    """On a session's first run, take the region from the address (a deep link)."""
    if st.session_state.get(_STARTED_KEY):
        return
    st.session_state[_STARTED_KEY] = True
    if SELECTED_KEY in st.session_state:
        # The first run is itself a tap (a page reconnected after a server restart
        # sends its pending tap as the new session's first run): the tap wins.
        return
    region = parse_region(st.query_params.get_all("region"))
    if "region" in st.query_params and region is None:
        del st.query_params["region"]  # unknown or hostile: start view, clean address
    _select(region)


def select_region(region: RegionId) -> None:
    """Python's own choice of region (another page opens it on the body map): the bridge shows it."""
    st.session_state[_STARTED_KEY] = True  # the address on the body map page must not override it
    _select(region)


def _select(region: RegionId | None) -> None:
    st.session_state[SELECTED_KEY] = region
    st.session_state.pop(SEARCH_RESULT_KEY, None)  # an old "Found ..." no longer fits the view
    if region is None:
        st.query_params.pop("region", None)
    else:
        st.query_params["region"] = region.value


def tap_ack() -> int:
    return cast(int, st.session_state.get(TAP_ACK_KEY, 0))


def _take_tap(tap: Tap) -> None:
    st.session_state[TAP_ACK_KEY] = tap.number
    _select(tap.region)


def on_tap_select() -> None:
    """Callback: a region was clicked, tapped or pressed on the map or in the list."""
    tap = reported_tap()
    if tap is not None:
        _take_tap(tap)


def catch_missed_tap(tap: Tap | None) -> None:
    """Apply a tap whose callback could not run, and show it at once.

    Streamlit only calls a widget's callback when the session already knows the
    widget. The first run of a new session (a kiosk page reconnecting after a
    server restart) can be a tap: its value arrives, its callback does not run.
    """
    if tap is not None and (tap.region is not selected_region() or tap.number != tap_ack()):
        _take_tap(tap)
        st.rerun()


def on_list_select(region: RegionId) -> None:
    """Callback: a region was chosen with a button Python drew (search results)."""
    _select(region)


def clear_selection() -> None:
    _select(None)


def step_tour(delta: int) -> None:
    """Move the guided tour one region on (+1) or back (-1), wrapping at the ends."""
    current = selected_region()
    if current is None:
        position = 0 if delta > 0 else len(REGION_ORDER) - 1
    else:
        position = (REGION_ORDER.index(current) + delta) % len(REGION_ORDER)
    _select(REGION_ORDER[position])


def on_tour_key() -> None:
    """Callback: an arrow key in present mode."""
    delta = tour_step()
    if delta:
        step_tour(delta)
