"""A content file in another language, checked against the English reference (``data/conditions.yaml``).

A translation (``data/conditions.<code>.yaml``) has the same records as the English, item for item:
the same ids in the same order, the same sources, ``said_by``, regions, phases and pictures. Only
the words change. It is refused, with file, line and field, where it misses or adds an item, changes
what backs a statement, or has other numbers than the English (24-48, 2, 70-80 %), the commonest
mistranslation. Search words are the language's own and are not compared.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from dn_explorer.content import MAX_CONTENT_BYTES, ContentIndex, _cross_reference_problems
from dn_explorer.problems import ContentError, Problem, first_problems
from dn_explorer.records import Content
from dn_explorer.yaml_guard import problem_at, read_bounded, read_model

KEPT = frozenset(
    {"id", "version", "sources", "said_by", "same_text_as", "regions", "phase", "pictures", "on_timeline",
     "placed_by_name", "title", "file"}
)  # fmt: skip
"""Fields a translation keeps exactly as the English has them (the documents' own titles included).
A document's short name is the app's, so it is the language's own: a clinic's name stays as it is,
a description ("Unnamed clinic") is translated; so is who published one."""

FREE = frozenset({"search_terms"})
"""Fields that are the language's own (what its speakers type)."""

NUMBER = re.compile(r"\d+")


def _numbers(text: str) -> Counter[str]:
    return Counter(NUMBER.findall(text))


def _records(value: Any) -> bool:
    """A list of records (the sources or regions section), compared field by field, not kept whole."""
    return isinstance(value, list | tuple) and any(isinstance(item, dict) for item in value)


def _parity(english: Any, translated: Any, loc: tuple[Any, ...]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """(message, field path) for every way ``translated`` differs from ``english`` in more than words."""
    if isinstance(english, dict) and isinstance(translated, dict):
        for key in english.keys() | translated.keys():
            if key in FREE:
                continue
            here = (*loc, key)
            if key not in translated or key not in english:
                yield (f"has {key!r} where the English has none" if key not in english else f"misses {key!r}"), loc
            elif key in KEPT and not _records(english[key]):
                if english[key] != translated[key]:
                    yield f"must be the same as in the English ({english[key]!r})", here
            else:
                yield from _parity(english[key], translated[key], here)
    elif isinstance(english, list | tuple) and isinstance(translated, list | tuple):
        if len(english) != len(translated):
            yield f"has {len(translated)} items where the English has {len(english)}", loc
        for i, (a, b) in enumerate(zip(english, translated, strict=False)):
            yield from _parity(a, b, (*loc, i))
    elif isinstance(english, str) and isinstance(translated, str):
        if _numbers(english) != _numbers(translated):
            want = ", ".join(sorted(_numbers(english).elements())) or "none"
            yield f"has other numbers than the English (the English has: {want})", loc
    elif (english is None) != (translated is None):
        yield "is missing here or in the English", loc


def parse_translation(reference: ContentIndex, raw: bytes, name: str) -> ContentIndex:
    """Validate a translated content file (bytes) against the English ``reference``."""
    content, root = read_model(raw, name, Content, MAX_CONTENT_BYTES, empty="the content sections")
    own = list(_cross_reference_problems(content, root, name))
    english = reference.content.model_dump(mode="json")
    differences = _parity(english, content.model_dump(mode="json"), ())
    problems = first_problems([*own, *_located(root, name, differences)], name)
    if problems:
        raise ContentError(problems)
    return ContentIndex.build(content)


def _located(root: yaml.Node, name: str, found: Iterator[tuple[str, tuple[Any, ...]]]) -> Iterator[Problem]:
    for message, loc in found:
        yield problem_at(root, name, message, *loc)


def load_translation(reference: ContentIndex, path: Path) -> ContentIndex:
    return parse_translation(reference, read_bounded(path, MAX_CONTENT_BYTES), path.name)
