"""What every page shares: page settings, the shell (mode, text size, language), links between pages, Listen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import streamlit as st

from dn_explorer.modes import Mode
from dn_explorer.words import Words
from explorer_ui.language import current_language, keep_in_address
from explorer_ui.listen import Reads
from explorer_ui.loading import words_or_stop
from explorer_ui.page_bar import show_page_bar
from explorer_ui.shell import current_mode, settings

PageName = Literal["body_map", "about", "pictures", "sources"]

# Paths are relative to the main script, as st.page_link expects.
NAV_PAGES: tuple[tuple[str, PageName], ...] = (
    ("explorer_app.py", "body_map"),
    ("pages/1_About_dry_needling.py", "about"),
    ("pages/3_Pictures.py", "pictures"),
    ("pages/2_Sources.py", "sources"),
)


def page_title(words: Words, page: PageName) -> str:
    return {
        "body_map": words.ui.nav_body_map,
        "about": words.about.title,
        "pictures": words.pictures.title,
        "sources": words.sources_page.title,
    }[page]


@dataclass(frozen=True)
class PageContext:
    mode: Mode
    language: str
    words: Words


def page_setup(page: PageName, on_step: Callable[[], None] | None = None, reads: Reads = "page") -> PageContext:
    """Set the browser title and layout, show the links and the page bar (shell, text size, languages, Listen).

    ``reads``: what Listen reads aloud, the region view (the body map page) or the whole page.
    """
    language = current_language()
    words = words_or_stop(language)
    st.set_page_config(
        page_title=f"{page_title(words, page)} · {words.ui.app_title}",
        layout="wide",
        initial_sidebar_state="collapsed",
    )
    mode = current_mode()
    if mode is not settings().default_mode:
        # Page links drop the address's parameters; keeping ?mode= (and ?lang=) means a reload or a
        # server restart on any page comes back in the same mode and language.
        st.query_params["mode"] = mode.value
    keep_in_address(language)
    nav = st.container(horizontal=True, gap="small", key="nav", vertical_alignment="center")
    for path, name in NAV_PAGES:
        nav.page_link(path, label=page_title(words, name))
    with nav:
        show_page_bar(mode, words, language, reads, page, on_step)
    return PageContext(mode, language, words)
