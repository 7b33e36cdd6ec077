"""The visit summary PDF: read back with pypdf, drawn with pdfium, its QR code decoded with zxing-cpp."""

from __future__ import annotations

import datetime
import io

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from pypdf import PdfReader

from dn_explorer.content import ContentIndex
from dn_explorer.handout import BODY_PT, build_summary, selection_link, tickable_steps
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.selection import Area, Side, parse_selection
from tests.support.words import ENGLISH

BASE = "http://kiosk.local:8501"
THREE = (Area(RegionId.NECK), Area(RegionId.CALF, Side.RIGHT), Area(RegionId.KNEE))


def summary(content: ContentIndex, areas=THREE, **options) -> bytes:
    return build_summary(content, areas, BASE, None, ENGLISH, today=datetime.date(2026, 12, 2), **options)


def text_of(raw: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(raw)).pages).split())


def pages(raw: bytes) -> int:
    return len(PdfReader(io.BytesIO(raw)).pages)


def qr_codes(raw: bytes) -> list[str]:
    page = pdfium.PdfDocument(raw)[0]
    return [code.text for code in zxingcpp.read_barcodes(page.render(scale=2).to_pil())]


def test_three_areas_with_a_side_fit_one_page_and_its_qr_code_opens_them_again(content):
    raw = summary(content)
    assert pages(raw) == 1
    text = text_of(raw)
    for name in ("Neck:", "Right calf:", "Knee:", "Date: 2 December 2026"):
        assert name in text, name
    for area in THREE:
        message = content.regions_by_id[area.region].message
        assert message is not None
        assert " ".join(message.text.split()) in text
    # What to expect, aftercare and Safe care once, however many areas.
    for item in (*content.content.aftercare, *content.content.safety):
        assert text.count(" ".join(item.text.split())) == 1, item.id
    (code,) = qr_codes(raw)
    assert code == f"{BASE}/?region=neck&region=calf%3Aright&region=knee"
    assert code == selection_link(BASE, THREE)
    assert parse_selection([v for k, v in _query(code) if k == "region"]) == THREE


def _query(link: str) -> list[tuple[str, str]]:
    from urllib.parse import parse_qsl, urlsplit

    return parse_qsl(urlsplit(link).query)


@pytest.mark.parametrize("region", REGION_ORDER)
def test_every_area_alone_fits_one_page(content, region):
    raw = summary(content, (Area(region),))
    assert pages(raw) == 1
    assert f"{content.region_label(region)}:" in text_of(raw)


def test_every_area_at_once_fits_two_pages(content):
    areas = tuple(Area(r, Side.LEFT if r.value in {"calf", "knee"} else None) for r in REGION_ORDER)
    raw = summary(content, areas, note="n " * 200, ticked=[s.id for s in tickable_steps(content)])
    assert pages(raw) <= 2


def test_body_text_is_12_pt_or_more_and_only_the_sources_are_smaller(content):
    raw = summary(content, note="Ice tonight.", ticked=["drink-water"])
    page = pdfium.PdfDocument(raw)[0]
    chars = page.get_textpage()
    small = []
    for i in range(chars.count_chars()):
        size = pdfium_c.FPDFText_GetFontSize(chars.raw, i)
        if size < BODY_PT - 0.01:
            small.append(chars.get_text_range(i, 1))
    sources = "".join(f"[{n}] {s.short}: {s.title} ({s.publisher})" for n, s in enumerate(content.content.sources, 1))
    expected = "".join(f"{sources}{ENGLISH.handout.link}: {selection_link(BASE, THREE)}".split())
    assert "".join("".join(small).split()) == expected


def test_tick_boxes_for_the_steps_a_patient_does_and_the_therapists_ticks_and_note(content):
    steps = tickable_steps(content)
    assert 1 <= len(steps) <= 7  # a short list
    assert {s.id for s in steps} >= {"heat-or-ice", "gentle-stretches", "drink-water", "keep-moving"}
    plain = summary(content)
    ticked = summary(content, ticked=["drink-water"], note="Ice for 10 minutes tonight.")
    assert ENGLISH.handout.ticked not in text_of(plain)
    assert ENGLISH.handout.ticked in text_of(ticked)
    assert "Ice for 10 minutes tonight." in text_of(ticked)
    assert ENGLISH.handout.note not in text_of(plain)
    # The tick itself is drawn: the ticked sheet has more ink than the plain one.
    assert _ink(ticked) > _ink(plain)


def _ink(raw: bytes) -> int:
    image = pdfium.PdfDocument(raw)[0].render(scale=1).to_pil().convert("L")
    return int((np.asarray(image) < 128).sum())


def test_a_note_is_printed_as_text_and_cut_to_its_length(content):
    raw = summary(content, note="**bold** <b>x</b>\n\nsecond " + "y" * 400)
    text = text_of(raw)
    assert "**bold** <b>x</b> second" in text
    assert "y" * 400 not in text


def test_a_summary_needs_an_area(content):
    with pytest.raises(ValueError):
        summary(content, ())


HEADINGS = (
    ENGLISH.handout.your_areas,
    ENGLISH.timeline,
    ENGLISH.tab_after,
    ENGLISH.handout.note,
    ENGLISH.safe_care,
    ENGLISH.handout.sources_key,
)


@pytest.mark.parametrize("count", range(1, len(REGION_ORDER) + 1))
def test_no_heading_is_left_alone_at_the_foot_of_a_page(content, count):
    for note in ("", "Ice tonight. " * 20):
        reader = PdfReader(io.BytesIO(summary(content, tuple(Area(r) for r in REGION_ORDER[:count]), note=note)))
        assert len(reader.pages) <= 2
        for page in reader.pages[:-1]:
            last = page.extract_text().strip().splitlines()[-1].strip()
            assert last not in HEADINGS, (count, last)


def test_a_note_goes_nowhere_but_the_sheet_not_even_a_log_line(content, caplog):
    """fpdf2 logs each letter its font lacks: those are left out of the note, as are control characters."""
    with caplog.at_level("DEBUG"):
        raw = summary(content, note="Ice \x07tonight 患者, Łukasz.")
    assert not [r for r in caplog.records if "患" in r.getMessage() or "missing" in r.getMessage()]
    assert "Ice tonight , Łukasz." in text_of(raw)


@pytest.mark.parametrize(
    ("base", "reachable"),
    [
        ("http://localhost:8501", False),
        ("http://127.0.0.1:8501", False),
        ("http://[::1]:8501", False),
        ("http://explorer.clinic.lan:8501", True),
        ("https://192.168.1.20", True),
    ],
)
def test_take_this_home_is_offered_only_where_a_phone_could_open_the_code(base, reachable):
    from explorer_ui.take_home import phones_can_reach

    assert phones_can_reach(base) is reachable
