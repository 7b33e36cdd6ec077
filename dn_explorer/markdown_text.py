"""Turning content text into Markdown that shows exactly that text.

Streamlit renders ``st.markdown`` text as Markdown: a content string with ``*``,
``[x](javascript:...)`` or ``$`` in it would change what is shown. Escaping
every Markdown control character makes content text inert.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$&:=\"'])")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown or HTML could act on."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", text)
