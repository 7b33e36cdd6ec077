"""The region view: conditions for the chosen region, then what everyone should know.

Every statement is shown with the documents it comes from. Content text goes
through ``escape_markdown`` so it shows as written and can never become markup.
A long word from the glossary ("sciatica", "trigger point") is explained in plain
words right after the text where it first appears on the page.
"""

from __future__ import annotations

from collections.abc import Iterable

import streamlit as st

from dn_explorer.content import ContentIndex, Statement
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.modes import Mode
from dn_explorer.regions import RegionId
from dn_explorer.view_text import PHASE_HEADINGS, WordExplainer, block, paragraph, sources_text, statement_paragraphs

START_HEADING = "Touch a part of the body"
START_TEXT = (
    "Touch an area on the body map or in the list. "
    "You will see what dry needling may help there, how it can feel, and how to look after yourself."
)
NO_CONDITIONS_TEXT = (
    "The clinic documents this app uses do not name a problem in the {area} area. "
    "That does not mean dry needling can or cannot help there. Please ask your therapist. "
    "The About page lists the problems the documents name for the whole body."
)
"""Fixed patient-facing words, kept here so the readability test checks them too."""


def show_statements(index: ContentIndex, items: Iterable[Statement], words: WordExplainer) -> None:
    """A run of statements as one Markdown element (one element per statement made taps slow)."""
    st.markdown(block(p for item in items for p in statement_paragraphs(index, item, words)))


def show_conditions(index: ContentIndex, region: RegionId, words: WordExplainer) -> None:
    label = index.region_label(region)
    conditions = index.conditions_for(region)
    st.subheader("What dry needling may help here")
    if not conditions:
        st.info(escape_markdown(NO_CONDITIONS_TEXT.format(area=label.lower())), icon=":material/info:")
    for condition in conditions:
        with st.container(border=True):
            shown = paragraph(condition.text, sources_text(index, condition.sources), title=condition.name)
            st.markdown(block([shown, *words.after(f"{condition.name}. {condition.text}")]))
    note = index.regions_by_id[region].note
    if note is not None:
        show_statements(index, [note], words)


def _feelings(index: ContentIndex, words: WordExplainer) -> None:
    paragraphs = []
    for phase, heading in PHASE_HEADINGS.items():
        items = index.sensations_in(phase)
        if items:
            paragraphs.append(f"**{heading}**")
            paragraphs += [p for item in items for p in statement_paragraphs(index, item, words)]
    st.markdown(block(paragraphs))


def show_general(index: ContentIndex, words: WordExplainer, *, folded: bool = False) -> None:
    """Feelings, aftercare, safety and visits: the same for every region.

    ``folded`` (present mode) puts each under a heading that opens on a tap,
    so the projector shows the region's own conditions first.
    """
    sections = (
        ("What you may feel", lambda: _feelings(index, words)),
        ("Looking after yourself afterwards", lambda: show_statements(index, index.content.aftercare, words)),
        ("Staying safe", lambda: show_statements(index, index.content.safety, words)),
        ("How many visits", lambda: show_statements(index, index.content.visits, words)),
    )
    for title, body in sections:
        if folded:
            with st.expander(title):
                body()
        else:
            st.subheader(title)
            body()


def show_region_view(index: ContentIndex, region: RegionId | None, mode: Mode = Mode.EXPLORE) -> None:
    words = WordExplainer(index)
    if region is None:
        st.header(START_HEADING)
        st.markdown(START_TEXT)
        if mode is Mode.EXPLORE:
            show_general(index, words)
        elif index.content.questions:
            # Kiosk and projector start screens: the first question, in a box, as a friendly opener.
            first = index.content.questions[0]
            with st.container(border=True):
                sources = sources_text(index, first.sources, first.said_by)
                answer = paragraph(first.answer, sources, title=first.question)
                st.markdown(block([answer, *words.after(first.answer)]))
        return
    st.header(escape_markdown(index.region_label(region)))
    show_conditions(index, region, words)
    show_general(index, words, folded=mode is Mode.PRESENT)
