"""About dry needling: the general questions, answered in plain words, with sources."""

from __future__ import annotations

import streamlit as st

from dn_explorer.markdown_text import escape_markdown
from dn_explorer.view_text import WordExplainer, block, paragraph, sources_text
from explorer_ui.layout import page_setup
from explorer_ui.loading import content_or_stop

page_setup("About dry needling")
index = content_or_stop()

# One h1, then h2 sections with h3 questions: screen readers list them as an outline.
words = WordExplainer(index)  # a long word is explained where it first appears
st.title("About dry needling")
st.header("Questions and answers")
for question in index.content.questions:
    st.subheader(escape_markdown(question.question))
    answer = paragraph(question.answer, sources_text(index, question.sources, question.said_by))
    st.markdown(block([answer, *words.after(question.answer)]))

st.header("Problems named for the whole body")
st.markdown("The documents also list these problems without naming one body area.")
st.markdown(
    block(
        p
        for condition in index.whole_body_conditions
        for p in (
            paragraph(condition.text, sources_text(index, condition.sources), title=condition.name),
            *words.after(f"{condition.name}. {condition.text}"),
        )
    )
)

if index.content.glossary:
    st.header("Words explained")
    st.markdown(
        block(paragraph(t.meaning, sources_text(index, t.sources), title=t.term) for t in index.content.glossary)
    )
