"""Composite components (``explorer_ui.components.from_parts``): each part's module kept as written."""

from __future__ import annotations

import pytest

from explorer_ui.components import Part, from_parts


@pytest.mark.parametrize(
    ("source", "ok"),
    [
        ("export default function ({ data }) {\n  return data;\n}\n", True),
        ("const A = 1;\nexport default function () {}\n", True),
        ("function helper() {}\n", False),  # no default export
        ("export default function () {}\nexport default function () {}\n", False),
        ('import x from "./x.js";\nexport default function () {}\n', False),
        ("export const a = 1;\nexport default function () {}\n", False),
    ],
)
def test_a_part_is_one_plain_module(tmp_path, source, ok):
    (tmp_path / "p.js").write_text(source, encoding="utf-8")
    part = Part(tmp_path, "p")
    if ok:
        code = part.code()
        assert code.startswith("{\n")  # a block of its own: its top-level names stay its own
        assert code.endswith("\n}\n")
        assert "function dnPart_p (" in code or "function dnPart_p(" in code
        assert code.rstrip().endswith('dnParts["p"] = dnPart_p;\n}')
        assert "export" not in code
    else:
        with pytest.raises(ValueError, match=r"p\.js"):
            part.code()


@pytest.mark.parametrize("stems", [("a", "a"), ("a", "B"), ("a", 'x"]')])
def test_part_names_are_distinct_words(tmp_path, stems):
    for stem in set(stems):
        (tmp_path / f"{stem}.js").write_text("export default function () {}\n", encoding="utf-8")
        (tmp_path / f"{stem}.html").write_text("<p></p>", encoding="utf-8")
    with pytest.raises(ValueError, match="part names"):
        from_parts("dn_test_parts", tuple(Part(tmp_path, stem) for stem in stems))


def test_the_page_bar_writes_words_into_its_markup_escaped():
    from explorer_ui.page_bar import CONTROLS_DIR, _filled

    values = {
        "smaller": "<b>A−</b>",
        "bigger": '"A+" & more',
        "smaller_help": "x",
        "bigger_help": "y",
        "status": "<img src=x onerror=alert(1)>",
        "languages": "",
    }
    markup = _filled(CONTROLS_DIR, "controls", values)
    assert "<b>" not in markup
    assert "<img" not in markup
    assert "&lt;b&gt;A−&lt;/b&gt;" in markup
    assert "&quot;A+&quot; &amp; more" in markup
