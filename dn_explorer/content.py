"""The content file: one loader that validates it once, and the index of look-ups the pages need.

The content file (``data/conditions.yaml``) is edited by clinic staff, so every problem is
reported as one plain line naming the file, the line and the field (``dn_explorer.problems``),
and hostile files are refused before parsing work grows with them (``dn_explorer.yaml_guard``).
The records themselves are in ``dn_explorer.records``; ``SECTIONS`` is the one table of the
file's statement sections, which the cross-checks, the Sources page and the readability and
patient-voice tests all read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from dn_explorer.problems import MAX_PROBLEMS, ContentError, Problem, first_problems
from dn_explorer.records import (
    Condition,
    Content,
    Phase,
    Question,
    Region,
    Sensation,
    Source,
    Statement,
    Term,
)
from dn_explorer.regions import REGION_ORDER, RegionId
from dn_explorer.yaml_guard import problem_at, read_bounded, read_model

__all__ = [
    "MAX_CONTENT_BYTES",
    "MAX_PROBLEMS",
    "SECTIONS",
    "Condition",
    "Content",
    "ContentError",
    "ContentIndex",
    "Phase",
    "Problem",
    "Question",
    "Region",
    "Section",
    "Sensation",
    "Source",
    "Statement",
    "Term",
    "load_content",
    "parse_content",
]

MAX_CONTENT_BYTES = 512 * 1024
"""A real content file is ~30 KB; anything far larger is a mistake or an attack."""


@dataclass(frozen=True)
class Section:
    """One list of sourced items in the content file.

    ``kind`` is how the Sources page names an item of it; ``title`` and ``text`` read an
    item's short name and its patient-facing text.
    """

    name: str
    kind: str
    title: Callable[[Any], str]
    text: Callable[[Any], str]


def _text(item: Any) -> str:
    return str(item.text)


SECTIONS: tuple[Section, ...] = (
    Section("key_points", "Main message", _text, _text),
    Section("conditions", "Condition", lambda c: c.name, _text),
    Section("sensations", "Feeling", _text, _text),
    Section("aftercare", "Aftercare", _text, _text),
    Section("safety", "Safe care", _text, _text),
    Section("visits", "Visits", _text, _text),
    Section("questions", "Question", lambda q: q.question, lambda q: q.answer),
    Section("claims", "A clinic's own claim", _text, _text),
    Section("glossary", "Word explained", lambda t: t.term, lambda t: t.meaning),
)
"""Every statement section, in the order the file has them (regions' messages and notes aside)."""


@dataclass(frozen=True)
class ContentIndex:
    """Validated content plus the look-ups the pages need, built once."""

    content: Content
    sources_by_id: dict[str, Source] = field(repr=False)
    regions_by_id: dict[RegionId, Region] = field(repr=False)
    conditions_by_region: dict[RegionId, tuple[Condition, ...]] = field(repr=False)

    @classmethod
    def build(cls, content: Content) -> ContentIndex:
        by_region: dict[RegionId, list[Condition]] = {r: [] for r in REGION_ORDER}
        for condition in content.conditions:
            for region in condition.regions:
                by_region[region].append(condition)
        return cls(
            content=content,
            sources_by_id={s.id: s for s in content.sources},
            regions_by_id={r.id: r for r in content.regions},
            conditions_by_region={r: tuple(c) for r, c in by_region.items()},
        )

    def region_label(self, region: RegionId) -> str:
        return self.regions_by_id[region].label

    def conditions_for(self, region: RegionId) -> tuple[Condition, ...]:
        return self.conditions_by_region[region]

    @property
    def whole_body_conditions(self) -> tuple[Condition, ...]:
        return tuple(c for c in self.content.conditions if not c.regions)

    @property
    def placed_by_name(self) -> tuple[Condition, ...]:
        """Problems the app puts on the body from their own name (no document says where they are felt)."""
        return tuple(c for c in self.content.conditions if c.placed_by_name)

    def is_covered(self, region: RegionId) -> bool:
        """True when the documents name at least one problem in this region."""
        return bool(self.conditions_by_region[region])

    def sensations_in(self, phase: Phase) -> tuple[Sensation, ...]:
        return tuple(s for s in self.content.sensations if s.phase is phase)

    def independent_count(self, ids: Iterable[str]) -> int:
        """How many separate voices back a statement: two copies of one text count once."""
        return len({self.sources_by_id[i].same_text_as or i for i in ids})

    def source_names(self, ids: Iterable[str]) -> list[str]:
        return [self.sources_by_id[i].short for i in ids]

    def section_items(self, section: Section) -> tuple[Any, ...]:
        return tuple(getattr(self.content, section.name))

    def region_statements(self) -> Iterator[tuple[Region, str, Statement]]:
        """Each region's message and note, with the field they sit in."""
        for region in self.content.regions:
            for kind in ("message", "note"):
                statement = getattr(region, kind)
                if statement is not None:
                    yield region, kind, statement

    def statements_citing(self, source_id: str) -> list[str]:
        """Plain labels of everything the app draws from one document."""
        cited = [
            f"{section.kind}: {section.title(item)}"
            for section in SECTIONS
            for item in self.section_items(section)
            if source_id in item.sources
        ]
        cited += [f"{r.label}: {s.text}" for r, _, s in self.region_statements() if source_id in s.sources]
        return cited


def load_content(path: Path) -> ContentIndex:
    """Read, parse and validate a content file; raise ContentError with every problem."""
    return parse_content(read_bounded(path, MAX_CONTENT_BYTES), path.name or str(path))


def parse_content(raw: bytes, name: str = "conditions.yaml") -> ContentIndex:
    """Validate content given as bytes; ``name`` is what messages call the file."""
    content, root = read_model(raw, name, Content, MAX_CONTENT_BYTES, empty="the content sections")
    problems = first_problems(_cross_reference_problems(content, root, name), name)
    if problems:
        raise ContentError(problems)
    return ContentIndex.build(content)


def _cross_reference_problems(content: Content, root: yaml.Node, name: str) -> Iterator[Problem]:
    """Checks that need the whole file: ids exist and are unique, every region is present and has its message."""
    source_ids = {s.id for s in content.sources}

    def problem(message: str, *loc: Any) -> Problem:
        return problem_at(root, name, message, *loc)

    def check_sources(item: Any, *loc: Any) -> Iterator[Problem]:
        for s_index, source in enumerate(item.sources):
            if source not in source_ids:
                yield problem(f"source id {source!r} is not in the sources list", *loc, "sources", s_index)
        if not item.sources:
            yield problem("needs at least one source id", *loc, "sources")
        said_by = getattr(item, "said_by", None)
        if said_by is not None and said_by not in source_ids:
            yield problem(f"source id {said_by!r} is not in the sources list", *loc, "said_by")

    source_counts = Counter(s.id for s in content.sources)
    for s_index, source in enumerate(content.sources):
        if source_counts[source.id] > 1:
            yield problem(f"duplicate id {source.id!r} in sources", "sources", s_index, "id")
        if source.same_text_as is not None and source.same_text_as not in source_ids:
            yield problem(
                f"source id {source.same_text_as!r} is not in the sources list", "sources", s_index, "same_text_as"
            )
    for section in SECTIONS:
        items = getattr(content, section.name)
        counts = Counter(item.id for item in items)
        for i, item in enumerate(items):
            if counts[item.id] > 1:
                yield problem(f"duplicate id {item.id!r} in {section.name}", section.name, i, "id")
            yield from check_sources(item, section.name, i)
    for i, claim in enumerate(content.claims):
        if claim.said_by is None:
            yield problem("a clinic's own claim needs said_by: the clinic whose claim it is", "claims", i, "said_by")

    # A timeline (any sensation on it) shows every phase that has sensations: none may be left blank.
    on_timeline = {s.phase for s in content.sensations if s.on_timeline}
    if on_timeline:
        for phase in dict.fromkeys(s.phase for s in content.sensations):
            if phase not in on_timeline:
                yield problem(f"no sensation has on_timeline: true for phase {phase.value!r}", "sensations")

    region_counts = Counter(r.id for r in content.regions)
    covered = {region for condition in content.conditions for region in condition.regions}
    for i, region in enumerate(content.regions):
        if region_counts[region.id] > 1:
            yield problem(f"duplicate region {region.id.value!r}", "regions", i, "id")
        for kind in ("message", "note"):
            statement = getattr(region, kind)
            if statement is not None:
                yield from check_sources(statement, "regions", i, kind)
        if region.id in covered and region.message is None:
            yield problem("needs a message: a problem is shown in this region", "regions", i, "message")
    missing = [r.value for r in REGION_ORDER if r not in region_counts]
    if missing:
        yield problem(f"has no entry for region(s) {', '.join(missing)}", "regions")
