"""The links between pages: which pages there are, their names, and their links in the page bar.

The links are markup in the page bar (``nav_component``), not Streamlit page links: four elements
and their row fewer in every first view. A plain click is the bar's ``page`` trigger; Python takes
only a page it knows and changes to it at the start of the next run (``go_to_chosen_page``), with
``st.switch_page``, as a page link would.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Literal
from urllib.parse import urlencode

import streamlit as st

from dn_explorer.modes import Mode
from dn_explorer.words import DEFAULT_LANGUAGE, Words
from explorer_ui.shell import bar_trigger, settings

PageName = Literal["body_map", "about", "pictures", "sources"]

# Paths are relative to the main script, as st.switch_page expects.
NAV_PAGES: tuple[tuple[str, PageName], ...] = (
    ("explorer_app.py", "body_map"),
    ("pages/1_About_dry_needling.py", "about"),
    ("pages/3_Pictures.py", "pictures"),
    ("pages/2_Sources.py", "sources"),
)
NAV_DIR = Path(__file__).resolve().parent / "nav_component"
GO_KEY = "dn_go_to_page"


def page_title(words: Words, page: PageName) -> str:
    return {
        "body_map": words.ui.nav_body_map,
        "about": words.about.title,
        "pictures": words.pictures.title,
        "sources": words.sources_page.title,
    }[page]


def url_path(script: str) -> str:
    """A page's address under the app, as Streamlit names it: ``pages/1_About_dry_needling.py`` is
    ``About_dry_needling``; the main script is the app's own address."""
    return "" if script == NAV_PAGES[0][0] else re.sub(r"^\d+_", "", Path(script).stem)


def nav_markup(words: Words) -> str:
    """The links, in the page's language (escaped), so the row has its size before any code runs."""
    links = "".join(
        f'<a href="./{escape(url_path(path))}" data-page="{name}" data-path="{escape(url_path(path))}">'
        f"{escape(page_title(words, name))}</a>"
        for path, name in NAV_PAGES
    )
    return f'<nav class="dn-nav">{links}</nav>'


def nav_data(page: PageName, mode: Mode, language: str) -> dict[str, str]:
    """Which link is this page's, and what each link's address keeps (the mode, the language)."""
    kept = {}
    if mode is not settings().default_mode:
        kept["mode"] = mode.value
    if language != DEFAULT_LANGUAGE:
        kept["lang"] = language
    return {"current": page, "query": urlencode(kept)}


def chosen_page(value: object) -> PageName | None:
    """The page a link sent (an untrusted value from the browser), if it is one of ours."""
    return next((name for _, name in NAV_PAGES if value == name and isinstance(value, str)), None)


def on_page_chosen() -> None:
    """The bar's ``page`` trigger: remember a page it offered, for the start of the run."""
    page = chosen_page(bar_trigger("page"))
    if page is not None:
        st.session_state[GO_KEY] = page


def go_to_chosen_page() -> None:
    """If a link was clicked, change to its page now, before this one draws anything."""
    chosen = st.session_state.pop(GO_KEY, None)
    for path, name in NAV_PAGES:
        if name == chosen:
            st.switch_page(path)
