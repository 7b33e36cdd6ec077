"""Therapist tools: find a region by condition name, and the aftercare handout download."""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from dn_explorer.clinic import Clinic
from dn_explorer.content import ContentIndex
from dn_explorer.handout import build_handout
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.regions import RegionId
from dn_explorer.search import SearchResult, find_regions
from dn_explorer.words import Words
from explorer_ui.components import from_files
from explorer_ui.shell import settings
from explorer_ui.state import SEARCH_RESULT_KEY, on_list_select, selected_region

SEARCH_KEY = "search_text"
RESULT_KEY = SEARCH_RESULT_KEY
SHOWN_KEY = "search_shown"
"""What was typed, cut to the box's 80 characters, for the message that repeats it."""
SEARCH_DIR = PROJECT_ROOT / "explorer_ui" / "search_component"
MAX_CHARS = 80


MAX_AUTO_REGIONS = 3
"""A term that fits a few regions ("back pain") opens the first; a vague one ("pain") only offers them."""


@functools.cache
def _component() -> Callable[..., object]:
    """Our own search box: Streamlit's text input costs a first view ~20 lazily loaded script
    chunks (bench/RESULTS.md); this one rides on the component code the map loads anyway."""
    return from_files("dn_search", SEARCH_DIR, "search")


def _no_callback() -> None:
    """A trigger needs a callback to be registered; the search is read on the rerun itself."""


def run_search(index: ContentIndex, text: str) -> None:
    """Find ``text``: open the region when it fits a few, and keep the result for the message."""
    result = find_regions(index, text)
    if result.regions and len(result.regions) <= MAX_AUTO_REGIONS:
        on_list_select(result.regions[0])
    st.session_state[RESULT_KEY] = result  # after selecting: a selection clears an old result
    st.session_state[SHOWN_KEY] = text[:MAX_CHARS]


def show_search(index: ContentIndex, words: Words) -> None:
    """The search box and what the last search found. It runs before the selection bridge, so a
    search that opens a region reaches the browser in the same run."""
    ui = words.ui
    sent = _component()(
        key=SEARCH_KEY,
        data={"label": ui.find_label, "placeholder": ui.find_placeholder},
        on_search_change=_no_callback,
    )
    text = getattr(sent, "search", None)
    if isinstance(text, str):
        run_search(index, text)
    result: SearchResult | None = st.session_state.get(RESULT_KEY)
    if result is None or not result.query:
        return
    shown = st.session_state.get(SHOWN_KEY, "")
    if result.regions:
        names = ", ".join(index.region_label(r) for r in result.regions)
        st.success(escape_markdown(ui.found.format(query=shown, areas=names)), icon=":material/search:")
        if len(result.regions) > 1 or selected_region() not in result.regions:
            row = st.container(horizontal=True, gap="small")
            for region in result.regions:
                row.button(
                    escape_markdown(ui.show_area.format(area=index.region_label(region))),
                    key=f"search-go-{region.value}",
                    on_click=on_list_select,
                    args=(region,),
                )
    elif result.conditions:
        names = ", ".join(c.name for c in result.conditions)
        st.info(escape_markdown(ui.whole_body.format(names=names)), icon=":material/info:")
    else:
        st.info(escape_markdown(ui.nothing.format(query=shown)), icon=":material/info:")


HANDOUT_KEY = "handout"


def _no_handout() -> bytes:
    return b""


def show_handout_button(index: ContentIndex, clinic: Clinic, region: RegionId | None, words: Words) -> None:
    """The chosen region's handout button; its PDF is built only when the button is pressed.

    It sits in the selection fragment, so a tap redraws this one button with the bridge (one
    small element) instead of every region's button being drawn on each first view. Before an
    area is chosen it is there but cannot be pressed, so the first tap moves nothing on screen.
    """
    handout = words.handout
    if region is None:
        # A callable like the real one: bytes here would be stored as a media file on every run.
        label, data, file_name = handout.download_none, _no_handout, handout.file_name.format(region="start")
    else:
        label = handout.download.format(area=index.region_label(region).lower())
        data = functools.partial(build_handout, index, region, settings().base_url, clinic, words)
        file_name = handout.file_name.format(region=region.value)
    st.download_button(
        escape_markdown(label),
        data=data,
        file_name=file_name,
        mime="application/pdf",
        icon=":material/download:",
        key=HANDOUT_KEY,
        disabled=region is None,
    )
