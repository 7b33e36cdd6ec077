"""The interface's own words (headings, tab names, buttons), one table per language.

Each language has one file, ``data/words/<code>.yaml``, checked against the ``Words`` model
like the content (a broken file names its line and field). Content (what dry needling may help,
what you may feel) comes from the content files; these are the fixed words around it. Every one
is patient-facing, so the readability and patient-voice tests read them from here too.

A language is offered when it has both a word table and a content file (``data/conditions.yaml``
for English, the reference; ``data/conditions.<code>.yaml`` for the others), so a third language
takes two files and no code.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from dn_explorer.paths import CONTENT_FILE, WORDS_DIR
from dn_explorer.problems import ContentError, first_problems
from dn_explorer.records import Phase, ShortText, Slug, Text
from dn_explorer.regions import BodyPart
from dn_explorer.yaml_guard import problem_at, read_bounded, read_model

MAX_WORDS_BYTES = 64 * 1024
DEFAULT_LANGUAGE = "en"


class _Table(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class LanguageName(_Table):
    code: Slug
    name: ShortText
    """The language's own name for itself ("Español"): the label of the button that switches to it."""


class AboutWords(_Table):
    title: ShortText
    questions: ShortText
    whole_body: ShortText
    whole_body_intro: Text
    glossary: ShortText
    claims: ShortText
    claims_intro: Text


class SourcesWords(_Table):
    title: ShortText
    intro: Text
    shared_text: Text
    placed: ShortText
    placed_intro: Text
    grouped: Text
    clinic: Text
    draws: ShortText
    """With ``{short}``: the heading over what the app draws from one document."""
    published_by: ShortText
    """With ``{publisher}``."""
    translation_note: str = ""
    """Said on the Sources page of a translation: its text is the app's own, the documents are English."""


class PicturesWords(_Table):
    title: ShortText
    heat_heading: ShortText
    heat_intro: Text
    legend: ShortText
    legend_range: ShortText
    """With ``{low}`` and ``{high}``."""
    legend_from: ShortText
    """With ``{low}``."""
    count_none: Text
    count_one: Text
    count_many: Text
    open_region: ShortText
    open_hint: ShortText
    table: ShortText
    expect_heading: ShortText
    expect_intro: Text
    col_when: ShortText
    col_notice: ShortText
    col_more: ShortText
    col_sources: ShortText
    col_area: ShortText
    col_count: ShortText
    col_which: ShortText
    none_here: ShortText


class HandoutWords(_Table):
    pdf_title: ShortText
    """With ``{areas}``: the chosen areas' names."""
    title: ShortText
    date: ShortText
    """With ``{date}``: today, as ``date_format`` writes it."""
    date_format: ShortText
    """With ``{day}``, ``{month}`` and ``{year}``: "{day} {month} {year}" gives "2 December 2026"."""
    months: Annotated[tuple[ShortText, ...], Field(min_length=12, max_length=12)]
    """January to December, as a date writes them."""
    intro: Text
    your_areas: ShortText
    ticked: ShortText
    """Above the aftercare steps when the therapist ticked some."""
    note: ShortText
    """The heading of the therapist's note."""
    sources_key: ShortText
    link: ShortText
    download: ShortText
    """The button that downloads the visit summary."""
    download_none: ShortText
    """The same button before an area is chosen (it cannot be pressed yet)."""
    file_name: ShortText
    """With ``{date}``: the downloaded file's name."""
    tick_label: ShortText
    """Above the therapist's tick boxes for the aftercare steps."""
    note_label: ShortText
    """The therapist's note box on screen."""
    note_help: ShortText
    take_home: ShortText
    """Kiosk: the button that shows a QR code of the chosen areas."""
    take_home_hint: ShortText
    """Under that QR code."""


class UiWords(_Table):
    app_title: ShortText
    nav_body_map: ShortText
    smaller_text: ShortText
    bigger_text: ShortText
    smaller_help: ShortText
    bigger_help: ShortText
    text_size: ShortText
    smallest: str
    largest: str
    showing: ShortText
    idle_title: ShortText
    idle_before: ShortText
    idle_after: ShortText
    idle_stay: ShortText
    front: ShortText
    back: ShortText
    your_left: ShortText
    your_right: ShortText
    left_area: ShortText
    """With ``{area}``: an area on the patient's left ("Left calf")."""
    right_area: ShortText
    """With ``{area}``: on their right."""
    several: ShortText
    """The switch that lets a tap add an area instead of choosing it alone."""
    which_side: ShortText
    """With ``{area}``: the name of a chosen area's side buttons."""
    left: ShortText
    right: ShortText
    both: ShortText
    front_title: ShortText
    back_title: ShortText
    switch_to: ShortText
    """The button's words for switching to this language."""
    tour_previous: ShortText
    tour_next: ShortText
    tour_start: ShortText
    tour_stop: ShortText
    """With ``{position}``, ``{total}`` and ``{area}``."""
    find_label: ShortText
    find_placeholder: ShortText
    found: ShortText
    """With ``{query}`` and ``{areas}``."""
    show_area: ShortText
    whole_body: Text
    """With ``{names}``."""
    nothing: Text
    """With ``{query}``."""
    error_title: ShortText
    error_text: Text
    """The page shown instead of a traceback when a content or clinic file is broken."""


class Words(_Table):
    """The fixed words of the interface, for one language."""

    language: LanguageName
    start_heading: ShortText
    start_text: Text
    no_conditions: Text
    """Shown, with ``{area}`` filled in, where the documents name no problem for a region."""
    safe_care: ShortText
    source: ShortText
    sources: ShortText
    own_claim: ShortText
    """With ``{name}``: marks a statement that is one clinic's own claim."""
    your_clinic: ShortText
    tabs_label: ShortText
    tab_help: ShortText
    tab_feel: ShortText
    tab_sore: ShortText
    tab_after: ShortText
    tab_visits: ShortText
    phases: dict[Phase, ShortText]
    word_explained: ShortText
    list_heading: ShortText
    body_parts: dict[BodyPart, ShortText]
    clinic_call: ShortText
    """With ``{name}`` and ``{phone}``: how to reach the deploying clinic."""
    clinic_phone_only: ShortText
    timeline: ShortText
    listen: ShortText
    stop: ShortText
    slower: ShortText
    about: AboutWords
    sources_page: SourcesWords
    pictures: PicturesWords
    handout: HandoutWords
    ui: UiWords


def _placeholders(text: str) -> set[str] | None:
    """The ``{names}`` a template fills in, or None where its braces are broken."""
    try:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
    except ValueError:
        return None


def _templates(table: BaseModel, loc: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str]]:
    for name in type(table).model_fields:
        value = getattr(table, name)
        if isinstance(value, BaseModel):
            yield from _templates(value, (*loc, name))
        elif isinstance(value, str):
            yield (*loc, name), value


def parse_words(raw: bytes, name: str, reference: Words | None = None) -> Words:
    """Validate a word table; against ``reference`` (the English), every template must fill in the
    same ``{names}``: a translated or mistyped one would fail only when shown."""
    words, root = read_model(raw, name, Words, MAX_WORDS_BYTES, empty="the interface words")
    if reference is not None:
        wanted = dict(_templates(reference))
        problems = []
        for loc, text in _templates(words):
            found, expected = _placeholders(text), _placeholders(wanted.get(loc, ""))
            if found != expected:
                names = ", ".join(f"{{{n}}}" for n in sorted(expected or ())) or "none"
                problems.append(problem_at(root, name, f"must fill in the same names as the English ({names})", *loc))
        if problems:
            raise ContentError(first_problems(problems, name))
    return words


@functools.cache
def load_words(path: Path) -> Words:
    """One language's word table, read and checked once per process (another than English against it)."""
    reference = None if path.stem == DEFAULT_LANGUAGE else load_words(path.with_name(f"{DEFAULT_LANGUAGE}.yaml"))
    return parse_words(read_bounded(path, MAX_WORDS_BYTES), path.name, reference)


def content_file(code: str, folder: Path = CONTENT_FILE.parent) -> Path:
    """The content file of a language: the English reference, or its translation beside it."""
    return folder / ("conditions.yaml" if code == DEFAULT_LANGUAGE else f"conditions.{code}.yaml")


@functools.cache
def language_codes(words_dir: Path = WORDS_DIR, content_dir: Path = CONTENT_FILE.parent) -> tuple[str, ...]:
    """Every language with a word table and a content file, English first (found by their files:
    a new language needs no code)."""
    codes = sorted(p.stem for p in words_dir.glob("*.yaml") if content_file(p.stem, content_dir).exists())
    return tuple(sorted(codes, key=lambda c: c != DEFAULT_LANGUAGE))


def words_for(code: str = DEFAULT_LANGUAGE) -> Words:
    """The word table of an offered language (English for any other code)."""
    return load_words(WORDS_DIR / f"{code if code in language_codes() else DEFAULT_LANGUAGE}.yaml")


def english() -> Words:
    return words_for(DEFAULT_LANGUAGE)


def parse_language(value: object, offered: tuple[str, ...] | None = None) -> str | None:
    """The offered language an untrusted value (a query parameter, a locale) names, or None."""
    if isinstance(value, list | tuple):
        value = value[0] if len(value) == 1 else None
    if not isinstance(value, str) or len(value) > 8:
        return None
    code = value.strip().lower()
    return code if code in (language_codes() if offered is None else offered) else None
