"""Find body regions from everyday words: "tennis elbow", "TMJ", "sciatica", "heel pain".

Matching is forgiving of case, accents ("ciatica" finds "ciática"), punctuation and small typos
(rapidfuzz), works in the content's own language (its names and search words), and
only ever looks at the content's own names and search terms: the query text is
never shown back as markup and never used as a path.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils

from dn_explorer.content import Condition, ContentIndex
from dn_explorer.regions import REGION_ORDER, RegionId

MAX_QUERY_CHARS = 80
MIN_SCORE = 82.0
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SearchResult:
    """What a search found: the regions to show, best first, and the conditions that matched."""

    query: str
    regions: tuple[RegionId, ...]
    conditions: tuple[Condition, ...]

    @property
    def found(self) -> bool:
        return bool(self.regions)


def _fold(text: str) -> str:
    """Accents off ("ciática" and "ciatica" match), and ñ kept apart from n only by its base letter."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def normalise(text: str) -> str:
    """Lower-case words only, accents folded, bounded in length: what matching compares."""
    return " ".join(_WORDS.findall(utils.default_process(_fold(text[: MAX_QUERY_CHARS * 2]))))[:MAX_QUERY_CHARS]


def _choices(index: ContentIndex) -> list[tuple[str, Condition | RegionId]]:
    """Every phrase that can be matched, with what it leads to."""
    choices: list[tuple[str, Condition | RegionId]] = []
    for condition in index.content.conditions:
        # A whole-body problem (arthritis) matches too, but leads to no one region.
        for phrase in (condition.name, *condition.search_terms):
            choices.append((normalise(phrase), condition))
    for region in REGION_ORDER:
        choices.append((normalise(index.region_label(region)), region))
        choices.append((normalise(region.value.replace("-", " ")), region))
    return choices


def find_regions(index: ContentIndex, text: str) -> SearchResult:
    """The regions whose conditions (or names) match ``text``, best match first."""
    query = normalise(text if isinstance(text, str) else "")
    if len(query) < 2:
        return SearchResult(query, (), ())
    choices = _choices(index)
    phrases = [phrase for phrase, _ in choices]
    scored: dict[int, float] = {}
    for scorer in (fuzz.ratio, fuzz.token_set_ratio):
        for _, score, position in process.extract(query, phrases, scorer=scorer, score_cutoff=MIN_SCORE, limit=None):
            scored[position] = max(scored.get(position, 0.0), score)
    if not scored:
        return SearchResult(query, (), ())
    best = max(scored.values())
    # Keep only near-best matches so "back" does not also pull in "back of thigh" noise.
    keep = sorted((p for p, s in scored.items() if s >= best - 6), key=lambda p: -scored[p])
    regions: list[RegionId] = []
    conditions: list[Condition] = []
    for position in keep:
        target = choices[position][1]
        if isinstance(target, RegionId):
            new_regions: tuple[RegionId, ...] = (target,)
        else:
            new_regions = target.regions
            if target not in conditions:
                conditions.append(target)
        regions += [r for r in new_regions if r not in regions]
    return SearchResult(query, tuple(regions), tuple(conditions))
