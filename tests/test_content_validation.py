"""Table-driven tests of the content model: good files load, every kind of broken file is refused clearly."""

from __future__ import annotations

import copy
import time
import tracemalloc

import pytest
import yaml

from dn_explorer.check import main as check_main
from dn_explorer.content import MAX_CONTENT_BYTES, ContentError, parse_content
from dn_explorer.regions import REGION_ORDER


def minimal() -> dict:
    """The smallest valid content: one source, every region, one of each item."""
    return {
        "version": 1,
        "sources": [
            {"id": "doc-a", "short": "Doc A", "title": "A", "publisher": "Clinic A", "file": "a.txt", "summary": "All."}
        ],
        "regions": [{"id": r.value, "label": r.value.title()} for r in REGION_ORDER],
        "conditions": [
            {"id": "neck-pain", "name": "Neck pain", "regions": ["neck"], "text": "Listed.", "sources": ["doc-a"]}
        ],
        "sensations": [{"id": "twitch", "phase": "during", "text": "A twitch.", "sources": ["doc-a"]}],
        "aftercare": [{"id": "heat", "text": "Use heat.", "sources": ["doc-a"]}],
        "safety": [{"id": "sterile", "text": "Sterile needles.", "sources": ["doc-a"]}],
        "visits": [{"id": "several", "text": "Several visits.", "sources": ["doc-a"]}],
        "questions": [{"id": "what", "question": "What?", "answer": "This.", "sources": ["doc-a"]}],
    }


def dump(data: object) -> bytes:
    return yaml.safe_dump(data, sort_keys=False).encode()


def with_change(change) -> bytes:
    data = minimal()
    change(data)
    return dump(data)


def line_of(raw: bytes, needle: str) -> int:
    return raw.decode().splitlines().index(next(x for x in raw.decode().splitlines() if needle in x)) + 1


def test_minimal_content_loads():
    index = parse_content(dump(minimal()))
    assert [c.id for c in index.conditions_for(REGION_ORDER[2])] == ["neck-pain"]
    assert index.is_covered(REGION_ORDER[2])
    assert not index.is_covered(REGION_ORDER[0])


BAD_FILES = [
    # (name, raw bytes, expected fragment of the message, expected field or None)
    ("yaml syntax", b"version: 1\nsources: [\n  - id: x\n", "not valid YAML", None),
    ("empty file", b"", "is empty", None),
    ("only a comment", b"# nothing here\n", "is empty", None),
    ("not utf-8", b"version: 1\nsources: \xff\xfe\n", "not UTF-8", None),
    ("top-level list", b"- a\n- b\n", "must be a mapping", None),
    ("missing field", with_change(lambda d: d["conditions"][0].pop("text")), "required", "conditions[0].text"),
    (
        "unknown source id",
        with_change(lambda d: d["aftercare"][0].update(sources=["nope"])),
        "'nope' is not in the sources list",
        "aftercare[0].sources[0]",
    ),
    (
        "unknown region id",
        with_change(lambda d: d["conditions"][0].update(regions=["tail"])),
        "'tail'",
        "conditions[0].regions[0]",
    ),
    (
        "duplicate id",
        with_change(lambda d: d["aftercare"].append(copy.deepcopy(d["aftercare"][0]))),
        "duplicate id 'heat'",
        "aftercare[1].id",
    ),
    ("wrong type", with_change(lambda d: d["safety"][0].update(text=42)), "string", "safety[0].text"),
    ("list where text goes", with_change(lambda d: d["visits"][0].update(text=["a"])), "string", "visits[0].text"),
    ("misspelt field", with_change(lambda d: d["safety"][0].update(sorces=["doc-a"])), "not a known field", None),
    ("bad phase", with_change(lambda d: d["sensations"][0].update(phase="later")), "'later'", "sensations[0].phase"),
    ("missing region", with_change(lambda d: d["regions"].pop()), "no entry for region(s) foot", "regions"),
    ("no sources", with_change(lambda d: d["safety"][0].update(sources=[])), "at least one source", None),
    (
        "said_by unknown",
        with_change(lambda d: d["questions"][0].update(said_by="ghost")),
        "'ghost' is not in the sources list",
        "questions[0].said_by",
    ),
    ("anchors", b"version: 1\nsources: &s []\nregions: *s\n", "anchors or aliases", None),
    ("oversized", b"#" * (MAX_CONTENT_BYTES + 1), "limit is", None),
]


@pytest.mark.parametrize(("raw", "fragment", "field"), [row[1:] for row in BAD_FILES], ids=[r[0] for r in BAD_FILES])
def test_broken_content_is_refused_with_a_clear_message(raw, fragment, field):
    with pytest.raises(ContentError) as caught:
        parse_content(raw, "bad.yaml")
    messages = [str(p) for p in caught.value.problems]
    assert any(fragment in m for m in messages), messages
    assert all(m.startswith("bad.yaml") for m in messages)
    assert all("Traceback" not in m and "pydantic" not in m for m in messages)
    if field is not None:
        assert any(p.field == field for p in caught.value.problems), [p.field for p in caught.value.problems]


def test_problem_names_the_line_of_the_bad_field():
    raw = with_change(lambda d: d["aftercare"][0].update(sources=["nope"]))
    with pytest.raises(ContentError) as caught:
        parse_content(raw, "bad.yaml")
    problem = caught.value.problems[0]
    assert problem.line == line_of(raw, "- nope")
    assert str(problem).startswith(f"bad.yaml, line {problem.line}, field aftercare[0].sources[0]:")


def test_yaml_syntax_error_names_its_line():
    with pytest.raises(ContentError) as caught:
        parse_content(b"version: 1\nsources:\n  - id: a\n   bad: indent\n", "bad.yaml")
    assert caught.value.problems[0].line in (3, 4)


def test_alias_bomb_is_refused_in_bounded_time_and_memory():
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb = ("\n".join(lines) + "\n").encode()
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        parse_content(bomb, "bomb.yaml")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert "anchors or aliases" in str(caught.value)
    assert elapsed < 2.0
    assert peak < 20 * 1024 * 1024


def test_records_are_frozen():
    index = parse_content(dump(minimal()))
    with pytest.raises(Exception, match="frozen"):
        index.content.conditions[0].name = "changed"  # type: ignore[misc]


def test_check_command_reports_one_line_per_problem(tmp_path, capsys):
    bad = tmp_path / "broken.yaml"
    data = minimal()
    data["aftercare"][0]["text"] = ["not", "text"]
    data["safety"][0]["text"] = 7
    bad.write_bytes(dump(data))
    assert check_main([str(bad)]) == 1
    err_lines = capsys.readouterr().err.strip().splitlines()
    assert len(err_lines) == 2
    assert all(line.startswith("broken.yaml, line ") for line in err_lines)


def test_check_command_accepts_the_real_content(capsys):
    assert check_main([]) == 0
    assert "OK" in capsys.readouterr().out
