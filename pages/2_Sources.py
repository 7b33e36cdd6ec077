"""Sources: each document, who published it, what the app draws from it, and how the app places problems."""

from __future__ import annotations

import streamlit as st

from dn_explorer.markdown_text import escape_markdown
from explorer_ui.layout import page_setup
from explorer_ui.loading import content_or_stop

page = page_setup("sources")
index = content_or_stop(page.language)
SOURCES = page.words.sources_page

st.title(SOURCES.title)
if SOURCES.translation_note:
    st.info(escape_markdown(SOURCES.translation_note), icon=":material/translate:")
st.markdown(escape_markdown(SOURCES.intro))
st.info(escape_markdown(SOURCES.shared_text), icon=":material/content_copy:")
for source in index.content.sources:
    st.header(escape_markdown(source.short))
    published = SOURCES.published_by.format(publisher=source.publisher)
    st.markdown(f"**{escape_markdown(source.title)}**  \n{escape_markdown(published)}")
    st.markdown(escape_markdown(source.summary))
    with st.expander(escape_markdown(SOURCES.draws.format(short=source.short))):
        for line in index.statements_citing(source.id):
            st.markdown(f"- {escape_markdown(line)}")

st.header(SOURCES.placed)
st.markdown(escape_markdown(SOURCES.placed_intro))
for condition in index.placed_by_name:
    areas = ", ".join(index.region_label(r) for r in condition.regions)
    st.markdown(f"- {escape_markdown(f'{condition.name}: {areas}')}")
st.markdown(escape_markdown(SOURCES.grouped))
st.markdown(escape_markdown(SOURCES.clinic))
