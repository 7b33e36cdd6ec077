"""The region panels (what the browser draws for each region), table-driven over the real content."""

from __future__ import annotations

import json

import pytest

from dn_explorer.modes import Mode
from dn_explorer.region_panel import (
    CONDITIONS_HEADING,
    NO_CONDITIONS_TEXT,
    START_HEADING,
    START_TEXT,
    general_cards,
    panels_payload,
    region_panel,
    start_panel,
)
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.view_text import sources_line, terms_in
from tests.support.app import view_paragraphs


@pytest.mark.parametrize("region", REGION_ORDER)
def test_each_panel_shows_its_region_and_every_named_problem_with_sources(region, content):
    panel = region_panel(content, region)
    assert panel.region == region.value
    assert panel.heading == content.region_label(region)
    assert panel.conditions_heading == CONDITIONS_HEADING
    conditions = content.conditions_for(region)
    titled = [card for card in panel.cards if card.title]
    assert [card.title for card in titled] == [c.name for c in conditions]
    for card, condition in zip(titled, conditions, strict=True):
        assert card.text == condition.text
        assert card.sources == sources_line(content, condition.sources)
        assert card.boxed


@pytest.mark.parametrize("region", REGION_ORDER)
def test_a_region_the_documents_do_not_cover_says_so_and_points_to_the_therapist(region, content):
    panel = region_panel(content, region)
    if content.is_covered(region):
        assert panel.notice is None
    else:
        assert panel.notice == NO_CONDITIONS_TEXT.format(area=content.region_label(region).lower())
        assert "ask your therapist" in panel.notice


def test_a_region_note_follows_the_conditions_unboxed(content):
    with_note = [r.id for r in content.content.regions if r.note is not None]
    assert with_note, "the content has no region note to check"
    for region in with_note:
        note = content.regions_by_id[region].note
        last = region_panel(content, region).cards[-1]
        assert (last.text, last.title, last.boxed) == (note.text, None, False)
        assert last.sources == sources_line(content, note.sources, note.said_by)


@pytest.mark.parametrize(("mode", "has_question"), [(Mode.EXPLORE, False), (Mode.KIOSK, True), (Mode.PRESENT, True)])
def test_start_panel_per_mode(mode, has_question, content):
    panel = start_panel(content, mode)
    assert (panel.region, panel.heading, panel.intro) == ("", START_HEADING, START_TEXT)
    first = content.content.questions[0]
    assert [c.title for c in panel.cards] == ([first.question] if has_question else [])


@pytest.mark.parametrize(
    ("mode", "region"), [(Mode.KIOSK, None), (Mode.EXPLORE, None), *((Mode.KIOSK, r) for r in REGION_ORDER)]
)
def test_each_word_is_explained_once_on_the_page_right_after_its_first_use(mode, region, content):
    """The panel and the general sections below it, together: every glossary word used is explained
    exactly once, and the explanation follows the first paragraph that uses it."""
    paragraphs = view_paragraphs(payload(content, mode), region.value if region else "")
    glossary = content.content.glossary
    explained_at = {
        t.id: [i for i, p in enumerate(paragraphs) if p.startswith(f"Word explained: {t.term}.")] for t in glossary
    }
    for term in glossary:
        uses = [i for i, p in enumerate(paragraphs) if term in terms_in(content, p) and not p.startswith("**")]
        if not uses:
            continue
        assert len(explained_at[term.id]) == 1, (term.term, explained_at[term.id])
        first, label = uses[0], explained_at[term.id][0]
        assert first < label or paragraphs[first].startswith("Word explained:"), term.term
        between = [p for p in paragraphs[first + 1 : label] if not p.startswith("Word explained:")]
        assert between == [], (term.term, between)


def test_general_words_line_up_with_the_general_statements(content):
    for region in REGION_ORDER:
        assert len(region_panel(content, region).general_words) == len(general_cards(content))


def test_the_general_sections_do_not_explain_a_word_the_panel_did(content):
    panel = region_panel(content, RegionId.ELBOW)
    first = panel.cards[0].words[0]
    assert first == "tendinopathy"
    assert all(first not in words for words in panel.general_words)


@pytest.mark.parametrize("mode", list(Mode))
def test_payload_is_plain_json_with_every_region_and_the_start(mode, content):
    payload = json.loads(json.dumps(panels_payload(content, mode)))
    assert set(payload["panels"]) == {"", *(r.value for r in REGION_ORDER)}

    def leaves(value):
        if isinstance(value, dict):
            return [leaf for v in value.values() for leaf in leaves(v)]
        if isinstance(value, list):
            return [leaf for v in value for leaf in leaves(v)]
        return [value]

    assert all(leaf is None or isinstance(leaf, str | bool) for leaf in leaves(payload))


def test_the_view_puts_the_panel_first_then_the_general_sections(content):
    panel = region_panel(content, RegionId.ELBOW)
    paragraphs = view_paragraphs(payload(content, Mode.EXPLORE), "elbow")
    assert paragraphs[:2] == ["Elbow", CONDITIONS_HEADING]
    assert paragraphs.index("What you may feel") > paragraphs.index(f"**{panel.cards[-1].title}**")
    head = paragraphs[: paragraphs.index("What you may feel")]
    assert [p for p in head if p.startswith("**")] == [f"**{c.title}**" for c in panel.cards if c.title]


def payload(content, mode: Mode) -> dict:
    """The region view's data as the browser gets it (through JSON)."""
    return json.loads(json.dumps(panels_payload(content, mode)))
