"""Present mode's guided tour: Previous and Next step through every region (arrow keys too)."""

from __future__ import annotations

import streamlit as st

from dn_explorer.content import ContentIndex
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.words import Words
from explorer_ui.state import step_tour


def show_tour_controls(index: ContentIndex, region: RegionId | None, words: Words) -> None:
    ui = words.ui
    row = st.container(horizontal=True, gap="medium", vertical_alignment="center", key="tour")
    row.button(ui.tour_previous, key="tour-previous", icon=":material/arrow_back:", on_click=step_tour, args=(-1,))
    row.button(ui.tour_next, key="tour-next", icon=":material/arrow_forward:", on_click=step_tour, args=(1,))
    if region is None:
        row.markdown(escape_markdown(ui.tour_start))
    else:
        position = REGION_ORDER.index(region) + 1
        stop = ui.tour_stop.format(position=position, total=len(REGION_ORDER), area=index.region_label(region))
        row.markdown(escape_markdown(stop))
