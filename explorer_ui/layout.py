"""What every page shares: page settings and the navigation links at the top."""

from __future__ import annotations

import streamlit as st

from dn_explorer.paths import PROJECT_ROOT

APP_TITLE = "Dry needling body map"

# Paths are relative to the main script, as st.page_link expects.
NAV_LINKS = (
    ("explorer_app.py", "Body map"),
    ("pages/1_About_dry_needling.py", "About dry needling"),
    ("pages/2_Sources.py", "Sources"),
)


def page_setup(page_title: str) -> None:
    """Set the browser title and layout, and show the links between pages."""
    st.set_page_config(
        page_title=f"{page_title} · {APP_TITLE}",
        layout="wide",
        initial_sidebar_state="collapsed",
    )
    nav = st.container(horizontal=True, gap="small", key="nav")
    for path, label in NAV_LINKS:
        assert (PROJECT_ROOT / path).exists(), path
        nav.page_link(path, label=label)
