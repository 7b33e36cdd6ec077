"""What the region view shows, as plain records the browser draws: a panel per region, Safe care, and the tabs.

Every region view has the same shape, in every mode: the region's name; its main message
(what dry needling may help here, then the key points every region shares); the Safe care
panel; then tabs: "Can it help?" (this region's problems) and the general tabs (how it
feels, after your visit, how many visits), the same for every region. The records reach
the browser once, as JSON, so a tap shows its region at once instead of waiting for a
server round trip. Everything here is plain text: the browser sets it with ``textContent``.

Each statement carries a compact citation (``Cite``): the browser shows a small "Sources"
chip that opens the document names; a clinic's own claim says so beside it.

A long glossary word is explained once per screen, right after the text that first uses
it. A screen is the part always in sight (main message and Safe care) plus one tab, so a
word first used in the lead is explained there, and one first used in a tab is explained
in each tab that uses it. Which words a general tab explains therefore depends on the
region's own lead: each panel carries them (``general_words``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from dn_explorer.clinic import Clinic
from dn_explorer.content import Condition, ContentIndex, Phase, Statement, Term
from dn_explorer.modes import MODE_TRAITS, Mode
from dn_explorer.pictograms import pictogram_paths
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.selection import SIDED, side_labels
from dn_explorer.view_text import WordExplainer
from dn_explorer.words import Words, english


@dataclass(frozen=True)
class Cite:
    """A compact citation: the documents, as positions in the payload's ``sources`` list of short
    names (sent once, not with every statement), and whose own claim it is (if one clinic's)."""

    refs: tuple[int, ...]
    own: str | None = None


@dataclass(frozen=True)
class Card:
    """One statement: an optional title, the text, its citation, the glossary ids explained after it,
    and the pictograms shown beside it (names from the ``Picture`` vocabulary)."""

    text: str
    cite: Cite | None = None
    title: str | None = None
    words: tuple[str, ...] = ()
    pictures: tuple[str, ...] = ()


@dataclass(frozen=True)
class Group:
    """Statements under an optional small heading ("During the treatment")."""

    cards: tuple[Card, ...]
    heading: str | None = None


@dataclass(frozen=True)
class Tab:
    """One tab of the region view: an id the browser keys on, its name, and what it holds."""

    id: str
    title: str
    groups: tuple[Group, ...]


@dataclass(frozen=True)
class Panel:
    """The region view for one region ("" is the start view, before anything is chosen).

    ``lead`` is the main message; ``notice`` the plain "we have nothing here" line that opens the
    "Can it help?" tab of a region the documents do not cover; ``help`` that tab's cards. ``safe_words`` and
    ``general_words`` hold the glossary ids to explain after the Safe care and general statements
    when this panel is shown, by the statement's position in page order (only those that explain
    a word: most explain none).
    """

    region: str
    heading: str
    lead: tuple[Card, ...] = ()
    lead_own: int = 0
    notice: str | None = None
    help: tuple[Card, ...] = ()
    safe_words: dict[int, tuple[str, ...]] = field(default_factory=dict)
    general_words: dict[int, tuple[str, ...]] = field(default_factory=dict)


def cite(index: ContentIndex, sources: Iterable[str], said_by: str | None = None, words: Words | None = None) -> Cite:
    """The citation for a statement: its documents, and "X's own claim" for one clinic's claim."""
    own = (words or english()).own_claim.format(name=index.sources_by_id[said_by].short) if said_by else None
    positions = {source.id: n for n, source in enumerate(index.content.sources)}
    return Cite(refs=tuple(positions[s] for s in sources), own=own)


def _ids(terms: list[Term]) -> tuple[str, ...]:
    return tuple(t.id for t in terms)


Sourced = Statement | Condition
"""Anything with a text, its sources and, maybe, whose own claim it is."""

Titled = tuple[str | None, Sourced]
"""A statement and the title it is shown under (a condition's name, a question), or None."""


def _card(
    index: ContentIndex,
    item: Sourced,
    explainer: WordExplainer | None = None,
    title: str | None = None,
    words: Words | None = None,
) -> Card:
    """A statement's card; with an explainer, the glossary words it is the first to use on its screen."""
    terms = _ids(explainer.new_terms(f"{title}. {item.text}" if title else item.text)) if explainer else ()
    pictures = tuple(p.value for p in item.pictures) if isinstance(item, Statement) else ()
    return Card(
        title=title,
        text=item.text,
        cite=cite(index, item.sources, item.said_by, words or (explainer.words if explainer else None)),
        words=terms,
        pictures=pictures,
    )


def _sparse(per_card: Iterable[tuple[str, ...]]) -> dict[int, tuple[str, ...]]:
    return {position: ids for position, ids in enumerate(per_card) if ids}


def general_tabs(index: ContentIndex, words: Words | None = None) -> tuple[Tab, ...]:
    """The tabs every region shares, each short enough for one kiosk screen: how the needling feels,
    the soreness after it (by when), looking after yourself, and how many visits (what builds up over
    them, then the visits themselves)."""
    words = words or english()
    c = index.content

    def group(items: Iterable[Sourced], heading: str | None = None) -> Group:
        return Group(heading=heading, cards=tuple(_card(index, item, words=words) for item in items))

    def phases(*wanted: Phase) -> tuple[Group, ...]:
        return tuple(group(index.sensations_in(p), words.phases[p]) for p in wanted if index.sensations_in(p))

    return (
        Tab("feel", words.tab_feel, (group(index.sensations_in(Phase.DURING)),)),
        Tab("sore", words.tab_sore, phases(Phase.RIGHT_AFTER, Phase.FIRST_DAYS)),
        Tab("after", words.tab_after, (group(c.aftercare),)),
        Tab("visits", words.tab_visits, (group(index.sensations_in(Phase.OVER_VISITS)), group(c.visits))),
    )


def general_cards(index: ContentIndex) -> list[Card]:
    """The general statements in page order (what ``Panel.general_words`` is indexed by)."""
    return [card for tab in general_tabs(index) for group in tab.groups for card in group.cards]


def safe_care_cards(index: ContentIndex, clinic: Clinic, words: Words | None = None) -> tuple[Card, ...]:
    """The Safe care panel: the sourced safety lines, then the deploying clinic's own words."""
    words = words or english()
    own = Cite(refs=(), own=words.your_clinic)
    clinic_cards = tuple(Card(text=line, cite=own) for line in clinic.lines(words))
    return tuple(_card(index, item, words=words) for item in index.content.safety) + clinic_cards


def _screen_words(index: ContentIndex, base: WordExplainer) -> dict[int, tuple[str, ...]]:
    """Glossary ids per general statement, each tab explaining afresh what the lead did not."""
    per_card: list[tuple[str, ...]] = []
    for tab in general_tabs(index, base.words):
        explainer = base.copy()
        per_card += [_ids(explainer.new_terms(card.text)) for group in tab.groups for card in group.cards]
    return _sparse(per_card)


def _panel(
    index: ContentIndex,
    region: str,
    heading: str,
    lead: Iterable[Titled],
    *,
    notice: str | None = None,
    intro: str | None = None,
    help_items: Iterable[Titled] = (),
    lead_own: int = 0,
    words: Words | None = None,
) -> Panel:
    base = WordExplainer(index, words)
    cards = [Card(text=intro)] if intro else []
    cards += [_card(index, item, base, title) for title, item in lead]
    safe_words = _sparse(_ids(base.new_terms(item.text)) for item in index.content.safety)
    help_explainer = base.copy()
    help_cards = tuple(_card(index, item, help_explainer, title) for title, item in help_items)
    return Panel(
        region=region,
        heading=heading,
        lead=tuple(cards),
        lead_own=lead_own,
        notice=notice,
        help=help_cards,
        safe_words=safe_words,
        general_words=_screen_words(index, base),
    )


def region_panel(index: ContentIndex, region: RegionId, words: Words | None = None) -> Panel:
    """The region's message and named problems (or, where the documents name none, a plain notice)."""
    words = words or english()
    entry = index.regions_by_id[region]
    conditions = index.conditions_for(region)
    messages = ([entry.message] if entry.message else []) + list(index.content.key_points)
    help_items: list[Titled] = [(c.name, c) for c in conditions]
    if entry.note is not None:
        help_items.append((None, entry.note))
    return _panel(
        index,
        region.value,
        entry.label,
        [(None, m) for m in messages],
        notice=None if conditions else words.no_conditions.format(area=entry.label.lower()),
        help_items=help_items,
        lead_own=1 if entry.message else 0,
        words=words,
    )


@dataclass(frozen=True)
class Step:
    """One step of the "What to expect" timeline: when, and the few words for what you may feel then."""

    phase: str
    labels: tuple[str, ...]
    pictures: tuple[str, ...]
    cite: Cite


def timeline(index: ContentIndex, words: Words | None = None) -> tuple[Step, ...]:
    """During, right after, the first hours and days, over several visits: the same facts as the
    text (the labels of the sensations marked ``on_timeline``), with their sources. Empty when
    no sensation is on it: then the view has no "What to expect" tab."""
    words = words or english()
    steps = []
    for phase in Phase:
        shown = [s for s in index.sensations_in(phase) if s.on_timeline]
        if not shown:
            continue
        sources = list(dict.fromkeys(source for s in shown for source in s.sources))
        pictures = tuple(dict.fromkeys(p.value for s in shown for p in s.pictures))
        steps.append(
            Step(words.phases[phase], tuple(s.label for s in shown), pictures, cite(index, sources, words=words))
        )
    return tuple(steps)


def start_panel(index: ContentIndex, mode: Mode, words: Words | None = None) -> Panel:
    """Before a region is chosen. Kiosk and projector open with the first question's answer."""
    words = words or english()
    lead: list[Titled] = []
    if MODE_TRAITS[mode].opener_on_start and index.content.questions:
        first = index.content.questions[0]
        answer = Statement(id=first.id, text=first.answer, sources=first.sources, said_by=first.said_by)
        lead = [(first.question, answer)]
    return _panel(index, "", words.start_heading, lead, intro=words.start_text, words=words)


def panels_payload(index: ContentIndex, mode: Mode, clinic: Clinic, words: Words | None = None) -> dict[str, object]:
    """Everything the region view draws, for one mode: the region view's whole ``data``.

    ``panels`` by region id ("" for the start view); the ``sources``' short names that citations
    refer to by position; ``safe_care``; the ``general`` tabs; the
    ``glossary`` the panels refer to by id; the interface ``words`` the browser needs; and the
    mode's ``traits`` (whether the general tabs show before a region is chosen, whether stepping
    to another region keeps the open tab).
    """
    words = words or english()
    panels = {"": start_panel(index, mode, words)} | {r.value: region_panel(index, r, words) for r in REGION_ORDER}
    return {
        "panels": {key: asdict(panel) for key, panel in panels.items()},
        "sources": [source.short for source in index.content.sources],
        "safe_care": {"title": words.safe_care, "cards": [asdict(c) for c in safe_care_cards(index, clinic, words)]},
        "general": [asdict(tab) for tab in general_tabs(index, words)],
        "timeline": {"title": words.timeline, "steps": [asdict(step) for step in timeline(index, words)]},
        "pictograms": pictogram_paths(),
        "glossary": {
            t.id: {"term": t.term, "meaning": t.meaning, "cite": asdict(cite(index, t.sources, words=words))}
            for t in index.content.glossary
        },
        "words": {
            "sources": words.sources,
            "tabs_label": words.tabs_label,
            "tab_help": words.tab_help,
            "word_explained": words.word_explained,
        },
        "traits": asdict(MODE_TRAITS[mode]),
        "sides": {r.value: side_labels(index, r, words) for r in REGION_ORDER if r in SIDED},
    }
