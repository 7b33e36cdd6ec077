"""The app talks to the patient, not about the documents: provenance lives in the citation.

A small vocabulary of report words ("documents", "listed", "four clinics") must not appear in
patient-facing text. Two exceptions, as in the brief: a clinic's own claim names that clinic in
words (by its short name, or the person who wrote it), and the Sources page is where the documents are discussed
(so the sources' summaries are not patient-facing text here).
"""

from __future__ import annotations

import re

import pytest

from dn_explorer.content import ContentIndex
from tests.support.text import attributed, patient_items

REPORT_WORDS = re.compile(
    r"\b(documents?|pages?|lists?|listed|listing|sources?|mentions?|mentioned|named by|this app|the app|"
    r"(one|two|three|four|five|both|all) (of them|clinics|documents|sources))\b",
    re.IGNORECASE,
)
"""Words that report on the documents instead of speaking to the patient."""


def talks_about_documents(text: str, index: ContentIndex) -> list[str]:
    """The report words in ``text``, once the clinics' own names ("Bourne FAQ") are taken out."""
    for source in index.content.sources:
        text = text.replace(source.short, "")
    return [m.group(0) for m in REPORT_WORDS.finditer(text)]


@pytest.mark.parametrize(
    ("text", "caught"),
    [
        ("Four documents list neck pain.", True),
        ("Two documents mention leg pain.", True),
        ("Listed by two documents as one kind of headache.", True),
        ("Two of them say this.", True),
        ("Four clinics say it helps.", True),
        ("The About page lists the problems.", True),
        ("Dry needling may help neck pain.", False),
        ("The Bourne FAQ calls it effective.", False),
        ("You may feel a quick twitch.", False),
    ],
)
def test_the_rule_catches_report_sentences_and_passes_patient_sentences(text, caught, content):
    assert bool(talks_about_documents(text, content)) is caught


def test_no_patient_facing_text_talks_about_the_documents(content, clinic):
    offending = {
        where: words
        for where, text in patient_items(content, clinic)
        if (words := talks_about_documents(text, content))
    }
    assert offending == {}


def test_a_clinic_s_own_claim_names_the_clinic_in_words(content):
    texts = dict(patient_items(content))
    for where in sorted(attributed(content)):
        item_said_by = _said_by(content, where)
        source = content.sources_by_id[item_said_by]
        names = (source.short, source.publisher.split(",")[0])  # "Bourne FAQ" or "Erika Waly Bourne"
        said = texts[where].casefold()
        assert any(name.casefold() in said for name in names), f"{where}: {source.short}'s claim, not said so"


def test_claims_are_all_attributed(content):
    assert content.content.claims, "the content has no clinic claims to check"
    assert all(c.said_by for c in content.content.claims)
    njpta = [c for c in content.content.claims if "70" in c.text]
    assert len(njpta) == 1
    assert njpta[0].said_by == "njpta"
    assert "study" in njpta[0].text.lower()  # it says that no study is given


def _said_by(index: ContentIndex, where: str) -> str:
    section, _, item_id = where.partition(".")
    if section == "regions":
        region_id, _, kind = item_id.partition(".")
        region = next(r for r in index.content.regions if r.id.value == region_id)
        statement = getattr(region, kind)
        return statement.said_by
    items = getattr(index.content, section)
    return next(i for i in items if i.id == item_id).said_by
