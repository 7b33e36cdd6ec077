"""The region view: conditions for the chosen region, then what everyone should know.

Every statement is shown with the documents it comes from. Content text goes
through ``escape_markdown`` so it shows as written and can never become markup.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dn_explorer.content import ContentIndex, Phase, Statement
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.modes import Mode
from dn_explorer.regions import RegionId

PHASE_HEADINGS = {
    Phase.DURING: "During the treatment",
    Phase.RIGHT_AFTER: "Right after",
    Phase.FIRST_DAYS: "The first hours and days",
    Phase.OVER_VISITS: "Over several visits",
}


def sources_line(index: ContentIndex, source_ids: Iterable[str], said_by: str | None = None) -> str:
    names = ", ".join(index.source_names(source_ids))
    line = f"Source: {names}" if "," not in names else f"Sources: {names}"
    if said_by:
        line += f" · This is {index.sources_by_id[said_by].short}'s own claim"
    return escape_markdown(line)


def show_statement(index: ContentIndex, item: Statement) -> None:
    st.markdown(escape_markdown(item.text))
    st.caption(sources_line(index, item.sources, item.said_by))


def show_statements(index: ContentIndex, items: Iterable[Statement]) -> None:
    for item in items:
        show_statement(index, item)


def show_conditions(index: ContentIndex, region: RegionId) -> None:
    label = index.region_label(region)
    conditions = index.conditions_for(region)
    st.subheader("What dry needling may help here")
    if not conditions:
        st.info(
            escape_markdown(
                f"The clinic documents this app uses do not name a problem in the {label.lower()} area. "
                "That does not mean dry needling can or cannot help there. Please ask your therapist."
            ),
            icon=":material/info:",
        )
    for condition in conditions:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(condition.name)}**")
            st.markdown(escape_markdown(condition.text))
            st.caption(sources_line(index, condition.sources))
    note = index.regions_by_id[region].note
    if note is not None:
        show_statement(index, note)


def _feelings(index: ContentIndex) -> None:
    for phase, heading in PHASE_HEADINGS.items():
        items = index.sensations_in(phase)
        if items:
            st.markdown(f"**{heading}**")
            show_statements(index, items)


def show_general(index: ContentIndex, *, folded: bool = False) -> None:
    """Feelings, aftercare, safety and visits: the same for every region.

    ``folded`` (present mode) puts each under a heading that opens on a tap,
    so the projector shows the region's own conditions first.
    """
    sections = (
        ("What you may feel", lambda: _feelings(index)),
        ("Looking after yourself afterwards", lambda: show_statements(index, index.content.aftercare)),
        ("Staying safe", lambda: show_statements(index, index.content.safety)),
        ("How many visits", lambda: show_statements(index, index.content.visits)),
    )
    for title, body in sections:
        if folded:
            with st.expander(title):
                body()
        else:
            st.subheader(title)
            body()


def show_region_view(index: ContentIndex, region: RegionId | None, mode: Mode = Mode.EXPLORE) -> None:
    if region is None:
        st.header("Touch a part of the body")
        st.markdown(
            "Touch an area on the body map or in the list. "
            "You will see what dry needling may help there, how it can feel, and how to look after yourself."
        )
        if mode is Mode.EXPLORE:
            show_general(index)
        return
    st.header(index.region_label(region))
    show_conditions(index, region)
    show_general(index, folded=mode is Mode.PRESENT)
