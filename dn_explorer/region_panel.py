"""What the region view shows for each body area, as plain records the browser draws.

The region view is drawn in the browser from these records (sent once, as JSON), so a
tap shows its region at once instead of waiting for a server round trip. Everything
here is plain text: the browser sets it with ``textContent``, never as HTML or Markdown.

Each panel explains the glossary words it uses (the first time it uses them); the
general sections below it get the same ``WordExplainer`` so no word is explained twice.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from dn_explorer.content import ContentIndex, Statement, Term
from dn_explorer.modes import Mode
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.view_text import WordExplainer, sources_line

START_HEADING = "Touch a part of the body"
START_TEXT = (
    "Touch an area on the body map or in the list. "
    "You will see what dry needling may help there, how it can feel, and how to look after yourself."
)
CONDITIONS_HEADING = "What dry needling may help here"
NO_CONDITIONS_TEXT = (
    "The clinic documents this app uses do not name a problem in the {area} area. "
    "That does not mean dry needling can or cannot help there. Please ask your therapist. "
    "The About page lists the problems the documents name for the whole body."
)
"""Fixed patient-facing words, kept here so the readability test checks them too."""


@dataclass(frozen=True)
class WordNote:
    """A long word explained in plain words, with where the explanation comes from."""

    term: str
    meaning: str
    sources: str


@dataclass(frozen=True)
class Card:
    """One statement: an optional title, the text, its sources, and the words it explains."""

    text: str
    sources: str
    title: str | None = None
    boxed: bool = True
    words: tuple[WordNote, ...] = ()


@dataclass(frozen=True)
class Panel:
    """The region view for one region ("" is the start view, before anything is chosen)."""

    region: str
    heading: str
    intro: str | None = None
    conditions_heading: str | None = None
    notice: str | None = None
    cards: tuple[Card, ...] = ()


def _notes(index: ContentIndex, terms: list[Term]) -> tuple[WordNote, ...]:
    return tuple(WordNote(t.term, t.meaning, sources_line(index, t.sources)) for t in terms)


def _statement_card(index: ContentIndex, item: Statement, words: WordExplainer) -> Card:
    return Card(
        text=item.text,
        sources=sources_line(index, item.sources, item.said_by),
        boxed=False,
        words=_notes(index, words.new_terms(item.text)),
    )


def region_panel(index: ContentIndex, region: RegionId, words: WordExplainer | None = None) -> Panel:
    """The named problems for ``region`` (or, where the documents name none, a plain notice)."""
    words = words or WordExplainer(index)
    label = index.region_label(region)
    cards = [
        Card(
            title=condition.name,
            text=condition.text,
            sources=sources_line(index, condition.sources),
            words=_notes(index, words.new_terms(f"{condition.name}. {condition.text}")),
        )
        for condition in index.conditions_for(region)
    ]
    note = index.regions_by_id[region].note
    if note is not None:
        cards.append(_statement_card(index, note, words))
    return Panel(
        region=region.value,
        heading=label,
        conditions_heading=CONDITIONS_HEADING,
        notice=None if index.conditions_for(region) else NO_CONDITIONS_TEXT.format(area=label.lower()),
        cards=tuple(cards),
    )


def start_panel(index: ContentIndex, mode: Mode, words: WordExplainer | None = None) -> Panel:
    """Before a region is chosen. Kiosk and projector add the first question, in a box, as an opener."""
    words = words or WordExplainer(index)
    cards: tuple[Card, ...] = ()
    if mode is not Mode.EXPLORE and index.content.questions:
        first = index.content.questions[0]
        cards = (
            Card(
                title=first.question,
                text=first.answer,
                sources=sources_line(index, first.sources, first.said_by),
                words=_notes(index, words.new_terms(first.answer)),
            ),
        )
    return Panel(region="", heading=START_HEADING, intro=START_TEXT, cards=cards)


def panel_for(index: ContentIndex, region: RegionId | None, mode: Mode, words: WordExplainer | None = None) -> Panel:
    return start_panel(index, mode, words) if region is None else region_panel(index, region, words)


def panels_payload(index: ContentIndex, mode: Mode) -> dict[str, object]:
    """Every panel, keyed by region id ("" for the start view): the region view's whole ``data=``."""
    panels = {"": start_panel(index, mode)} | {r.value: region_panel(index, r) for r in REGION_ORDER}
    return {"panels": {key: asdict(panel) for key, panel in panels.items()}}


def panel_texts(panel: Panel) -> list[str]:
    """Every string a panel shows, in page order (for tests: readability, escaping, word order)."""
    texts = [panel.heading, *(t for t in (panel.intro, panel.conditions_heading, panel.notice) if t)]
    for card in panel.cards:
        texts += [t for t in (card.title, card.text, card.sources) if t]
        for note in card.words:
            texts += [note.term, note.meaning, note.sources]
    return texts
