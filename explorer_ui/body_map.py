"""The body map (a Streamlit v2 component of inline SVG, with the plain list of areas under it) and
the selection bridge.

The map and the list are two parts of one component (``explorer_ui.components.from_parts``): they
sit one above the other, and one element costs a first view less than two.

The chosen areas live on ``<html data-dn-region>`` in the browser, as tokens
("neck calf:right", see ``dn_explorer.selection``). The map and the list set it on a tap, so
they and the region view change at once, with no server round trip. The bridge, a tiny
component in a small fragment, is the only link with Python: it reports a tap as its
``select`` state value (rerunning only its fragment) and puts Python's own choice (a deep
link, search, the tour) onto the attribute as data. The map, the list and the
region view get the same data on every run, so Streamlit resends only a reference to them.

The bridge (``body_map_component/selection.js``, kept short because its code travels with
every tap) numbers the taps it sends; Python echoes the last number it has seen as
``ack``. An answer that has not seen the page's latest tap is held back, so two quick
taps never flash the first one again; if the latest tap is never answered (a lost
connection, where a new session counts from 0 again) Python's word is taken after 3 s.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from dn_explorer.content import ContentIndex
from dn_explorer.paths import COMPONENT_DIR
from dn_explorer.regions import REGION_ORDER
from dn_explorer.selection import SIDED, Selection, Tap, parse_tap, side_labels, tokens
from dn_explorer.words import Words
from explorer_ui.components import SELECTION_RULES, Part, from_files, from_parts
from explorer_ui.loading import body_map
from explorer_ui.region_list import LIST_DIR, list_data

MAP_KEY = "body_map"
BRIDGE_KEY = "selection"


@functools.cache
def _component() -> Callable[..., object]:
    """Register the component once per process (its markup is our own asset only)."""
    return from_parts(
        "dn_body_map",
        (Part(COMPONENT_DIR, "body_map", html=body_map().markup), Part(LIST_DIR, "region_list")),
        prelude=(SELECTION_RULES,),
    )


@functools.cache
def _bridge() -> Callable[..., object]:
    return from_files("dn_selection", COMPONENT_DIR, "selection", html="<span hidden></span>\n")


def show_selection(areas: Selection, tap_ack: int, on_select: Callable[[], None]) -> None:
    """Tell the browser which areas Python has chosen, and the number of the last tap it has taken.

    The bridge reports a tap as its state value (``setStateValue``, with ``default=``), which the
    next run reads directly (``reported_tap``); ``on_select`` is the callback ``default=`` asks for.
    """
    _bridge()(
        key=BRIDGE_KEY,
        data={"selected": " ".join(tokens(areas)), "ack": tap_ack},
        default={"select": None},
        on_select_change=on_select,
        height=0,
    )


def map_words(index: ContentIndex, words: Words) -> dict[str, object]:
    """The figure's words in the page's language: region names, its labels, the status line."""
    ui = words.ui
    return {
        "regions": {region.value: index.region_label(region) for region in REGION_ORDER},
        "figure": {"Front": ui.front, "Back": ui.back, "Your left": ui.your_left, "Your right": ui.your_right},
        "front_title": ui.front_title,
        "back_title": ui.back_title,
        "showing": ui.showing,
        "sides": {region.value: side_labels(index, region, words) for region in REGION_ORDER if region in SIDED},
    }


def show_body_map(index: ContentIndex, words: Words) -> None:
    """The map and the list under it: the same markup, and the same data on every run in one
    language (the chosen areas are in the browser, and Python's choice reaches them through
    ``<html data-dn-region>``)."""
    _component()(
        key=MAP_KEY,
        data={"body_map": {"words": map_words(index, words)}, "region_list": list_data(index, words)},
    )


def reported_tap() -> Tap | None:
    """The bridge's latest tap (checked: known areas and a sane number), if it has reported one."""
    result = st.session_state.get(BRIDGE_KEY)
    if result is None:
        return None
    value = result.get("select") if hasattr(result, "get") else getattr(result, "select", None)
    return parse_tap(value)
