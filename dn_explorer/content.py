"""Typed, frozen content records and the one loader that validates a content file.

The content file (``data/conditions.yaml``) is edited by clinic staff, so every
problem is reported as one plain line naming the file, the line and the field,
and the loader refuses hostile files (huge, not UTF-8, YAML alias bombs) in
bounded time and memory before any parsing work grows with them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, StringConstraints, ValidationError

from dn_explorer.regions import REGION_ORDER, RegionId

MAX_CONTENT_BYTES = 512 * 1024
"""A real content file is ~30 KB; anything far larger is a mistake or an attack."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=48)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=900)]


class _Record(BaseModel):
    """Base for content records: immutable, and unknown fields are typos, not data."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Source(_Record):
    """One of the clinic documents the app draws from."""

    id: Slug
    short: ShortText
    title: ShortText
    publisher: ShortText
    file: ShortText
    summary: Text


class Statement(_Record):
    """A plain-words statement and the documents that back it.

    ``said_by`` marks a claim that is one clinic's own (a speed, a percentage):
    the app shows it as that clinic's claim, not as fact.
    """

    id: Slug
    text: Text
    sources: tuple[Slug, ...]
    said_by: Slug | None = None


class Phase(StrEnum):
    """When a patient may feel something, in the order it happens."""

    DURING = "during"
    RIGHT_AFTER = "right-after"
    FIRST_DAYS = "first-days"
    OVER_VISITS = "over-visits"


class Sensation(Statement):
    """Something a patient may feel, and when; ``label`` is a few words for charts."""

    phase: Phase
    label: ShortText


class Condition(_Record):
    """A problem the documents say dry needling can address.

    An empty ``regions`` means the documents name it without a body part
    (arthritis, strains): it is listed for the whole body, not guessed into one.
    """

    id: Slug
    name: ShortText
    regions: tuple[RegionId, ...]
    text: Text
    sources: tuple[Slug, ...]
    search_terms: tuple[ShortText, ...] = ()


class Region(_Record):
    """A body-map region's label and, optionally, a sourced note about it."""

    id: RegionId
    label: ShortText
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
    regions: tuple[Region, ...]
    conditions: tuple[Condition, ...]
    sensations: tuple[Sensation, ...]
    aftercare: tuple[Statement, ...]
    safety: tuple[Statement, ...]
    visits: tuple[Statement, ...]
    questions: tuple[Question, ...]
    glossary: tuple[Term, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a content file, as a person should read it."""

    file: str
    line: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = _one_line(self.file)
        if self.line is not None:
            where += f", line {self.line}"
        if self.field:
            where += f", field {_one_line(self.field)}"
        return f"{where}: {_one_line(self.message)}"


def _one_line(text: str) -> str:
    """Show control characters (new lines, terminal escapes, bidi overrides) as escapes: one problem, one line."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


class ContentError(Exception):
    """A content file could not be loaded; ``problems`` says every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


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

    def is_covered(self, region: RegionId) -> bool:
        """True when the documents name at least one problem in this region."""
        return bool(self.conditions_by_region[region])

    def sensations_in(self, phase: Phase) -> tuple[Sensation, ...]:
        return tuple(s for s in self.content.sensations if s.phase is phase)

    def source_names(self, ids: Iterable[str]) -> list[str]:
        return [self.sources_by_id[i].short for i in ids]

    def statements_citing(self, source_id: str) -> list[str]:
        """Plain labels of everything the app draws from one document."""
        c = self.content
        cited: list[str] = []
        cited += [f"Condition: {x.name}" for x in c.conditions if source_id in x.sources]
        cited += [f"Feeling: {x.text}" for x in c.sensations if source_id in x.sources]
        cited += [f"Aftercare: {x.text}" for x in c.aftercare if source_id in x.sources]
        cited += [f"Safety: {x.text}" for x in c.safety if source_id in x.sources]
        cited += [f"Visits: {x.text}" for x in c.visits if source_id in x.sources]
        cited += [f"Question: {x.question}" for x in c.questions if source_id in x.sources]
        cited += [f"Word explained: {x.term}" for x in c.glossary if source_id in x.sources]
        cited += [f"{r.label}: {r.note.text}" for r in c.regions if r.note and source_id in r.note.sources]
        return cited


# --- reading -----------------------------------------------------------------


def load_content(path: Path) -> ContentIndex:
    """Read, parse and validate a content file; raise ContentError with every problem."""
    name = path.name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_CONTENT_BYTES:
            raise ContentError([Problem(name, None, None, f"is {size} bytes; the limit is {MAX_CONTENT_BYTES} bytes")])
        # Never read more than the limit allows, even from a file that grows or never ends (a device).
        with path.open("rb") as stream:
            raw = stream.read(MAX_CONTENT_BYTES + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ContentError([Problem(name, None, None, f"cannot be read ({reason})")]) from None
    return parse_content(raw, name)


def parse_content(raw: bytes, name: str = "conditions.yaml") -> ContentIndex:
    """Validate content given as bytes; ``name`` is what messages call the file."""
    if len(raw) > MAX_CONTENT_BYTES:
        raise ContentError([Problem(name, None, None, f"is too large; the limit is {MAX_CONTENT_BYTES} bytes")])
    text = _decode(raw, name)
    root = _compose(text, name)
    data = _construct(root, text, name) if root is not None else None
    if data is None:
        raise ContentError([Problem(name, None, None, "is empty; it needs the content sections")])
    if not isinstance(data, dict):
        raise ContentError(
            [Problem(name, root.start_mark.line + 1, None, "must be a mapping of sections, not a list or a value")]
        )
    try:
        content = Content.model_validate(data)
    except ValidationError as exc:
        raise ContentError(_first_problems(_pydantic_problems(exc, root, name), name)) from None
    problems = _first_problems(_cross_reference_problems(content, root, name), name)
    if problems:
        raise ContentError(problems)
    return ContentIndex.build(content)


MAX_NESTING = 16
"""The content file nests five levels deep; far deeper nesting only exhausts the parser's recursion."""

MAX_YAML_EVENTS = 50_000
"""The real file is under 2,000 YAML events (values, lists, mappings); the cap keeps the work on a hostile one small."""

MAX_PROBLEMS = 50
"""A badly broken file is reported by its first problems, not by thousands of lines."""

_LIBYAML = getattr(yaml, "__with_libyaml__", False)
_Loader: type[yaml.SafeLoader] = yaml.CSafeLoader if _LIBYAML else yaml.SafeLoader  # type: ignore[assignment]
"""libyaml reads a full-size file several times faster than pure Python, with the same safe constructors."""


def _first_problems(problems: Iterable[Problem], name: str) -> list[Problem]:
    first = list(islice(problems, MAX_PROBLEMS + 1))
    if len(first) > MAX_PROBLEMS:
        first[MAX_PROBLEMS:] = [
            Problem(name, None, None, f"has more problems than the {MAX_PROBLEMS} above; fix those and check again")
        ]
    return first


def _decode(raw: bytes, name: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(
            [Problem(name, line, None, f"has bytes that are not UTF-8 text (byte {exc.start})")]
        ) from None


def _compose(text: str, name: str) -> yaml.Node | None:
    """Build the YAML node tree, refusing anchors, aliases, tags and deep nesting.

    Aliases are how a "billion laughs" file turns a few lines into an
    exponential tree, tags (``!!python/...``) ask for objects rather than text,
    and deep nesting exhausts the recursive composer; a content file needs none
    of them, so the event stream is checked before any node is built.
    """
    try:
        depth = 0
        for count, event in enumerate(yaml.parse(text, Loader=_Loader)):
            line = event.start_mark.line + 1
            if count >= MAX_YAML_EVENTS:
                raise ContentError(
                    [Problem(name, line, None, f"has more than {MAX_YAML_EVENTS} YAML values; that is far too many")]
                )
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise ContentError(
                    [Problem(name, line, None, "uses YAML anchors or aliases (& or *), which are not allowed")]
                )
            tag = getattr(event, "tag", None)
            if tag is not None:
                raise ContentError(
                    [Problem(name, line, None, f"uses the YAML tag {_tag(tag)}, which is not allowed; use plain text")]
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_NESTING:
                    raise ContentError([Problem(name, line, None, f"nests more than {MAX_NESTING} levels deep")])
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        raise ContentError([_yaml_problem(exc, text, name)]) from None
    if root is not None:
        duplicates = list(_duplicate_keys(root, name))
        if duplicates:
            raise ContentError(duplicates)
    return root


def _yaml_problem(exc: yaml.YAMLError, text: str, name: str) -> Problem:
    """One plain line for a YAML error (PyYAML's own messages span several lines)."""
    if isinstance(exc, yaml.reader.ReaderError):
        # libyaml counts UTF-8 bytes, the pure-Python reader characters.
        before = text.encode("utf-8")[: exc.position] if _LIBYAML else text[: exc.position].encode("utf-8")
        line = before.count(b"\n") + 1
        char = exc.character if isinstance(exc.character, int) else 0
        return Problem(name, line, None, f"has a character YAML does not allow (U+{char:04X})")
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "is not valid YAML"
        return Problem(name, line, None, f"is not valid YAML: {reason}")
    return Problem(name, None, None, "is not valid YAML")


def _duplicate_keys(root: yaml.Node, name: str) -> Iterator[Problem]:
    """A key given twice in one mapping: YAML would silently keep only the last."""
    stack: list[tuple[yaml.Node, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        yield Problem(
                            name,
                            key.start_mark.line + 1,
                            _field_name((*loc, key.value)),
                            "is given twice in the same place; YAML would silently keep only the last one",
                        )
                    seen.add(key.value)
                stack.append((value, (*loc, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*loc, i)) for i, child in enumerate(node.value))


class _UnreadableValue(yaml.constructor.ConstructorError):
    def __init__(self, node: yaml.Node, reason: str) -> None:
        super().__init__(None, None, reason, node.start_mark)
        self.node = node


class _ContentLoader(_Loader):  # type: ignore[misc, valid-type]
    """The safe loader, but a value it cannot convert (a 13th month, a 5000-digit number) is a YAML error."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError, TypeError) as exc:
            reason = f"cannot read the value {_short(node.value)} ({_short(exc, 60)}); put it in quotes"
            raise _UnreadableValue(node, reason) from None


def _construct(root: yaml.Node, text: str, name: str) -> Any:
    loader = _ContentLoader(text)
    try:
        return loader.construct_document(root)
    except _UnreadableValue as exc:
        loc = _loc_of(root, exc.node)
        raise ContentError(
            [Problem(name, exc.node.start_mark.line + 1, _field_name(loc) if loc else None, str(exc.problem))]
        ) from None
    except yaml.YAMLError as exc:
        raise ContentError([_yaml_problem(exc, text, name)]) from None
    finally:
        loader.dispose()


def _loc_of(root: yaml.Node, target: yaml.Node) -> tuple[Any, ...] | None:
    """Where a node sits in the tree, as a field path (the tree is small: a bounded walk)."""
    stack: list[tuple[yaml.Node, tuple[Any, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        if node is target:
            return loc
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, (*loc, key.value)) for key, value in node.value if isinstance(key, yaml.ScalarNode))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((child, (*loc, i)) for i, child in enumerate(node.value))
    return None


def _tag(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return shown if len(shown) <= 40 else shown[:40] + "…"


def _short(value: object, limit: int = 40) -> str:
    """A value quoted for a message, cut short: a message never repeats a huge input."""
    text = value if isinstance(value, str) else str(value)
    if isinstance(value, str):
        text = repr(value) if len(value) <= limit else repr(value[:limit]) + "…"
    elif len(text) > limit:
        text = text[:limit] + "…"
    return text


def _node_at(root: yaml.Node, loc: Iterable[Any]) -> tuple[yaml.Node, bool]:
    """The deepest node along ``loc``, and whether the whole path was found."""
    node = root
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == part:
                    child = value
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            child = node.value[part]
        if child is None:
            return node, False
        node = child
    return node, True


def _field_name(loc: Iterable[Any]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _pydantic_problems(exc: ValidationError, root: yaml.Node, name: str) -> Iterator[Problem]:
    for error in exc.errors(include_url=False):
        # Drop the model-class names pydantic puts in a union's location, but keep
        # an unknown key as written (it may start with a capital or any character).
        *parents, last = error["loc"] or ("",)
        loc = [p for p in parents if isinstance(p, int) or p[:1].islower()]
        if isinstance(last, int) or last[:1].islower() or error["type"] == "extra_forbidden":
            loc.append(last)
        node, _ = _node_at(root, loc)
        yield Problem(name, node.start_mark.line + 1, _field_name(loc), _plain_message(error))


def _plain_message(error: Any) -> str:
    kind = error["type"]
    if kind == "missing":
        return "is required but missing"
    if kind == "extra_forbidden":
        return "is not a known field (check the spelling)"
    if kind == "enum":
        allowed = error.get("ctx", {}).get("expected", "")
        return f"has value {_short(error['input'])}, which is not one of {allowed}"
    if kind == "string_pattern_mismatch":
        return f"has {_short(error['input'])}; ids use lower-case letters, digits and dashes"
    if kind == "string_type":
        return f"should be text (a string), not {_what(error['input'])}"
    if kind in {"int_type", "int_parsing", "int_from_float", "finite_number"}:
        return f"should be a whole number (an integer), not {_what(error['input'])}"
    if kind in {"tuple_type", "list_type"}:
        return f"should be a list (lines starting with -), not {_what(error['input'])}"
    if kind in {"model_type", "dict_type", "model_attributes_type"}:
        return f"should be a mapping of fields (name: value lines), not {_what(error['input'])}"
    if kind == "string_too_long":
        limit = error.get("ctx", {}).get("max_length")
        return f"is {len(error['input'])} characters long; at most {limit} characters are allowed"
    if kind == "string_too_short":
        return "is empty; at least 1 character is needed"
    return str(error["msg"]).rstrip(".")


def _what(value: object) -> str:
    """A plain name for what a YAML value turned out to be."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return f"the text {_short(value)}"
    if isinstance(value, list | tuple):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "a date" if type(value).__name__ in {"date", "datetime"} else "that value"


def _cross_reference_problems(content: Content, root: yaml.Node, name: str) -> Iterator[Problem]:
    """Checks that need the whole file: ids exist, are unique, every region is present."""
    source_ids = {s.id for s in content.sources}

    def at(*loc: Any) -> Problem:
        node, _ = _node_at(root, loc)
        return Problem(name, node.start_mark.line + 1, _field_name(loc), "")

    def problem(message: str, *loc: Any) -> Problem:
        base = at(*loc)
        return Problem(base.file, base.line, base.field, message)

    sections: dict[str, tuple[Any, ...]] = {
        "sources": content.sources,
        "conditions": content.conditions,
        "sensations": content.sensations,
        "aftercare": content.aftercare,
        "safety": content.safety,
        "visits": content.visits,
        "questions": content.questions,
        "glossary": content.glossary,
    }
    for section, items in sections.items():
        counts = Counter(item.id for item in items)
        for index, item in enumerate(items):
            if counts[item.id] > 1:
                yield problem(f"duplicate id {item.id!r} in {section}", section, index, "id")
            for s_index, source in enumerate(getattr(item, "sources", ())):
                if source not in source_ids:
                    yield problem(
                        f"source id {source!r} is not in the sources list", section, index, "sources", s_index
                    )
            if section != "sources" and not getattr(item, "sources", ("x",)):
                yield problem("needs at least one source id", section, index, "sources")
            said_by = getattr(item, "said_by", None)
            if said_by is not None and said_by not in source_ids:
                yield problem(f"source id {said_by!r} is not in the sources list", section, index, "said_by")

    region_counts = Counter(r.id for r in content.regions)
    for index, region in enumerate(content.regions):
        if region_counts[region.id] > 1:
            yield problem(f"duplicate region {region.id.value!r}", "regions", index, "id")
        if region.note is not None:
            for s_index, source in enumerate(region.note.sources):
                if source not in source_ids:
                    yield problem(
                        f"source id {source!r} is not in the sources list", "regions", index, "note", "sources", s_index
                    )
            if not region.note.sources:
                yield problem("needs at least one source id", "regions", index, "note", "sources")
    missing = [r.value for r in REGION_ORDER if r not in region_counts]
    if missing:
        yield problem(f"has no entry for region(s) {', '.join(missing)}", "regions")
