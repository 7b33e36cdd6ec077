"""Languages: one word table and one content file each, checked against the English; plain Spanish.

Table-driven tests of the translation checks (a missing or added item, changed sources, other
numbers), of the Spanish text's reading ease (Fernández-Huerta, textstat in Spanish) and patient
voice, of accent-blind search in Spanish, and of a made-up third language that takes two files
and no code.
"""

from __future__ import annotations

import re
import shutil
import statistics
from pathlib import Path

import pytest

from dn_explorer.content import ContentIndex
from dn_explorer.paths import CONTENT_FILE, WORDS_DIR
from dn_explorer.problems import ContentError
from dn_explorer.regions import RegionId
from dn_explorer.search import find_regions
from dn_explorer.translation import load_translation, parse_translation
from dn_explorer.words import content_file, language_codes, load_words, parse_language, parse_words
from tests.support.text import patient_items
from tests.support.words import SPANISH

SPANISH_FILE = content_file("es")
MIN_EASE = 80.0
"""Fernández-Huerta 80 or more: "fácil"."""
MIN_WORDS_TO_SCORE = 8
"""The formula is meaningless on a name or a heading of a few words ("Pantorrilla" scores -34)."""

SPANISH_REPORT_WORDS = re.compile(r"\b(documentos?|páginas?|listas?|fuentes?|menciona\w*|la app)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def spanish(content: ContentIndex) -> ContentIndex:
    return load_translation(content, SPANISH_FILE)


def test_spanish_is_offered_beside_english():
    assert language_codes() == ("en", "es")
    assert parse_language(["es"]) == "es"
    assert parse_language("ES") == "es"
    for hostile in ("fr", "es-ES<script>", ["es", "en"], "", None, "x" * 40, 3):
        assert parse_language(hostile) is None


def test_every_item_has_the_same_ids_sources_and_said_by(content: ContentIndex, spanish: ContentIndex):
    for section in ("conditions", "sensations", "aftercare", "safety", "visits", "questions", "claims", "glossary"):
        english_items = getattr(content.content, section)
        spanish_items = getattr(spanish.content, section)
        assert [i.id for i in english_items] == [i.id for i in spanish_items], section
        assert [i.sources for i in english_items] == [i.sources for i in spanish_items], section
        assert [getattr(i, "said_by", None) for i in english_items] == [
            getattr(i, "said_by", None) for i in spanish_items
        ]
    assert spanish.region_label(RegionId.CALF) == "Pantorrilla"


def _edited(old: str, new: str) -> bytes:
    text = SPANISH_FILE.read_text(encoding="utf-8")
    assert old in text, old
    return text.replace(old, new, 1).encode()


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("70-80", "60-80", r"claims\[0\]\.text: has other numbers than the English \(the English has: 70, 80\)"),
        (
            "    sources: [mile-high]\n",
            "    sources: [njpta]\n",
            r"regions\[11\]\.message\.sources: must be the same as in the English",
        ),
        ("  - id: keep-moving\n", "  - id: keep-walking\n", r"aftercare\[4\]\.id: must be the same as in the English"),
        ("    said_by: njpta\n", "", r"conditions\[22\]\.said_by: must be the same as in the English \('njpta'\)"),
    ],
)
def test_a_translation_that_changes_more_than_words_is_refused_with_its_line(content, old, new, message):
    with pytest.raises(ContentError, match=rf"conditions\.es\.yaml, line \d+, field {message}"):
        parse_translation(content, _edited(old, new), "conditions.es.yaml")


def test_a_translation_that_misses_an_item_is_refused(content):
    text = SPANISH_FILE.read_text(encoding="utf-8")
    start = text.index("  - id: drink-water\n")
    end = text.index("  - id: keep-moving\n")
    with pytest.raises(ContentError, match=r"field aftercare: has 7 items where the English has 8"):
        parse_translation(content, (text[:start] + text[end:]).encode(), "conditions.es.yaml")


@pytest.fixture(scope="module")
def textstat_es():
    import textstat

    textstat.set_lang("es")
    yield textstat
    textstat.set_lang("en_US")


def test_spanish_reads_easily(textstat_es, spanish: ContentIndex, clinic):
    scored = [
        (textstat_es.fernandez_huerta(text), where)
        for where, text in patient_items(spanish, clinic, SPANISH)
        if len(text.split()) >= MIN_WORDS_TO_SCORE
    ]
    hard = [f"{where}: {score:.0f}" for score, where in scored if score < MIN_EASE]
    print(f"{len(scored)} items; easiest-to-hardest min {min(s for s, _ in scored):.1f}, "
          f"median {statistics.median(s for s, _ in scored):.1f}")  # fmt: skip
    assert len(scored) > 100
    assert not hard, "Fernández-Huerta under 80; use shorter sentences and words:\n" + "\n".join(hard)


def test_spanish_speaks_to_the_patient_not_about_the_documents(spanish: ContentIndex, clinic):
    reported = [
        f"{where}: {text}"
        for where, text in patient_items(spanish, clinic, SPANISH)
        if SPANISH_REPORT_WORDS.search(text)
    ]
    assert not reported, "\n".join(reported)


@pytest.mark.parametrize(
    ("query", "region"),
    [
        ("codo de tenista", RegionId.ELBOW),
        ("ciática", RegionId.HAMSTRING),
        ("ciatica", RegionId.HAMSTRING),
        ("dolor de cuello", RegionId.NECK),
        ("fascitis plantar", RegionId.FOOT),
        ("pantorrilla", RegionId.CALF),
    ],
)
def test_search_works_in_spanish_with_and_without_accents(spanish: ContentIndex, query: str, region: RegionId):
    assert region in find_regions(spanish, query).regions


def test_a_third_language_takes_one_word_table_and_one_content_file(tmp_path: Path, content: ContentIndex):
    words_dir, content_dir = tmp_path / "words", tmp_path / "data"
    words_dir.mkdir()
    content_dir.mkdir()
    for code in ("en", "es"):
        shutil.copy(WORDS_DIR / f"{code}.yaml", words_dir / f"{code}.yaml")
    shutil.copy(CONTENT_FILE, content_dir / "conditions.yaml")
    shutil.copy(SPANISH_FILE, content_dir / "conditions.es.yaml")
    # "Xx": a made-up language, here a copy of the Spanish under its own code and name.
    (words_dir / "xx.yaml").write_text(
        (WORDS_DIR / "es.yaml")
        .read_text(encoding="utf-8")
        .replace("code: es", "code: xx")
        .replace("name: Español", "name: Xx"),
        encoding="utf-8",
    )
    shutil.copy(SPANISH_FILE, content_dir / "conditions.xx.yaml")
    assert language_codes(words_dir, content_dir) == ("en", "es", "xx")
    assert load_words(words_dir / "xx.yaml").language.name == "Xx"
    assert load_translation(content, content_dir / "conditions.xx.yaml").region_label(RegionId.NECK) == "Cuello"
    # Without its content file, it is not offered.
    (content_dir / "conditions.xx.yaml").unlink()
    language_codes.cache_clear()
    assert "xx" not in language_codes(words_dir, content_dir)


def test_a_broken_word_table_names_its_line_and_field():
    raw = (WORDS_DIR / "es.yaml").read_text(encoding="utf-8").replace("  idle_stay: Sigo aquí\n", "")
    with pytest.raises(ContentError, match=r"es\.yaml, line \d+, field ui\.idle_stay"):
        parse_words(raw.encode(), "es.yaml")


def test_the_spanish_handout_embeds_its_font_and_keeps_every_accent(spanish: ContentIndex, clinic):
    import io

    from pypdf import PdfReader

    from dn_explorer.handout import build_summary
    from dn_explorer.selection import Area, Side

    areas = (Area(RegionId.CALF, Side.RIGHT), Area(RegionId.NECK))
    raw = build_summary(spanish, areas, "http://localhost:8501", clinic, SPANISH, note="Mañana, hielo.")
    pdf = PdfReader(io.BytesIO(raw))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert len(pdf.pages) <= 2
    assert b"/FontFile2" in raw  # a TrueType font inside the file, not a core font
    for phrase in (
        "Su visita de punción seca",
        "Pantorrilla (lado derecho):",
        "Mañana, hielo.",
        "¿",
        "ñ",
        "á",
        "é",
        "í",
        "ó",
        "ú",
        "lang=es",
    ):
        assert phrase in text, phrase


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("  count_one: '{area}: la punción", "  count_one: '{zona}: la punción", "pictures.count_one"),
        ("  showing: 'Se muestra: {area}'", "  showing: 'Se muestra: {area'", "ui.showing"),
        ("\nown_claim: 'Lo dice {name}'", "\nown_claim: 'Lo dice la clínica'", "own_claim"),
    ],
)
def test_a_template_must_fill_in_the_same_names_as_the_english(old: str, new: str, field: str):
    raw = (WORDS_DIR / "es.yaml").read_text(encoding="utf-8")
    assert old in raw
    english_words = load_words(WORDS_DIR / "en.yaml")
    with pytest.raises(
        ContentError, match=rf"es\.yaml, line \d+, field {re.escape(field)}: must fill in the same names"
    ):
        parse_words(raw.replace(old, new).encode(), "es.yaml", english_words)


def test_the_heat_maps_legend_is_in_spanish(spanish: ContentIndex):
    from dn_explorer.heat_map import heat_data

    labels = [step["label"] for step in heat_data(spanish, SPANISH)["legend"]]
    assert labels == ["0", "1", "2 a 3", "4 o más"]


def _spanish_error_page(monkeypatch, env: str, english_file: Path) -> list[str]:
    """The explorer in Spanish with ``env`` pointing at ``english_file`` (its broken translation beside it):
    it must show the plain error page in Spanish; returns what the page says, Markdown escapes undone."""
    from streamlit.testing.v1 import AppTest

    from dn_explorer.paths import PROJECT_ROOT

    monkeypatch.setenv(env, str(english_file))
    at = AppTest.from_file(str(PROJECT_ROOT / "explorer_app.py"), default_timeout=30)
    at.query_params["lang"] = "es"
    at.run()
    assert not at.exception
    assert [t.value for t in at.title] == [SPANISH.ui.error_title]
    return [m.value.replace("\\", "") for m in at.markdown]


def test_a_broken_translation_gives_the_plain_error_page_in_its_language(tmp_path: Path, monkeypatch):
    from explorer_ui.loading import CONTENT_ENV

    shutil.copy(CONTENT_FILE, tmp_path / "conditions.yaml")
    (tmp_path / "conditions.es.yaml").write_bytes(_edited("70-80", "60-80"))
    shown = _spanish_error_page(monkeypatch, CONTENT_ENV, tmp_path / "conditions.yaml")
    assert any("conditions.es.yaml, line" in m and "claims[0].text" in m for m in shown)


def test_a_broken_clinic_translation_gives_the_plain_error_page_in_its_language(tmp_path: Path, monkeypatch):
    from dn_explorer.paths import PROJECT_ROOT
    from explorer_ui.loading import CLINIC_ENV

    (tmp_path / "clinic.yaml").write_bytes((PROJECT_ROOT / "data" / "clinic.yaml").read_bytes())
    (tmp_path / "clinic.es.yaml").write_bytes(b"version: [\n")
    shown = _spanish_error_page(monkeypatch, CLINIC_ENV, tmp_path / "clinic.yaml")
    assert any("clinic.es.yaml, line" in m for m in shown)
