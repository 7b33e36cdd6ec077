"""Sources: each document, who published it, and what the app draws from it."""

from __future__ import annotations

import streamlit as st

from dn_explorer.markdown_text import escape_markdown
from explorer_ui.layout import page_setup
from explorer_ui.loading import content_or_stop

page_setup("Sources")
index = content_or_stop()

st.title("Sources")
st.markdown(
    "Everything in this app comes from these five documents, written in our own plain words. "
    "Under each one is what the app takes from it."
)
for source in index.content.sources:
    st.header(escape_markdown(source.short))
    st.markdown(f"**{escape_markdown(source.title)}**  \nPublished by: {escape_markdown(source.publisher)}")
    st.markdown(escape_markdown(source.summary))
    with st.expander(f"What the app draws from {escape_markdown(source.short)}"):
        for line in index.statements_citing(source.id):
            st.markdown(f"- {escape_markdown(line)}")
