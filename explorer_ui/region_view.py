"""The region view: the chosen region's panel (drawn in the browser), then what everyone should know.

The panels for every region reach the browser once, as JSON, in a component that
shows the one ``<html data-dn-region>`` names: a tap on the map shows its region at
once, before Python has answered. The general sections (feelings, aftercare, safety,
visits) are the same for every region and stay Streamlit Markdown.

Every statement is shown with the documents it comes from. Markdown text goes through
``escape_markdown``; the panels are set as text in the browser, never as HTML.
A long word from the glossary ("sciatica", "trigger point") is explained in plain
words right after the text where it first appears on the page.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable

import streamlit as st

from dn_explorer.content import ContentIndex, Statement
from dn_explorer.modes import Mode
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.region_panel import panel_for, panels_payload
from dn_explorer.regions import RegionId
from dn_explorer.view_text import PHASE_HEADINGS, WordExplainer, block, statement_paragraphs

VIEW_DIR = PROJECT_ROOT / "explorer_ui" / "region_view_component"
VIEW_KEY = "region_panel"


@functools.cache
def _component() -> Callable[..., object]:
    # Not style-isolated: the page's text-size rules and fonts apply, and the heading is
    # an ordinary <h2> in the page's outline.
    return st.components.v2.component(
        "dn_region_view",
        html=(VIEW_DIR / "region_view.html").read_text(encoding="utf-8"),
        css=(VIEW_DIR / "region_view.css").read_text(encoding="utf-8"),
        js=(VIEW_DIR / "region_view.js").read_text(encoding="utf-8"),
        isolate_styles=False,
    )


@st.cache_resource(show_spinner=False, max_entries=8)
def _payload(_index: ContentIndex, index_id: int, mode: str) -> str:
    """Every panel as one JSON text, made once per content and mode.

    The same text on every run: the component's message stays byte-identical from tap
    to tap, so Streamlit sends a reference to it instead of the panels again. A text,
    not nested dicts: Streamlit looks for dataframes among ``data``'s values, and for
    anything but a plain value that means importing pandas.
    """
    return json.dumps(panels_payload(_index, Mode(mode)), ensure_ascii=False, separators=(",", ":"))


def show_statements(index: ContentIndex, items: Iterable[Statement], words: WordExplainer) -> None:
    """A run of statements as one Markdown element (one element per statement made taps slow)."""
    st.markdown(block(p for item in items for p in statement_paragraphs(index, item, words)))


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
    """The panel for ``region`` (all panels are in the browser), then the general sections.

    Explore shows the general sections from the start; kiosk and projector once a region is chosen.
    """
    _component()(key=VIEW_KEY, data={"panels_json": _payload(index, id(index), mode.value)})
    words = WordExplainer(index)
    panel_for(index, region, mode, words)  # marks the words the panel explains, so they are not explained twice
    if mode is Mode.EXPLORE or region is not None:
        show_general(index, words, folded=mode is Mode.PRESENT)
