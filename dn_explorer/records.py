"""Typed, frozen content records: what a content file holds, checked field by field by pydantic.

Cross-references between records (source ids exist, ids are unique) need the whole file
and are checked in ``dn_explorer.content``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from dn_explorer.regions import RegionId

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=48)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=900)]


class _Record(BaseModel):
    """Base for content records: immutable, and unknown fields are typos, not data."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Record):
    """One of the clinic documents the app draws from.

    ``same_text_as`` names another source that is largely a copy of the same text: the two
    count as one voice, never as two independent confirmations.
    """

    id: Slug
    short: ShortText
    title: ShortText
    publisher: ShortText
    file: ShortText
    summary: Text
    same_text_as: Slug | None = None


class Picture(StrEnum):
    """The pictograms that can stand beside a statement (files in ``assets/pictograms/``)."""

    HEAT = "heat"
    ICE = "ice"
    STRETCH = "stretch"
    MOVE = "move"
    WATER = "water"
    TALK = "talk"
    NEEDLE = "needle"
    TWITCH = "twitch"
    SORE = "sore"
    PILL = "pill"
    VISITS = "visits"


class Statement(_Record):
    """A plain-words statement and the documents that back it.

    ``said_by`` marks a claim that is one clinic's own (a speed, a percentage):
    the app shows it as that clinic's claim, not as fact. ``pictures`` stand beside
    the words (never instead of them).
    """

    id: Slug
    text: Text
    sources: tuple[Slug, ...]
    said_by: Slug | None = None
    pictures: tuple[Picture, ...] = ()


class Phase(StrEnum):
    """When a patient may feel something, in the order it happens."""

    DURING = "during"
    RIGHT_AFTER = "right-after"
    FIRST_DAYS = "first-days"
    OVER_VISITS = "over-visits"


class Sensation(Statement):
    """Something a patient may feel, and when; ``label`` is a few words for charts and the timeline.

    ``on_timeline`` puts its label on the region view's "What to expect" timeline (every phase
    needs at least one).
    """

    phase: Phase
    label: ShortText
    on_timeline: bool = False


class Condition(_Record):
    """A problem the documents say dry needling can address.

    An empty ``regions`` means the documents name it without a body part
    (arthritis, strains): it is listed for the whole body, not guessed into one.
    ``placed_by_name`` marks a problem the app puts on the body from its own name
    (tennis elbow on the elbow) where no document says where it is felt; the
    Sources page lists these.
    """

    id: Slug
    name: ShortText
    regions: tuple[RegionId, ...]
    text: Text
    sources: tuple[Slug, ...]
    said_by: Slug | None = None
    placed_by_name: bool = False
    search_terms: tuple[ShortText, ...] = ()


class Region(_Record):
    """A body-map region's label, its opening message and, optionally, a sourced note about it.

    ``message`` is the one sentence the region view opens with ("Dry needling may help
    neck pain."); a region where the documents name no problem has none and opens with
    the fixed "ask your therapist" notice instead.
    """

    id: RegionId
    label: ShortText
    message: Statement | None = None
    note: Statement | None = None


class Question(_Record):
    """A general question about dry needling, answered in plain words."""

    id: Slug
    question: ShortText
    answer: Text
    sources: tuple[Slug, ...]
    said_by: Slug | None = None


class Term(_Record):
    """A long word the app cannot avoid, with a plain explanation."""

    id: Slug
    term: ShortText
    meaning: Text
    sources: tuple[Slug, ...]


class Content(_Record):
    """Everything the app shows, as read from one content file."""

    version: int
    sources: tuple[Source, ...]
    key_points: tuple[Statement, ...]
    regions: tuple[Region, ...]
    conditions: tuple[Condition, ...]
    sensations: tuple[Sensation, ...]
    aftercare: tuple[Statement, ...]
    safety: tuple[Statement, ...]
    visits: tuple[Statement, ...]
    questions: tuple[Question, ...]
    claims: tuple[Statement, ...] = ()
    glossary: tuple[Term, ...] = ()
