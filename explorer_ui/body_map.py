"""The body map as a Streamlit v2 component (inline SVG, a tap sent back as a trigger), and the selection bridge.

The chosen region lives on ``<html data-dn-region>`` in the browser: the map sets it on a
tap (so the map and the region view change at once), and the bridge, a tiny component
that is all Python sends per selection, sets it from Python. The map's own message then
never changes, and Streamlit resends only a reference to it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from dn_explorer.paths import COMPONENT_DIR
from dn_explorer.regions import RegionId
from explorer_ui.loading import body_map

MAP_KEY = "body_map"
BRIDGE_KEY = "selection"


@functools.cache
def _component() -> Callable[..., object]:
    """Register the component once per process (its markup is our own asset only)."""
    return st.components.v2.component(
        "dn_body_map",
        html=body_map().markup,
        css=(COMPONENT_DIR / "body_map.css").read_text(encoding="utf-8"),
        js=(COMPONENT_DIR / "body_map.js").read_text(encoding="utf-8"),
    )


@functools.cache
def _bridge() -> Callable[..., object]:
    return st.components.v2.component(
        "dn_selection",
        html="<span hidden></span>\n",
        js=(COMPONENT_DIR / "selection.js").read_text(encoding="utf-8"),
    )


def show_selection(selected: RegionId | None) -> None:
    """Tell the browser which region Python has chosen (a deep link, the list, search, the tour)."""
    _bridge()(key=BRIDGE_KEY, data={"selected": selected.value if selected else None}, height=0)


def show_body_map(on_select: Callable[[], None]) -> str | None:
    """Mount the map; ``on_select`` runs when a region is clicked, tapped or pressed.

    Returns the raw region id tapped in this run, if any (validated by the caller).
    """
    result = _component()(key=MAP_KEY, on_select_change=on_select)
    value = getattr(result, "select", None)
    return value if isinstance(value, str) else None


def clicked_region() -> str | None:
    """The raw region id the map just reported (validated by the caller)."""
    result = st.session_state.get(MAP_KEY)
    if result is None:
        return None
    value = result.get("select") if hasattr(result, "get") else getattr(result, "select", None)
    return value if isinstance(value, str) else None
