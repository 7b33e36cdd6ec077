"""Reading a YAML file that people edit by hand, safely: bounded size, no aliases or tags, no deep nesting.

A hostile or broken file (huge, not UTF-8, a YAML alias bomb, a key given twice) is refused
in bounded time and memory before any parsing work grows with it; every problem becomes a
``Problem`` naming the file, the line and the field. ``read_model`` does all of it for any
pydantic model: the content file and the clinic file share it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml
from pydantic import BaseModel, ValidationError

from dn_explorer.problems import ContentError, Problem, first_problems

M = TypeVar("M", bound=BaseModel)


def read_bounded(path: Path, limit: int) -> bytes:
    """A file's bytes, never more than ``limit`` (even from a file that grows or never ends: a device)."""
    name = path.name or str(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ContentError([Problem(name, None, None, f"is {size} bytes; the limit is {limit} bytes")])
        with path.open("rb") as stream:
            return stream.read(limit + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ContentError([Problem(name, None, None, f"cannot be read ({reason})")]) from None


def read_model(raw: bytes, name: str, model: type[M], limit: int, empty: str) -> tuple[M, yaml.Node]:
    """Validate YAML bytes as ``model``; return it and the node tree (for line numbers of later checks).

    ``empty`` says what an empty file lacks. Raises ContentError with every problem found.
    """
    if len(raw) > limit:
        raise ContentError([Problem(name, None, None, f"is too large; the limit is {limit} bytes")])
    text = _decode(raw, name)
    root = _compose(text, name)
    data = _construct(root, text, name) if root is not None else None
    if root is None or data is None:
        raise ContentError([Problem(name, None, None, f"is empty; it needs {empty}")])
    if not isinstance(data, dict):
        raise ContentError(
            [Problem(name, root.start_mark.line + 1, None, "must be a mapping of sections, not a list or a value")]
        )
    try:
        return model.model_validate(data), root
    except ValidationError as exc:
        raise ContentError(first_problems(pydantic_problems(exc, root, name), name)) from None


def problem_at(root: yaml.Node, name: str, message: str, *loc: Any) -> Problem:
    """A problem found after validation, at the line of the field ``loc`` names."""
    node, _ = node_at(root, loc)
    return Problem(name, node.start_mark.line + 1, field_name(loc), message)


MAX_NESTING = 16
"""The content file nests five levels deep; far deeper nesting only exhausts the parser's recursion."""

MAX_YAML_EVENTS = 50_000
"""The real file is under 2,000 YAML events (values, lists, mappings); the cap keeps the work on a hostile one small."""

_LIBYAML = getattr(yaml, "__with_libyaml__", False)
_Loader: type[yaml.SafeLoader] = yaml.CSafeLoader if _LIBYAML else yaml.SafeLoader  # type: ignore[assignment]
"""libyaml reads a full-size file several times faster than pure Python, with the same safe constructors."""


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
            line = cast(yaml.Mark, event.start_mark).line + 1  # the parser sets a mark on every event
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
        line: int | None = before.count(b"\n") + 1
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
                            field_name((*loc, key.value)),
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
            [Problem(name, exc.node.start_mark.line + 1, field_name(loc) if loc else None, str(exc.problem))]
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


def node_at(root: yaml.Node, loc: Iterable[Any]) -> tuple[yaml.Node, bool]:
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


def field_name(loc: Iterable[Any]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def pydantic_problems(exc: ValidationError, root: yaml.Node, name: str) -> Iterator[Problem]:
    for error in exc.errors(include_url=False):
        # Drop the model-class names pydantic puts in a union's location, but keep
        # an unknown key as written (it may start with a capital or any character).
        *parents, last = error["loc"] or ("",)
        loc = [p for p in parents if isinstance(p, int) or p[:1].islower()]
        if isinstance(last, int) or last[:1].islower() or error["type"] == "extra_forbidden":
            loc.append(last)
        node, _ = node_at(root, loc)
        yield Problem(name, node.start_mark.line + 1, field_name(loc), _plain_message(error))


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
        if str(error.get("ctx", {}).get("pattern", "")).startswith("^[a-z0-9]+"):
            return f"has {_short(error['input'])}; ids use lower-case letters, digits and dashes"
        allowed = "a phone number: digits, spaces, + ( ) - ."
        return f"has {_short(error['input'])}, which has characters not allowed here ({allowed})"
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
