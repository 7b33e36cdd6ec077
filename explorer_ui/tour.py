"""Present mode's guided tour: Previous and Next step through every region (arrow keys too)."""

from __future__ import annotations

import streamlit as st

from dn_explorer.content import ContentIndex
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.regions import REGION_ORDER, RegionId
from explorer_ui.state import step_tour


def show_tour_controls(index: ContentIndex, region: RegionId | None) -> None:
    row = st.container(horizontal=True, gap="medium", vertical_alignment="center", key="tour")
    row.button("Previous", key="tour-previous", icon=":material/arrow_back:", on_click=step_tour, args=(-1,))
    row.button("Next", key="tour-next", icon=":material/arrow_forward:", on_click=step_tour, args=(1,))
    if region is None:
        row.markdown("Guided tour: press **Next** or the right arrow key to begin.")
    else:
        position = REGION_ORDER.index(region) + 1
        label = escape_markdown(index.region_label(region))
        row.markdown(f"Stop {position} of {len(REGION_ORDER)}: **{label}**")
