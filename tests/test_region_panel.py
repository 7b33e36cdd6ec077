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
    panel_texts,
    panels_payload,
    region_panel,
    start_panel,
)
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.view_text import WordExplainer, sources_line


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


@pytest.mark.parametrize("region", REGION_ORDER)
def test_each_word_is_explained_once_per_panel_after_its_first_use(region, content):
    words = WordExplainer(content)
    panel = region_panel(content, region, words)
    explained = [note.term for card in panel.cards for note in card.words]
    assert len(explained) == len(set(explained))
    assert {t.id for t in content.content.glossary if t.term in explained} == words.explained
    for card in panel.cards:
        for note in card.words:
            earlier = " ".join(f"{c.title or ''} {c.text}" for c in panel.cards[: panel.cards.index(card) + 1])
            assert note.term.lower().split()[0] in earlier.lower() or any(
                note.term.lower() in n.meaning.lower() for n in card.words
            ), note.term


def test_the_general_sections_do_not_explain_a_word_the_panel_did(content):
    words = WordExplainer(content)
    panel = region_panel(content, RegionId.ELBOW, words)
    first = next(note.term for card in panel.cards for note in card.words)
    assert first.lower() == "tendinopathy"
    assert words.after(f"More about {first}.") == []


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


def test_panel_texts_lists_every_shown_string_once_in_order(content):
    panel = region_panel(content, RegionId.ELBOW)
    texts = panel_texts(panel)
    assert texts[:2] == ["Elbow", CONDITIONS_HEADING]
    assert texts.index(panel.cards[0].title) < texts.index(panel.cards[0].text) < texts.index(panel.cards[0].sources)
