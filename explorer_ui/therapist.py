"""Therapist tools: find a region by condition name, and the visit summary download."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable

import streamlit as st

from dn_explorer.clinic import Clinic
from dn_explorer.content import ContentIndex
from dn_explorer.handout import MAX_NOTE, build_summary, tickable_steps
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.search import SearchResult, find_regions
from dn_explorer.selection import Selection
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
NOTE_KEY = "handout_note"
TICKS_KEY = "handout_ticks"


def _no_handout() -> bytes:
    return b""


def show_handout_button(index: ContentIndex, clinic: Clinic, areas: Selection, words: Words) -> None:
    """The visit summary's button for the chosen areas; its PDF is built only when it is pressed.

    It sits in the selection fragment, so a tap redraws this one button with the bridge. Before an
    area is chosen it is there but cannot be pressed, so the first tap moves nothing on screen.
    With areas chosen, the therapist can tick the aftercare steps that fit and type a short note:
    both go onto the sheet only (session state, gone with the session; never logged or sent).
    """
    handout = words.handout
    today = datetime.date.today()
    button = st.empty()  # the button first; its data needs the ticks and the note drawn under it
    # Before an area is chosen: a callable like the real one (bytes would be stored as a media file on every run).
    label, data = handout.download_none, _no_handout
    if areas:
        ticked, note = _sheet_choices(index, words)
        label = handout.download
        data = functools.partial(
            build_summary, index, areas, settings().base_url, clinic, words, ticked=ticked, note=note, today=today
        )
    button.download_button(
        escape_markdown(label),
        data=data,
        file_name=handout.file_name.format(date=today.isoformat()),
        mime="application/pdf",
        icon=":material/download:",
        key=HANDOUT_KEY,
        disabled=not areas,
        on_click=_forget_sheet_choices,
    )


def _forget_sheet_choices() -> None:
    """Once the sheet is downloaded its note and ticks are gone: the next patient's starts empty."""
    st.session_state[NOTE_KEY] = ""
    st.session_state[TICKS_KEY] = []


def _sheet_choices(index: ContentIndex, words: Words) -> tuple[list[str], str]:
    """The therapist's ticks (aftercare step ids) and note, under the button, folded away."""
    handout = words.handout
    steps = {step.id: step.text for step in tickable_steps(index)}
    with st.expander(escape_markdown(handout.tick_label), icon=":material/checklist:"):
        ticked = st.pills(
            escape_markdown(handout.tick_label),
            list(steps),
            selection_mode="multi",
            format_func=lambda step: escape_markdown(steps[step]),
            key=TICKS_KEY,
            label_visibility="collapsed",
        )
        note = st.text_area(escape_markdown(handout.note_label), key=NOTE_KEY, max_chars=MAX_NOTE)
        st.caption(escape_markdown(handout.note_help))
    return list(ticked or []), note
