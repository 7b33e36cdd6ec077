"""The pictograms and the "What to expect" timeline: table-driven tests of the data the view is sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from dn_explorer.content import ContentIndex, Phase, parse_content
from dn_explorer.paths import CONTENT_FILE, PICTOGRAM_DIR
from dn_explorer.pictograms import PictogramError, pictogram_paths, read_paths
from dn_explorer.problems import ContentError
from dn_explorer.records import Picture
from dn_explorer.region_panel import general_tabs, safe_care_cards, timeline
from tests.support.words import ENGLISH


def test_every_picture_has_a_bundled_outline_with_its_licence():
    paths = pictogram_paths()
    assert set(paths) == {p.value for p in Picture}
    assert all(paths[name] and all(d.startswith(("M", "m")) for d in paths[name]) for name in paths)
    assert (PICTOGRAM_DIR / "LICENSE").read_text().startswith("MIT License")


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        ("<svg", "unclosed token"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 48 48"><path d="M0 0h1"/></svg>', "viewBox"),
        (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path stroke="none" d="M0 0h24"/></svg>',
            "no path",
        ),
    ],
)
def test_a_broken_pictogram_file_is_named(tmp_path: Path, svg: str, message: str):
    path = tmp_path / "heat.svg"
    path.write_text(svg)
    with pytest.raises(PictogramError, match=rf"heat.svg: .*{message}"):
        read_paths(path)


@pytest.mark.parametrize(
    ("item", "pictures"),
    [
        ("heat-or-ice", ("heat", "ice")),
        ("gentle-stretches", ("stretch",)),
        ("keep-moving", ("move",)),
        ("drink-water", ("water",)),
        ("ask-your-therapist", ("talk",)),
        ("needle-going-in", ("needle",)),
        ("twitch-feeling", ("twitch",)),
        ("sore-after", ("sore",)),
    ],
)
def test_aftercare_and_feelings_carry_their_pictures(content: ContentIndex, item: str, pictures: tuple[str, ...]):
    cards = {card.text: card for tab in general_tabs(content) for group in tab.groups for card in group.cards}
    statement = next(s for s in (*content.content.aftercare, *content.content.sensations) if s.id == item)
    assert cards[statement.text].pictures == pictures


def test_safe_care_talk_line_has_its_picture_and_the_clinic_lines_none(content: ContentIndex, clinic):
    cards = safe_care_cards(content, clinic)
    assert any(card.pictures == ("talk",) for card in cards)
    assert all(card.pictures == () for card in cards if card.cite and card.cite.own == ENGLISH.your_clinic)


def test_timeline_has_the_four_phases_in_order_with_the_texts_labels_and_sources(content: ContentIndex):
    steps = timeline(content)
    assert [s.phase for s in steps] == [ENGLISH.phases[p] for p in Phase]
    positions = {source.id: n for n, source in enumerate(content.content.sources)}
    for step, phase in zip(steps, Phase, strict=True):
        shown = [s for s in content.sensations_in(phase) if s.on_timeline]
        assert step.labels == tuple(s.label for s in shown)
        assert set(step.cite.refs) == {positions[src] for s in shown for src in s.sources}
    assert "Sore for a few hours to two days" in steps[2].labels  # the one plain statement of how long


def test_a_phase_left_off_the_timeline_is_refused_with_its_line():
    original = CONTENT_FILE.read_text(encoding="utf-8")
    text = original.replace(
        "  - id: how-long-soreness-lasts\n    on_timeline: true\n", "  - id: how-long-soreness-lasts\n"
    )
    assert text != original
    with pytest.raises(ContentError, match=r"conditions.yaml, line \d+, field sensations: .*'first-days'"):
        parse_content(text.encode())


def test_every_aftercare_step_and_every_feeling_has_a_picture(content: ContentIndex):
    missing = [s.id for s in (*content.content.aftercare, *content.content.sensations) if not s.pictures]
    assert not missing, f"no pictogram for: {missing}"
