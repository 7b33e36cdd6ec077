"""The region view, drawn in the browser: main message, Safe care, and tabs ("Can it help?", how it feels, ...).

Every panel, the Safe care panel and the general tabs reach the browser once, as JSON, in
a component that shows the panel ``<html data-dn-region>`` names: a tap shows its region
at once, before Python has answered.

Every statement carries a compact citation chip naming the documents it comes from; all
text is set with ``textContent``, never as HTML. A long word from the glossary ("trigger
point") is explained in plain words right after the text where it first appears on the
screen (see ``dn_explorer.region_panel``).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable

import streamlit as st

from dn_explorer.clinic import Clinic
from dn_explorer.content import ContentIndex
from dn_explorer.modes import Mode
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.region_panel import panels_payload
from dn_explorer.words import Words, words_for
from explorer_ui.components import SELECTION_RULES, from_files

VIEW_DIR = PROJECT_ROOT / "explorer_ui" / "region_view_component"
VIEW_KEY = "region_panel"


@functools.cache
def _component() -> Callable[..., object]:
    # Not style-isolated: the page's text-size rules and fonts apply, and the heading is
    # an ordinary <h2> in the page's outline.
    return from_files("dn_region_view", VIEW_DIR, "region_view", isolate_styles=False, prelude=(SELECTION_RULES,))


@st.cache_resource(show_spinner=False, max_entries=16)
def _payload(_index: ContentIndex, index_id: int, _clinic: Clinic, clinic_id: int, mode: str, language: str) -> str:
    """Every panel as one JSON text, made once per content and mode.

    The same text on every run: the component's message stays byte-identical from tap
    to tap, so Streamlit sends a reference to it instead of the panels again. A text,
    not nested dicts: Streamlit looks for dataframes among ``data``'s values, and for
    anything but a plain value that means importing pandas.
    """
    payload = panels_payload(_index, Mode(mode), _clinic, words_for(language))
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"))


def show_region_view(index: ContentIndex, clinic: Clinic, words: Words, mode: Mode = Mode.EXPLORE) -> None:
    """The region view: every panel and the general sections, for the browser to show the chosen one.

    The same data on every run (per mode, language and content), whatever is selected.
    """
    payload = _payload(index, id(index), clinic, id(clinic), mode.value, words.language.code)
    _component()(key=VIEW_KEY, data={"panels_json": payload})
