"""Command line check of a content or clinic file: ``python -m dn_explorer.check path``.

A file whose name starts with ``clinic`` is checked as a clinic file; ``conditions.<code>.yaml`` as a
translation, against the English ``conditions.yaml`` beside it; any other as content.
Prints one line per problem and exits 1, or prints a one-line summary and exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from dn_explorer.clinic import load_clinic
from dn_explorer.content import ContentError, load_content
from dn_explorer.paths import CONTENT_FILE
from dn_explorer.translation import load_translation


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    path = Path(args[0]) if args else CONTENT_FILE
    try:
        if path.name.startswith("clinic"):
            clinic = load_clinic(path)
            print(f"{path.name}: OK ({len(clinic.call_us_if)} lines, name {'set' if clinic.name else 'not set'})")
            return 0
        parts = path.name.split(".")
        if len(parts) == 3 and parts[0] == "conditions":
            index = load_translation(load_content(path.with_name("conditions.yaml")), path)
        else:
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
