"""The region view: conditions for the chosen region, then what everyone should know.

Every statement is shown with the documents it comes from. Content text goes
through ``escape_markdown`` so it shows as written and can never become markup.
A long word from the glossary ("sciatica", "trigger point") is explained in plain
words right after the text where it first appears on the page.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import streamlit as st

from dn_explorer.content import ContentIndex, Phase, Statement, Term
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.modes import Mode
from dn_explorer.regions import RegionId

PHASE_HEADINGS = {
    Phase.DURING: "During the treatment",
    Phase.RIGHT_AFTER: "Right after",
    Phase.FIRST_DAYS: "The first hours and days",
    Phase.OVER_VISITS: "Over several visits",
}


START_HEADING = "Touch a part of the body"
START_TEXT = (
    "Touch an area on the body map or in the list. "
    "You will see what dry needling may help there, how it can feel, and how to look after yourself."
)
NO_CONDITIONS_TEXT = (
    "The clinic documents this app uses do not name a problem in the {area} area. "
    "That does not mean dry needling can or cannot help there. Please ask your therapist."
)
"""Fixed patient-facing words, kept here so the readability test checks them too."""


@functools.cache
def _term_pattern(term: str) -> re.Pattern[str]:
    """The term and its plural ("trigger points", "tendinopathies"), as whole words, any case."""
    words = r"\s+".join(re.escape(w) for w in term.lower().split())
    forms = rf"(?:{words}|{words[:-1]}ies)" if words.endswith("y") else rf"{words}(?:e?s)?"
    return re.compile(rf"\b{forms}\b", re.IGNORECASE)


def terms_in(index: ContentIndex, text: str) -> list[Term]:
    """The glossary terms a text uses, in the order they first appear in it."""
    found = []
    for term in index.content.glossary:
        match = _term_pattern(term.term).search(text)
        if match:
            found.append((match.start(), term))
    return [term for _, term in sorted(found, key=lambda pair: pair[0])]


class WordExplainer:
    """Explains each glossary word once per page, right after the text where it first appears."""

    def __init__(self, index: ContentIndex) -> None:
        self.index = index
        self.explained: list[str] = []

    def after(self, text: str) -> None:
        waiting = terms_in(self.index, text)
        while waiting:
            term = waiting.pop(0)
            if term.id in self.explained:
                continue
            self.explained.append(term.id)
            st.markdown(f":material/menu_book: *Word explained:* **{escape_markdown(term.term)}**")
            st.markdown(escape_markdown(term.meaning))
            st.caption(sources_line(self.index, term.sources))
            waiting += terms_in(self.index, term.meaning)  # an explanation may use another long word


def sources_line(index: ContentIndex, source_ids: Iterable[str], said_by: str | None = None) -> str:
    names = ", ".join(index.source_names(source_ids))
    line = f"Source: {names}" if "," not in names else f"Sources: {names}"
    if said_by:
        line += f" · This is {index.sources_by_id[said_by].short}'s own claim"
    return escape_markdown(line)


def show_statement(index: ContentIndex, item: Statement, words: WordExplainer | None = None) -> None:
    st.markdown(escape_markdown(item.text))
    st.caption(sources_line(index, item.sources, item.said_by))
    if words is not None:
        words.after(item.text)


def show_statements(index: ContentIndex, items: Iterable[Statement], words: WordExplainer | None = None) -> None:
    for item in items:
        show_statement(index, item, words)


def show_conditions(index: ContentIndex, region: RegionId, words: WordExplainer | None = None) -> None:
    label = index.region_label(region)
    conditions = index.conditions_for(region)
    st.subheader("What dry needling may help here")
    if not conditions:
        st.info(escape_markdown(NO_CONDITIONS_TEXT.format(area=label.lower())), icon=":material/info:")
    for condition in conditions:
        with st.container(border=True):
            st.markdown(f"**{escape_markdown(condition.name)}**")
            st.markdown(escape_markdown(condition.text))
            st.caption(sources_line(index, condition.sources))
            if words is not None:
                words.after(f"{condition.name}. {condition.text}")
    note = index.regions_by_id[region].note
    if note is not None:
        show_statement(index, note, words)


def _feelings(index: ContentIndex, words: WordExplainer | None) -> None:
    for phase, heading in PHASE_HEADINGS.items():
        items = index.sensations_in(phase)
        if items:
            st.markdown(f"**{heading}**")
            show_statements(index, items, words)


def show_general(index: ContentIndex, *, folded: bool = False, words: WordExplainer | None = None) -> None:
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
            show_general(index, words=words)
        return
    st.header(index.region_label(region))
    show_conditions(index, region, words)
    show_general(index, folded=mode is Mode.PRESENT, words=words)
