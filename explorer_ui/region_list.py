"""The plain list of region buttons: the keyboard and screen-reader alternative to the map."""

from __future__ import annotations

import streamlit as st

from dn_explorer.content import ContentIndex
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.regions import REGION_ORDER, RegionId
from explorer_ui.state import on_list_select

LIST_HEADING = "Or choose from this list"


def button_key(region: RegionId) -> str:
    return f"region-button-{region.value}"


def show_region_list(index: ContentIndex, selected: RegionId | None) -> None:
    """One button per region; the chosen one carries a tick and is filled (not colour alone).

    Every button keeps one type: switching a button between types makes the browser
    build a new one, and a keyboard user who pressed it would lose their place.
    The fill comes from the page CSS (``shell.css``), keyed on the tick icon.
    """
    st.markdown(f"**{LIST_HEADING}**")
    with st.container(horizontal=True, gap="small", key="region-list"):
        for region in REGION_ORDER:
            chosen = region is selected
            st.button(
                escape_markdown(index.region_label(region)),
                key=button_key(region),
                type="secondary",
                icon=":material/check:" if chosen else None,
                on_click=on_list_select,
                args=(region,),
            )
