"""About dry needling: the general questions, answered in plain words, with sources."""

from __future__ import annotations

import streamlit as st

from dn_explorer.markdown_text import escape_markdown
from explorer_ui.layout import page_setup
from explorer_ui.loading import content_or_stop
from explorer_ui.region_view import WordExplainer, sources_line

page_setup("About dry needling")
index = content_or_stop()

# One h1, then h2 sections with h3 questions: screen readers list them as an outline.
words = WordExplainer(index)  # a long word is explained where it first appears
st.title("About dry needling")
st.header("Questions and answers")
for question in index.content.questions:
    st.subheader(escape_markdown(question.question))
    st.markdown(escape_markdown(question.answer))
    st.caption(sources_line(index, question.sources, question.said_by))
    words.after(question.answer)

st.header("Problems named for the whole body")
st.markdown("The documents also list these problems without naming one body area.")
for condition in index.whole_body_conditions:
    st.markdown(f"**{escape_markdown(condition.name)}**: {escape_markdown(condition.text)}")
    st.caption(sources_line(index, condition.sources))
    words.after(f"{condition.name}. {condition.text}")

if index.content.glossary:
    st.header("Words explained")
    for term in index.content.glossary:
        st.markdown(f"**{escape_markdown(term.term)}**: {escape_markdown(term.meaning)}")
        st.caption(sources_line(index, term.sources))
