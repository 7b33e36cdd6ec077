"""About dry needling: the general questions, answered in plain words, then the clinics' own claims."""

from __future__ import annotations

import streamlit as st

from dn_explorer.markdown_text import escape_markdown
from dn_explorer.view_text import WordExplainer, block, paragraph, sources_key, sources_text
from explorer_ui.layout import page_setup
from explorer_ui.loading import content_or_stop

page = page_setup("about")
index = content_or_stop(page.language)
ABOUT = page.words.about

# One h1, then h2 sections with h3 questions: screen readers list them as an outline.
words = WordExplainer(index, page.words)  # a long word is explained where it first appears
st.title(ABOUT.title)
st.header(ABOUT.questions)
for question in index.content.questions:
    st.subheader(escape_markdown(question.question))
    answer = paragraph(question.answer, sources_text(index, question.sources, question.said_by, page.words))
    st.markdown(block([answer, *words.after(question.answer)]))

st.header(ABOUT.whole_body)
st.markdown(escape_markdown(ABOUT.whole_body_intro))
st.markdown(
    block(
        p
        for condition in index.whole_body_conditions
        for p in (
            paragraph(
                condition.text,
                sources_text(index, condition.sources, condition.said_by, page.words),
                title=condition.name,
            ),
            *words.after(f"{condition.name}. {condition.text}"),
        )
    )
)

if index.content.glossary:
    st.header(ABOUT.glossary)
    st.markdown(
        block(
            paragraph(t.meaning, sources_text(index, t.sources, words=page.words), title=t.term)
            for t in index.content.glossary
        )
    )

if index.content.claims:
    st.header(ABOUT.claims)
    st.markdown(escape_markdown(ABOUT.claims_intro))
    st.markdown(
        block(paragraph(c.text, sources_text(index, c.sources, c.said_by, page.words)) for c in index.content.claims)
    )

st.markdown(sources_key(index, page.words))
