"""Kiosk "Take this home": a big button that shows a QR code of the chosen areas on screen.

For clinics where phones can reach the app (its address is ``EXPLORER_BASE_URL``). It sits in
the selection fragment, so the code always shows the areas chosen now; the idle reset starts a
new session, which clears it with everything else.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from urllib.parse import urlsplit

import segno
import streamlit as st

from dn_explorer.handout import selection_link
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.selection import Selection
from dn_explorer.words import Words
from explorer_ui.components import from_files
from explorer_ui.shell import settings

TAKE_HOME_KEY = "take_home"
SHOWN_KEY = "_take_home_shown"
QR_KEY = "take_home_code"
QR_DIR = PROJECT_ROOT / "explorer_ui" / "qr_component"


def _toggle() -> None:
    st.session_state[SHOWN_KEY] = not st.session_state.get(SHOWN_KEY, False)


def qr_rows(link: str) -> list[str]:
    """The QR code's modules, one text of 0s and 1s per row (segno), for the component to draw."""
    return ["".join("1" if dark else "0" for dark in row) for row in segno.make(link, error="m").matrix]


@functools.cache
def _component() -> Callable[..., object]:
    return from_files("dn_qr", QR_DIR, "qr")


def phones_can_reach(base_url: str) -> bool:
    """Whether the app's address is one a phone could open: not this computer's own."""
    host = urlsplit(base_url).hostname or ""
    return host not in {"localhost", "::1"} and not host.startswith("127.")


def show_take_home(areas: Selection, words: Words) -> None:
    """The button (waiting, disabled, on the start view) and, once pressed, the code under it.
    Not offered where the app's address (``EXPLORER_BASE_URL``) is this computer's own: a phone
    could not open the code."""
    if not phones_can_reach(settings().base_url):
        return
    handout = words.handout
    st.button(
        escape_markdown(handout.take_home),
        key=TAKE_HOME_KEY,
        icon=":material/qr_code_2:",
        disabled=not areas,
        on_click=_toggle,
        type="primary",
        width="stretch",
    )
    if areas and st.session_state.get(SHOWN_KEY, False):
        link = selection_link(settings().base_url, areas, words.language.code)
        _component()(
            key=QR_KEY, data={"rows": qr_rows(link), "label": handout.take_home, "hint": handout.take_home_hint}
        )
