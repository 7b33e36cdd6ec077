"""How a broken file is reported: one plain line per problem, naming the file, the line and the field."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import islice

MAX_PROBLEMS = 50
"""A badly broken file is reported by its first problems, not by thousands of lines."""


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
    """A content (or clinic) file could not be loaded; ``problems`` says every reason."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def first_problems(problems: Iterable[Problem], name: str) -> list[Problem]:
    first = list(islice(problems, MAX_PROBLEMS + 1))
    if len(first) > MAX_PROBLEMS:
        first[MAX_PROBLEMS:] = [
            Problem(name, None, None, f"has more problems than the {MAX_PROBLEMS} above; fix those and check again")
        ]
    return first
