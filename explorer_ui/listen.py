"""The Listen button: reads the screen aloud with an on-device voice (see listen_component/listen.js).

Mounted by every page in its top row. On the body map page it reads the region view (the start
screen, or the chosen area and its open tab); elsewhere the page's main column. The words come
from the interface's word table, as data.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Literal

from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.words import Words
from explorer_ui.components import from_files

LISTEN_DIR = PROJECT_ROOT / "explorer_ui" / "listen_component"

Reads = Literal["view", "page"]


@functools.cache
def _component() -> Callable[..., object]:
    # Not style-isolated: it reads and highlights the page's own text (the highlight rule is page-wide).
    return from_files("dn_listen", LISTEN_DIR, "listen", isolate_styles=False)


def show_listen(reads: Reads, page: str, words: Words) -> None:
    """The Listen and Slower buttons; ``page`` names the page (and the language), so a new page starts
    a new reading. The language itself is the page's ``<html lang>``, which picks the voice."""
    _component()(
        key="listen",
        data={
            "reads": reads,
            "page": f"{page}:{words.language.code}",
            "words": {"listen": words.listen, "stop": words.stop, "slower": words.slower},
        },
    )
