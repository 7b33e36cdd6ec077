"""Readability of the patient-facing text: grade 6 or lower per item, median 5 or lower, long words explained.

Grades come from ``textstat`` (Flesch-Kincaid). It looks syllables up in NLTK's
CMU dictionary and downloads that at run time, which fails offline (and must not
happen in CI anyway), so the fixture below switches it to its built-in fallback,
pyphen's hyphenation dictionaries, which ship inside the package. A download
attempt fails the test instead of reaching the network.
"""

from __future__ import annotations

import importlib
import re
import statistics
from collections.abc import Iterator

import pytest
from streamlit.testing.v1 import AppTest

from dn_explorer.content import ContentIndex
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.regions import RegionId
from dn_explorer.view_text import terms_in
from tests.support.app import view_payload, view_screens
from tests.support.text import patient_items
from tests.support.words import EXPLAINED

MAX_GRADE = 6.0
MAX_MEDIAN_GRADE = 5.0
"""The AMA and HHS advice for patient material: grade 6 or lower; most items well below it."""

SYLLABLES_MODULE = "textstat.backend.counts._count_syllables"
"""Where textstat 0.7.x looks up the CMU dictionary (checked below, so an upgrade that moves it fails loudly)."""

EVERYDAY_WORDS = frozenset(
    {
        "activities",
        "acupuncture",
        "afterwards",
        "acupuncturists",
        "chiropractors",
        "clinically",
        "discomfort",
        "exercises",
        "functional",
        "irritation",
        "mechanical",
        "practitioner",
        "practitioners",
        "prescription",
        "repetitive",
        "sciatica",
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


def test_the_offline_hook_counts_syllables_without_nltk_data(textstat):
    assert textstat.syllable_count("myofascial trigger point") >= 6
    assert textstat.flesch_kincaid_grade("The cat sat on the mat.") < 3


def test_every_patient_facing_item_is_grade_6_or_lower_and_the_median_5_or_lower(textstat, content, clinic):
    grades = sorted(
        ((textstat.flesch_kincaid_grade(plain(text)), where) for where, text in patient_items(content, clinic)),
        reverse=True,
    )
    too_hard = [f"{where}: grade {grade:.1f}" for grade, where in grades if grade > MAX_GRADE]
    worst_grade, worst_item = grades[0]
    median = statistics.median(grade for grade, _ in grades)
    print(f"{len(grades)} items; worst Flesch-Kincaid grade {worst_grade:.2f} ({worst_item}); median {median:.2f}")
    assert not too_hard, "Reading grade above 6; use shorter sentences and words:\n" + "\n".join(too_hard)
    assert median <= MAX_MEDIAN_GRADE


def test_initials_do_not_count_as_sentence_ends(textstat):
    text = "The documents name doctors (M.D. or D.O.) and nurses."
    assert textstat.sentence_count(plain(text)) == 1


def _is_long(textstat: object, word: str) -> bool:
    return len(word) >= 10 or textstat.syllable_count(word) >= 4


def test_long_words_are_in_the_glossary_or_everyday(textstat, content, clinic):
    unexplained: dict[str, str] = {}
    for where, text in patient_items(content, clinic):
        if where.startswith("glossary."):
            continue
        for word in re.findall(r"[A-Za-z]+", plain(text).replace("'s", "")):
            if word.isupper() or not _is_long(textstat, word) or word.lower() in EVERYDAY_WORDS:
                continue
            if not terms_in(content, word):
                unexplained.setdefault(word.lower(), where)
    assert not unexplained, f"Long words with no glossary entry (word: first item): {unexplained}"


def test_the_brief_s_long_words_have_glossary_entries(content):
    for word in ("myofascial", "trigger point", "fascia", "local twitch response"):
        assert terms_in(content, word), word


def test_words_the_documents_give_no_meaning_for_are_not_explained_or_used(content, clinic):
    """A "Word explained" entry that explains nothing is worse than none: these words are avoided instead."""
    for word in ("musculoskeletal", "tendinopathy", "tendinopathies"):
        assert not terms_in(content, word), word
        assert not [where for where, text in patient_items(content, clinic) if word in text.lower()], word


def _unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


def _markdown_paragraphs(at: AppTest) -> list[str]:
    """Every Markdown paragraph a page shows, in order (a section is one Markdown element of many paragraphs)."""
    return [p.strip() for m in at.markdown for p in _unescape(m.value).split("\n\n") if p.strip()]


def _explanation_problems(texts: list[str], content: ContentIndex) -> list[str]:
    """Each glossary word a screen uses must be explained exactly once, after its first use
    and before the next item of content.

    An explanation is one paragraph ("Word explained: <term>." and the meaning); a bold-only
    paragraph such as a condition's name is a title, not a use; the About page's closing list
    of every term is not a use either.
    """
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
def test_region_view_explains_each_long_word_where_it_first_appears_on_each_screen(region, content):
    """A screen is what is always in sight (main message, Safe care) and one tab."""
    at = AppTest.from_file(APP, default_timeout=30)
    if region is not None:
        at.query_params["region"] = region.value
    at.run()
    assert not at.exception
    screens = view_screens(view_payload(at), region.value if region else "")
    used = {t.id for screen in screens for t in terms_in(content, "\n".join(screen))}
    assert {"local-twitch-response", "trigger-point"} <= used
    for screen in screens:
        assert _explanation_problems(screen, content) == []


def test_about_page_explains_long_words_where_they_first_appear(content):
    at = AppTest.from_file(APP, default_timeout=30).run()
    at.switch_page("pages/1_About_dry_needling.py").run()
    assert not at.exception
    texts = _markdown_paragraphs(at)
    labels = [p for p in texts if EXPLAINED in p]
    assert any(f"{EXPLAINED} Trigger point." in label for label in labels)
    assert _explanation_problems(texts, content) == []
