"""Text pieces every view shares, and Markdown for the About page, built from content and fully escaped.

Compact numbered citations ("Sources 1, 3", and whose own claim it is) with the list they
refer to, the phase headings of the feelings, and ``WordExplainer``: a long glossary word
("trigger point") gets a plain explanation right after the text where it first appears.
The About page shows a section of statements as ONE Markdown block (each statement a
paragraph ending in its citation); the region view gets its pieces as plain text
(``dn_explorer.region_panel``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from dn_explorer.content import ContentIndex, Term
from dn_explorer.markdown_text import escape_markdown
from dn_explorer.words import Words, english


@functools.cache
def _term_pattern(term: str) -> re.Pattern[str]:
    """The term and its plural, as whole words, any case: "trigger points", "tendinopathies", and a
    plural on every word for terms like "punto gatillo" / "puntos gatillo"."""
    words = term.lower().split()
    last = re.escape(words[-1])
    last_forms = rf"(?:{last}|{last[:-1]}ies)" if last.endswith("y") else rf"{last}(?:e?s)?"
    head = [rf"{re.escape(w)}(?:e?s)?" for w in words[:-1]]
    forms = r"\s+".join([*head, last_forms])
    return re.compile(rf"\b{forms}\b", re.IGNORECASE)


def terms_in(index: ContentIndex, text: str) -> list[Term]:
    """The glossary terms a text uses, in the order they first appear in it."""
    found = []
    for term in index.content.glossary:
        match = _term_pattern(term.term).search(text)
        if match:
            found.append((match.start(), term))
    return [term for _, term in sorted(found, key=lambda pair: pair[0])]


def source_numbers(index: ContentIndex) -> dict[str, int]:
    """Each document's number in the short list of sources at the end of a page (and the handout)."""
    return {source.id: n for n, source in enumerate(index.content.sources, start=1)}


def sources_text(
    index: ContentIndex, source_ids: Iterable[str], said_by: str | None = None, words: Words | None = None
) -> str:
    """A compact citation in Markdown, small type: "Sources 1, 3" (numbers in the page's list of sources),
    and whose own claim it is. Escaped: content never becomes markup."""
    words = words or english()
    numbers = source_numbers(index)
    ids = list(source_ids)
    in_order = sorted(numbers[i] for i in ids)  # "Sources 2, 4", as the list at the end reads
    line = f"{words.source if len(ids) == 1 else words.sources} " + ", ".join(str(n) for n in in_order)
    if said_by:
        line = words.own_claim.format(name=index.sources_by_id[said_by].short) + " · " + line
    return f":small[{escape_markdown(line)}]"


def sources_key(index: ContentIndex, words: Words | None = None) -> str:
    """The short list the numbers refer to, as one Markdown line: "Sources: 1 Bourne FAQ · 2 Unnamed clinic ..."."""
    numbers = source_numbers(index)
    names = " · ".join(f"{numbers[s.id]} {s.short}" for s in index.content.sources)
    return escape_markdown(f"{(words or english()).sources}: {names}")


class WordExplainer:
    """Explains each glossary word once per page, right after the paragraph where it first appears."""

    def __init__(self, index: ContentIndex, words: Words | None = None) -> None:
        self.index = index
        self.words = words or english()
        self.explained: set[str] = set()

    def copy(self) -> WordExplainer:
        """An explainer that knows what this one has explained so far (for one more screen)."""
        twin = WordExplainer(self.index, self.words)
        twin.explained = set(self.explained)
        return twin

    def new_terms(self, text: str) -> list[Term]:
        """The glossary words ``text`` is the first to use (and those their meanings use), now marked explained."""
        terms = []
        waiting = terms_in(self.index, text)
        while waiting:
            term = waiting.pop(0)
            if term.id in self.explained:
                continue
            self.explained.add(term.id)
            terms.append(term)
            waiting += terms_in(self.index, term.meaning)  # an explanation may use another long word
        return terms

    def after(self, text: str) -> list[str]:
        """Explanation paragraphs (Markdown) for the words ``text`` is the first to use."""
        return [
            f"> :material/menu_book: **{self.words.word_explained} {escape_markdown(term.term)}.** "
            f"{escape_markdown(term.meaning)} {sources_text(self.index, term.sources, words=self.words)}"
            for term in self.new_terms(text)
        ]


def paragraph(text: str, sources: str, title: str | None = None) -> str:
    """One statement: optional bold title, the text, and its sources on the line below."""
    head = f"**{escape_markdown(title)}**\n\n" if title else ""
    return f"{head}{escape_markdown(text)} {sources}"


def block(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(paragraphs)
