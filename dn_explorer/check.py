"""Command line check of a content file: ``python -m dn_explorer.check path``.

Prints one line per problem and exits 1, or prints a one-line summary and exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dn_explorer.content import ContentError, load_content
from dn_explorer.paths import CONTENT_FILE


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else CONTENT_FILE
    try:
        index = load_content(path)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 1
    c = index.content
    print(
        f"{path.name}: OK ({len(c.sources)} sources, {len(c.regions)} regions, "
        f"{len(c.conditions)} conditions, {len(c.questions)} questions)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
