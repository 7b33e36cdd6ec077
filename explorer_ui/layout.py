"""What every page shares: page settings, the shell (mode, text size), and links between pages."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dn_explorer.modes import Mode
from explorer_ui.listen import Reads, show_listen
from explorer_ui.shell import current_mode, settings, show_shell, show_text_size_controls

APP_TITLE = "Dry needling body map"

# Paths are relative to the main script, as st.page_link expects.
NAV_LINKS = (
    ("explorer_app.py", "Body map"),
    ("pages/1_About_dry_needling.py", "About dry needling"),
    ("pages/3_Pictures.py", "Pictures"),
    ("pages/2_Sources.py", "Sources"),
)


def page_setup(page_title: str, on_step: Callable[[], None] | None = None, reads: Reads = "page") -> Mode:
    """Set the browser title and layout, mount the shell, show the links and Listen; return the mode.

    ``reads``: what Listen reads aloud, the region view (the body map page) or the whole page.
    """
    st.set_page_config(
        page_title=f"{page_title} · {APP_TITLE}",
        layout="wide",
        initial_sidebar_state="collapsed",
    )
    mode = current_mode()
    if mode is not settings().default_mode:
        # Page links drop the address's parameters; keeping ?mode= means a reload or a
        # server restart on any page comes back in the same mode.
        st.query_params["mode"] = mode.value
    show_shell(mode, on_step)
    nav = st.container(horizontal=True, gap="small", key="nav", vertical_alignment="center")
    for path, label in NAV_LINKS:
        nav.page_link(path, label=label)
    show_text_size_controls(nav)
    with nav:
        show_listen(reads, page_title)
    return mode
