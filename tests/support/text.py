"""Every patient-facing piece of text, for the readability and patient-voice tests (one list, two checks)."""

from __future__ import annotations

from pydantic import BaseModel

from dn_explorer.clinic import Clinic
from dn_explorer.content import SECTIONS, ContentIndex
from dn_explorer.words import Words
from tests.support.words import ENGLISH

FILLED = {"area": "neck", "name": "the clinic", "phone": "555 0100", "count": "3", "query": "neck pain",
          "areas": "Neck", "names": "Arthritis", "position": "2", "total": "19", "scale": "100", "publisher": "NJPTA",
          "short": "NJPTA"}  # fmt: skip


def interface_words(words: Words = ENGLISH) -> list[tuple[str, str]]:
    """The fixed words of the interface that are sentences (headings and names are too short to grade),
    from every group of the word table a patient reads.

    The Sources page's words are not here: that page is where the documents are discussed.
    """
    items = []
    groups: list[tuple[BaseModel, str]] = [(words, "words"), (words.about, "about"), (words.pictures, "pictures")]
    groups += [(words.handout, "handout"), (words.ui, "ui")]
    for table, prefix in groups:
        for name in type(table).model_fields:
            value = getattr(table, name)
            if isinstance(value, str) and value.count(" ") >= 5:
                items.append((f"{prefix}.{name}", value.format(**FILLED)))
    return items


def patient_items(index: ContentIndex, clinic: Clinic | None = None, words: Words = ENGLISH) -> list[tuple[str, str]]:
    """Every patient-facing text item, as (where it comes from, text): content, interface words, clinic lines.

    The Sources page's summaries are not here: that page is where the documents are discussed.
    """
    items = interface_words(words)
    for section in SECTIONS:
        items += [(f"{section.name}.{item.id}", section.text(item)) for item in index.section_items(section)]
    items += [(f"regions.{r.id.value}.{kind}", s.text) for r, kind, s in index.region_statements()]
    if clinic is not None:
        items += [(f"clinic[{i}]", line) for i, line in enumerate(clinic.lines(words))]
    return items


def attributed(index: ContentIndex) -> set[str]:
    """The items that are one clinic's own claim (said_by): they name the clinic in words."""
    found = set()
    for section in SECTIONS:
        found |= {f"{section.name}.{i.id}" for i in index.section_items(section) if getattr(i, "said_by", None)}
    found |= {f"regions.{r.id.value}.{kind}" for r, kind, s in index.region_statements() if s.said_by}
    return found
