"""Therapist tools: find a region by condition name, and the aftercare handout download."""

from __future__ import annotations

import functools

import streamlit as st

from dn_explorer.clinic import Clinic
from dn_explorer.content import ContentIndex
from dn_explorer.handout import build_handout
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.search import SearchResult, find_regions
from dn_explorer.words import Words
from explorer_ui.shell import settings
from explorer_ui.state import SEARCH_RESULT_KEY, on_list_select, selected_region

SEARCH_KEY = "search_text"
RESULT_KEY = SEARCH_RESULT_KEY


MAX_AUTO_REGIONS = 3
"""A term that fits a few regions ("back pain") opens the first; a vague one ("pain") only offers them."""


def _on_search(index: ContentIndex) -> None:
    result = find_regions(index, st.session_state.get(SEARCH_KEY, ""))
    if result.regions and len(result.regions) <= MAX_AUTO_REGIONS:
        on_list_select(result.regions[0])
    st.session_state[RESULT_KEY] = result  # after selecting: a selection clears an old result


def show_search(index: ContentIndex, words: Words) -> None:
    ui = words.ui
    st.text_input(
        ui.find_label,
        key=SEARCH_KEY,
        placeholder=ui.find_placeholder,
        on_change=_on_search,
        args=(index,),
        max_chars=80,
    )
    result: SearchResult | None = st.session_state.get(RESULT_KEY)
    if result is None or not result.query:
        return
    shown = st.session_state.get(SEARCH_KEY, "")[:80]
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


def handout_key(region: RegionId) -> str:
    return f"handout-{region.value}"


def show_handout_buttons(index: ContentIndex, clinic: Clinic, words: Words) -> None:
    """One handout button per region, each PDF built only when its button is pressed.

    All are drawn on a full run and the page shows only the chosen region's (CSS keyed on
    ``<html data-dn-region>``, see ``shell.per_region_css``), so a tap changes the button
    with no server round trip, like the region view.
    """
    for region in REGION_ORDER:
        label = index.region_label(region)
        st.download_button(
            escape_markdown(words.handout.download.format(area=label.lower())),
            data=functools.partial(build_handout, index, region, settings().base_url, clinic, words),
            file_name=words.handout.file_name.format(region=region.value),
            mime="application/pdf",
            icon=":material/download:",
            key=handout_key(region),
        )
