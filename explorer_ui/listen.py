"""The Listen button: reads the screen aloud with an on-device voice (see listen_component/listen.js).

A part of the page bar (explorer_ui/page_bar.py), in every page's top row. On the body map page it
reads the region view (the start screen, or the chosen area and its open tab); elsewhere the page's
main column. The words come from the interface's word table, as data.
"""

from __future__ import annotations

from typing import Literal

from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.words import Words

LISTEN_DIR = PROJECT_ROOT / "explorer_ui" / "listen_component"

Reads = Literal["view", "page"]


def listen_data(reads: Reads, page: str, words: Words) -> dict[str, object]:
    """What the Listen part is given; ``page`` names the page (and the language), so a new page starts
    a new reading. The language itself is the page's ``<html lang>``, which picks the voice."""
    return {
        "reads": reads,
        "page": f"{page}:{words.language.code}",
        "words": {"listen": words.listen, "stop": words.stop, "slower": words.slower},
    }
