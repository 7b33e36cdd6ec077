"""What the region view shows, as plain records the browser draws: a panel per region, and the general sections.

The region view is drawn in the browser from these records (sent once, as JSON), so a
tap shows its region at once instead of waiting for a server round trip. Everything
here is plain text: the browser sets it with ``textContent``, never as HTML or Markdown.

A long glossary word is explained once per page, right after the text that first uses
it. The panel comes first, so which words the general sections below it explain
depends on the region: each panel carries the glossary ids to explain after each
general statement, worked out here by the same ``WordExplainer`` the other pages use.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

from dn_explorer.content import ContentIndex, Statement, Term
from dn_explorer.modes import Mode
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.view_text import PHASE_HEADINGS, WordExplainer, sources_line

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
class Card:
    """One statement: an optional title, the text, its sources, and the glossary ids explained after it."""

    text: str
    sources: str
    title: str | None = None
    boxed: bool = True
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """Statements under an optional small heading ("During the treatment")."""

    cards: tuple[Card, ...]
    heading: str | None = None


@dataclass(frozen=True)
class Section:
    """A general section, the same for every region: feelings, aftercare, safety, visits."""

    title: str
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Panel:
    """The region view for one region ("" is the start view, before anything is chosen).

    ``general_words`` holds, for each general statement in page order, the glossary ids
    to explain after it when this panel is shown above the general sections.
    """

    region: str
    heading: str
    intro: str | None = None
    conditions_heading: str | None = None
    notice: str | None = None
    cards: tuple[Card, ...] = ()
    general_words: tuple[tuple[str, ...], ...] = ()


def _ids(terms: list[Term]) -> tuple[str, ...]:
    return tuple(t.id for t in terms)


def _statement_card(index: ContentIndex, item: Statement, *, boxed: bool = False) -> Card:
    return Card(text=item.text, sources=sources_line(index, item.sources, item.said_by), boxed=boxed)


def general_sections(index: ContentIndex) -> tuple[Section, ...]:
    """Feelings (grouped by when they happen), aftercare, safety and visits, without word explanations."""
    c = index.content
    feelings = tuple(
        Group(heading=heading, cards=tuple(_statement_card(index, item) for item in index.sensations_in(phase)))
        for phase, heading in PHASE_HEADINGS.items()
        if index.sensations_in(phase)
    )

    def plain(items: tuple[Statement, ...]) -> tuple[Group, ...]:
        return (Group(cards=tuple(_statement_card(index, item) for item in items)),)

    return (
        Section("What you may feel", feelings),
        Section("Looking after yourself afterwards", plain(c.aftercare)),
        Section("Staying safe", plain(c.safety)),
        Section("How many visits", plain(c.visits)),
    )


def general_cards(index: ContentIndex) -> list[Card]:
    """The general statements in page order (what ``Panel.general_words`` is indexed by)."""
    return [card for section in general_sections(index) for group in section.groups for card in group.cards]


def region_panel(index: ContentIndex, region: RegionId, words: WordExplainer | None = None) -> Panel:
    """The named problems for ``region`` (or, where the documents name none, a plain notice)."""
    words = words or WordExplainer(index)
    label = index.region_label(region)
    cards = [
        Card(
            title=condition.name,
            text=condition.text,
            sources=sources_line(index, condition.sources),
            words=_ids(words.new_terms(f"{condition.name}. {condition.text}")),
        )
        for condition in index.conditions_for(region)
    ]
    note = index.regions_by_id[region].note
    if note is not None:
        cards.append(replace(_statement_card(index, note), words=_ids(words.new_terms(note.text))))
    general = tuple(_ids(words.new_terms(card.text)) for card in general_cards(index))
    return Panel(
        region=region.value,
        heading=label,
        conditions_heading=CONDITIONS_HEADING,
        notice=None if index.conditions_for(region) else NO_CONDITIONS_TEXT.format(area=label.lower()),
        cards=tuple(cards),
        general_words=general,
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
                words=_ids(words.new_terms(first.answer)),
            ),
        )
    general = tuple(_ids(words.new_terms(card.text)) for card in general_cards(index))
    return Panel(region="", heading=START_HEADING, intro=START_TEXT, cards=cards, general_words=general)


def panels_payload(index: ContentIndex, mode: Mode) -> dict[str, object]:
    """Everything the region view draws, for one mode: the region view's whole ``data``.

    ``panels`` by region id ("" for the start view), the ``general`` sections, the ``glossary``
    the panels refer to by id, whether the general sections show before a region is chosen
    (explore) and whether they are folded under headings that open on a tap (present).
    """
    panels = {"": start_panel(index, mode)} | {r.value: region_panel(index, r) for r in REGION_ORDER}
    return {
        "panels": {key: asdict(panel) for key, panel in panels.items()},
        "general": [asdict(section) for section in general_sections(index)],
        "glossary": {
            t.id: {"term": t.term, "meaning": t.meaning, "sources": sources_line(index, t.sources)}
            for t in index.content.glossary
        },
        "general_on_start": mode is Mode.EXPLORE,
        "folded": mode is Mode.PRESENT,
    }
