"""The region panels (what the browser draws for each region), table-driven over the real content."""

from __future__ import annotations

import json

import pytest

from dn_explorer.clinic import Clinic
from dn_explorer.modes import MODE_TRAITS, Mode
from dn_explorer.region_panel import cite, general_cards, panels_payload, region_panel, safe_care_cards, start_panel
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.view_text import source_numbers, sources_text, terms_in
from tests.support.app import view_paragraphs, view_screens
from tests.support.words import ENGLISH


@pytest.mark.parametrize("region", REGION_ORDER)
def test_each_panel_opens_with_its_message_and_lists_every_named_problem_with_its_citation(region, content):
    panel = region_panel(content, region)
    entry = content.regions_by_id[region]
    assert panel.region == region.value
    assert panel.heading == entry.label
    messages = [entry.message] if entry.message else []
    assert [c.text for c in panel.lead] == [m.text for m in [*messages, *content.content.key_points]]
    conditions = content.conditions_for(region)
    titled = [card for card in panel.help if card.title]
    assert [card.title for card in titled] == [c.name for c in conditions]
    for card, condition in zip(titled, conditions, strict=True):
        assert card.text == condition.text
        assert card.cite == cite(content, condition.sources, condition.said_by)


@pytest.mark.parametrize("region", REGION_ORDER)
def test_a_region_the_documents_do_not_cover_says_so_once_and_points_to_the_therapist(region, content):
    panel = region_panel(content, region)
    if content.is_covered(region):
        assert panel.notice is None
        assert content.regions_by_id[region].message is not None
    else:
        assert panel.notice == ENGLISH.no_conditions.format(area=content.region_label(region).lower())
        assert "ask your therapist" in panel.notice
        assert content.regions_by_id[region].message is None


def test_a_region_note_follows_the_conditions_untitled(content):
    with_note = [r.id for r in content.content.regions if r.note is not None]
    assert with_note, "the content has no region note to check"
    for region in with_note:
        note = content.regions_by_id[region].note
        last = region_panel(content, region).help[-1]
        assert (last.text, last.title) == (note.text, None)
        assert last.cite == cite(content, note.sources, note.said_by)


@pytest.mark.parametrize(("mode", "has_question"), [(Mode.EXPLORE, False), (Mode.KIOSK, True), (Mode.PRESENT, True)])
def test_start_panel_per_mode(mode, has_question, content):
    panel = start_panel(content, mode)
    assert (panel.region, panel.heading, panel.lead[0].text) == ("", ENGLISH.start_heading, ENGLISH.start_text)
    first = content.content.questions[0]
    assert [c.title for c in panel.lead[1:]] == ([first.question] if has_question else [])
    assert MODE_TRAITS[mode].opener_on_start is has_question


@pytest.mark.parametrize(
    ("mode", "region"), [(Mode.KIOSK, None), (Mode.EXPLORE, None), *((Mode.KIOSK, r) for r in REGION_ORDER)]
)
def test_each_word_is_explained_once_per_screen_right_after_its_first_use(mode, region, content, clinic):
    """A screen is what is always in sight plus one tab: every glossary word it uses is explained
    exactly once, and the explanation follows the first paragraph that uses it."""
    for paragraphs in view_screens(payload(content, mode, clinic), region.value if region else ""):
        for term in content.content.glossary:
            label = f"{ENGLISH.word_explained} {term.term}."
            explained_at = [i for i, p in enumerate(paragraphs) if p.startswith(label)]
            uses = [i for i, p in enumerate(paragraphs) if term in terms_in(content, p) and not p.startswith("**")]
            if not uses:
                continue
            assert len(explained_at) == 1, (term.term, explained_at)
            first, at = uses[0], explained_at[0]
            assert first < at or paragraphs[first].startswith(ENGLISH.word_explained), term.term
            between = [p for p in paragraphs[first + 1 : at] if not p.startswith(ENGLISH.word_explained)]
            assert between == [], (term.term, between)


def test_general_words_line_up_with_the_general_statements(content):
    for region in REGION_ORDER:
        panel = region_panel(content, region)
        assert set(panel.general_words) <= set(range(len(general_cards(content))))
        assert set(panel.safe_words) <= set(range(len(content.content.safety)))
        assert all(panel.general_words.values())  # only statements that explain a word are listed


def test_a_tab_explains_a_word_again_only_if_the_lead_did_not(content):
    """The lead is on every screen: a word it explains is not explained again in a tab."""
    panel = start_panel(content, Mode.KIOSK)
    in_lead = {w for card in panel.lead for w in card.words}
    assert "trigger-point" in in_lead
    assert all("trigger-point" not in words for words in panel.general_words.values())


def test_safe_care_holds_the_safety_lines_then_the_clinic_s_own(content):
    clinic = Clinic(name="Riverside Physio", phone="555 0100", call_us_if=("Call us if the soreness lasts.",))
    cards = safe_care_cards(content, clinic)
    assert [c.text for c in cards[: len(content.content.safety)]] == [s.text for s in content.content.safety]
    own = cards[len(content.content.safety) :]
    assert [c.text for c in own] == ["Call Riverside Physio on 555 0100.", "Call us if the soreness lasts."]
    assert all(c.cite is not None and c.cite.own == ENGLISH.your_clinic and not c.cite.refs for c in own)


def test_the_shipped_clinic_file_names_no_clinic_and_points_to_the_front_desk(clinic):
    assert (clinic.name, clinic.phone) == ("", "")
    assert any("front desk" in line for line in clinic.lines(ENGLISH))


@pytest.mark.parametrize("mode", list(Mode))
def test_payload_is_plain_json_with_every_region_and_the_start(mode, content, clinic):
    sent = payload(content, mode, clinic)
    assert set(sent["panels"]) == {"", *(r.value for r in REGION_ORDER)}
    assert sent["traits"] == {
        "opener_on_start": MODE_TRAITS[mode].opener_on_start,
        "general_on_start": MODE_TRAITS[mode].general_on_start,
        "keep_tab": MODE_TRAITS[mode].keep_tab,
        "keeps_history": MODE_TRAITS[mode].keeps_history,
    }

    def leaves(value):
        if isinstance(value, dict):
            return [leaf for v in value.values() for leaf in leaves(v)]
        if isinstance(value, list):
            return [leaf for v in value for leaf in leaves(v)]
        return [value]

    assert all(leaf is None or isinstance(leaf, str | bool | int) for leaf in leaves(sent))  # int: a source ref


def test_the_view_reads_heading_message_safe_care_then_the_tabs(content, clinic):
    panel = region_panel(content, RegionId.ELBOW)
    paragraphs = view_paragraphs(payload(content, Mode.EXPLORE, clinic), "elbow")
    assert paragraphs[0] == "Elbow"
    assert paragraphs[1].startswith(panel.lead[0].text)
    safe = paragraphs.index(ENGLISH.safe_care)
    names = (ENGLISH.tab_help, ENGLISH.tab_feel, ENGLISH.tab_sore, ENGLISH.tab_after, ENGLISH.tab_visits)
    tabs = [paragraphs.index(t) for t in names]
    assert safe < tabs[0]
    assert tabs == sorted(tabs)
    help_screen = view_screens(payload(content, Mode.EXPLORE, clinic), "elbow")[0]
    after_tab = help_screen[help_screen.index(ENGLISH.tab_help) :]
    help_titles = [p.split("\n")[0] for p in after_tab if p.startswith("**")]
    assert help_titles == [f"**{c.title}**" for c in panel.help if c.title]


@pytest.mark.parametrize(
    ("group", "regions"),
    [
        (
            ("buttock-pain", "leg-pain", "sciatica", "hamstring-strains", "calf-tightness-or-spasms"),
            {RegionId.BUTTOCK, RegionId.HAMSTRING, RegionId.CALF},
        ),
        (
            ("arm-pain", "tennis-elbow", "golfers-elbow", "carpal-tunnel"),
            {RegionId.ARM, RegionId.ELBOW, RegionId.WRIST_HAND},
        ),
    ],
)
def test_a_patient_who_taps_any_area_of_a_named_group_finds_the_whole_group(group, regions, content):
    """The documents name "buttock pain and leg pain (sciatica, ...)" and "arm pain (tennis elbow, ...)" together."""
    for region in regions:
        shown = {c.id for c in content.conditions_for(region)}
        assert set(group) <= shown, region


def test_problems_placed_by_their_name_are_marked(content):
    placed = {c.id for c in content.placed_by_name}
    assert {"tennis-elbow", "golfers-elbow", "carpal-tunnel", "plantar-fasciitis", "tmj-and-dental-pain"} <= placed


def payload(content, mode: Mode, clinic: Clinic) -> dict:
    """The region view's data as the browser gets it (through JSON)."""
    return json.loads(json.dumps(panels_payload(content, mode, clinic)))


def test_a_pages_source_numbers_are_in_ascending_order(content):
    numbers = source_numbers(content)
    ids = sorted(numbers, key=numbers.get, reverse=True)[:2]  # two documents, the later one first
    low, high = sorted(numbers[i] for i in ids)
    assert sources_text(content, ids) == f":small[Sources {low}, {high}]"
