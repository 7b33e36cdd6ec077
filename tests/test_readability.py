"""Readability of the patient-facing text: grade 8 or lower per item, and long words explained.

Grades come from ``textstat`` (Flesch-Kincaid). It looks syllables up in NLTK's
CMU dictionary and downloads that at run time, which fails offline (and must not
happen in CI anyway), so the fixture below switches it to its built-in fallback,
pyphen's hyphenation dictionaries, which ship inside the package. A download
attempt fails the test instead of reaching the network.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from dn_explorer.content import ContentIndex
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.region_panel import NO_CONDITIONS_TEXT, START_TEXT
from dn_explorer.regions import RegionId
from dn_explorer.view_text import EXPLAINED_LABEL as EXPLAINED
from dn_explorer.view_text import terms_in
from explorer_ui.body_map import BRIDGE_KEY
from tests.support.app import has_component, page_paragraphs

MAX_GRADE = 8.0
"""NIH and AMA advice for patient material: grade 8 or lower (aim for 6-8)."""

SYLLABLES_MODULE = "textstat.backend.counts._count_syllables"
"""Where textstat 0.7.x looks up the CMU dictionary (checked below, so an upgrade that moves it fails loudly)."""

EVERYDAY_WORDS = frozenset(
    {
        "activities",
        "acupuncture",
        "acupuncturists",
        "chiropractors",
        "clinically",
        "discomfort",
        "exercises",
        "functional",
        "irritation",
        "mechanical",
        "prescription",
        "repetitive",
        "stimulation",
        "tendonitis",
        "therapists",
        "treatments",
    }
)
"""Long words (4+ syllables or 10+ letters) read and judged plain enough, or job and treatment names.

A long word that is neither here nor in the content's glossary fails the test: give it a
glossary entry (the app then explains it where it first appears) or, if it is an everyday
word, add it here.
"""

APP = str(PROJECT_ROOT / "explorer_app.py")


@pytest.fixture(scope="module")
def textstat() -> Iterator[object]:
    """textstat with syllables from pyphen (offline), and no NLTK download possible."""
    nltk = importlib.import_module("nltk")
    module = importlib.import_module("textstat")
    counts = importlib.import_module(SYLLABLES_MODULE)
    assert hasattr(counts, "get_cmudict"), f"{SYLLABLES_MODULE}.get_cmudict moved: update the offline hook"

    def no_download(*args: object, **kwargs: object) -> None:
        raise AssertionError("textstat tried to download NLTK data; the offline hook is not working")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(counts, "get_cmudict", lambda lang: None)
        patch.setattr(nltk, "download", no_download)
        yield module


def plain(text: str) -> str:
    """Initials such as "M.D." read as one word, not as two sentence ends (which would flatter the grade)."""
    return re.sub(r"\b((?:[A-Z]\.){2,})", lambda m: m.group(1).replace(".", ""), text)


def patient_items(index: ContentIndex) -> list[tuple[str, str]]:
    """Every patient-facing text item, as (where it comes from, text)."""
    c = index.content
    items = [("region view: start text", START_TEXT)]
    items += [
        (f"region view: {r.id.value} has no named problem", NO_CONDITIONS_TEXT.format(area=r.label.lower()))
        for r in c.regions
        if not index.is_covered(r.id)
    ]
    items += [(f"conditions.{x.id}", x.text) for x in c.conditions]
    items += [(f"regions.{r.id.value}.note", r.note.text) for r in c.regions if r.note]
    for section in ("sensations", "aftercare", "safety", "visits"):
        items += [(f"{section}.{x.id}", x.text) for x in getattr(c, section)]
    items += [(f"questions.{q.id}", q.answer) for q in c.questions]
    items += [(f"glossary.{t.id}", t.meaning) for t in c.glossary]
    items += [(f"sources.{s.id}.summary", s.summary) for s in c.sources]
    return items


def test_the_offline_hook_counts_syllables_without_nltk_data(textstat):
    assert textstat.syllable_count("myofascial trigger point") >= 6
    assert textstat.flesch_kincaid_grade("The cat sat on the mat.") < 3


def test_every_patient_facing_item_is_grade_8_or_lower(textstat, content):
    grades = sorted(
        ((textstat.flesch_kincaid_grade(plain(text)), where) for where, text in patient_items(content)),
        reverse=True,
    )
    too_hard = [f"{where}: grade {grade:.1f}" for grade, where in grades if grade > MAX_GRADE]
    worst_grade, worst_item = grades[0]
    print(f"{len(grades)} items; worst Flesch-Kincaid grade {worst_grade:.2f} ({worst_item})")
    assert not too_hard, "Reading grade above 8; use shorter sentences and words:\n" + "\n".join(too_hard)


def test_initials_do_not_count_as_sentence_ends(textstat):
    text = "The documents name doctors (M.D. or D.O.) and nurses."
    assert textstat.sentence_count(plain(text)) == 1


def _is_long(textstat: object, word: str) -> bool:
    return len(word) >= 10 or textstat.syllable_count(word) >= 4


def test_long_words_are_in_the_glossary_or_everyday(textstat, content):
    unexplained: dict[str, str] = {}
    for where, text in patient_items(content):
        if where.startswith("glossary."):
            continue
        for word in re.findall(r"[A-Za-z]+", plain(text).replace("'s", "")):
            if word.isupper() or not _is_long(textstat, word) or word.lower() in EVERYDAY_WORDS:
                continue
            if not terms_in(content, word):
                unexplained.setdefault(word.lower(), where)
    assert not unexplained, f"Long words with no glossary entry (word: first item): {unexplained}"


def test_the_brief_s_long_words_have_glossary_entries(content):
    for word in ("myofascial", "musculoskeletal", "tendinopathy", "sciatica", "trigger point", "fascia"):
        assert terms_in(content, word), word


def _unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def _paragraphs(at: AppTest) -> list[str]:
    """Every paragraph the explorer shows, in order: the region panel, then the Markdown below it
    (a section is one Markdown element of many paragraphs)."""
    markdown = [p.strip() for m in at.markdown for p in _unescape(m.value).split("\n\n") if p.strip()]
    view = page_paragraphs(at) if has_component(at, BRIDGE_KEY) else []
    return view + markdown


def _explanation_problems(at: AppTest, content: ContentIndex) -> list[str]:
    """Each glossary word the page uses must be explained exactly once, after its first use
    and before the next item of content.

    An explanation is one paragraph ("Word explained: <term>." and the meaning); a bold-only
    paragraph such as a condition's name is a title, not a use; the About page's closing list
    of every term is not a use either.
    """
    texts = _paragraphs(at)
    labels = {i for i, text in enumerate(texts) if EXPLAINED in text}
    titles = {i for i, text in enumerate(texts) if re.fullmatch(r"\*\*[^*]+\*\*", text)}
    meanings = tuple(t.meaning[:40] for t in content.content.glossary)
    glossary_list = {i for i, text in enumerate(texts) if i not in labels and text.startswith(meanings)}
    items = [i for i in range(len(texts)) if i not in labels | titles | glossary_list]
    problems = []
    for term in content.content.glossary:
        uses = [i for i in sorted(set(items) | labels) if term in terms_in(content, texts[i])]
        explained_at = [i for i in sorted(labels) if f"{EXPLAINED} {term.term}." in texts[i]]
        if not uses and not explained_at:
            continue
        if len(explained_at) != 1 or not uses:
            problems.append(f"{term.term}: used {len(uses)} times, explained {len(explained_at)} times")
            continue
        first_use, label = uses[0], explained_at[0]
        between = [i for i in items if first_use < i < label]
        if label < first_use or between:
            problems.append(f"{term.term}: first used in paragraph #{first_use}, explained at #{label}")
    return problems


@pytest.mark.parametrize("region", [None, RegionId.ELBOW, RegionId.HAMSTRING, RegionId.JAW])
def test_region_view_explains_each_long_word_where_it_first_appears(region, content):
    at = AppTest.from_file(APP, default_timeout=30)
    if region is not None:
        at.query_params["region"] = region.value
    at.run()
    assert not at.exception
    shown = "\n".join(_paragraphs(at))
    used = {t.id for t in terms_in(content, shown)}
    assert {"local-twitch-response", "trigger-point", "practitioner"} <= used
    if region is RegionId.ELBOW:
        assert "tendinopathy" in used
    if region is RegionId.HAMSTRING:
        assert "sciatica" in used
    assert _explanation_problems(at, content) == []


def test_about_page_explains_long_words_where_they_first_appear(content):
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page("pages/1_About_dry_needling.py").run()
    assert not at.exception
    labels = [p for p in _paragraphs(at) if EXPLAINED in p]
    assert any(f"{EXPLAINED} Myofascial." in label for label in labels)
    assert _explanation_problems(at, content) == []
