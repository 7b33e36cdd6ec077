"""Loads content once per process and shows a friendly page when it cannot."""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from dn_explorer.body_map import BodyMap, load_body_map
from dn_explorer.content import ContentError, ContentIndex, load_content
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.paths import BODY_MAP_SVG, CONTENT_FILE

CONTENT_ENV = "EXPLORER_CONTENT_FILE"
"""Lets tests and clinics point the app at another content file."""


def content_path() -> Path:
    override = os.environ.get(CONTENT_ENV)
    return Path(override) if override else CONTENT_FILE


@st.cache_resource(show_spinner=False)
def _load(path: str, mtime_ns: int) -> ContentIndex:
    # mtime is part of the key so an edited file is validated again.
    return load_content(Path(path))


@st.cache_resource(show_spinner=False)
def body_map() -> BodyMap:
    return load_body_map(BODY_MAP_SVG)


def content_or_stop() -> ContentIndex:
    """The validated content, or a plain error page (never a traceback) and stop."""
    path = content_path()
    try:
        mtime = path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    try:
        return _load(str(path), mtime)
    except ContentError as exc:
        st.title("Content could not be loaded")
        st.write(
            "The information for this screen has a problem, so it is not shown. "
            "Please tell a member of staff. The problems found:"
        )
        for problem in exc.problems:
            st.markdown(f"- {escape_markdown(str(problem))}")
        st.stop()
        raise  # st.stop() never returns; this keeps type checkers honest
