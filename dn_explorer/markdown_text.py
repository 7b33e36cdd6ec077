"""Turning content text into Markdown that shows exactly that text.

Streamlit renders ``st.markdown`` text as Markdown: a content string with ``*``,
``[x](javascript:...)`` or ``$`` in it would change what is shown. Escaping
every Markdown control character makes content text inert.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$&:=\"'])")


_AUTOLINK_STARTS = re.compile(r"(?i)\b(https?|ftp|mailto|www)(?=\\[:.])|@")
_WORD_JOINER = "\u2060"


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown or HTML could act on.

    GitHub-flavoured Markdown also turns bare ``https://…``, ``www.…`` and
    e-mail addresses into links, escaped or not: an invisible word joiner after
    the scheme, ``www`` or ``@`` breaks that, so no content text becomes a link.
    """
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", text)
    return _AUTOLINK_STARTS.sub(lambda m: m.group(0) + _WORD_JOINER, escaped)
