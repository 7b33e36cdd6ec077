"""Table-driven tests of the content model: good files load, every kind of broken file is refused clearly."""

from __future__ import annotations

import copy
import re
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest
import yaml

from dn_explorer.check import main as check_main
from dn_explorer.content import MAX_CONTENT_BYTES, MAX_PROBLEMS, ContentError, load_content, parse_content
from dn_explorer.paths import PROJECT_ROOT
from dn_explorer.regions import REGION_ORDER


def minimal() -> dict:
    """The smallest valid content: one source, every region, one of each item."""
    return {
        "version": 1,
        "sources": [
            {"id": "doc-a", "short": "Doc A", "title": "A", "publisher": "Clinic A", "file": "a.txt", "summary": "All."}
        ],
        "key_points": [{"id": "feel", "text": "You may feel a twitch.", "sources": ["doc-a"]}],
        "regions": [
            {"id": r.value, "label": r.value.title()}
            | (
                {"message": {"id": "neck-message", "text": "It may help.", "sources": ["doc-a"]}}
                if r.value == "neck"
                else {}
            )
            for r in REGION_ORDER
        ],
        "conditions": [
            {"id": "neck-pain", "name": "Neck pain", "regions": ["neck"], "text": "Listed.", "sources": ["doc-a"]}
        ],
        "sensations": [
            {"id": "twitch", "label": "Twitch", "phase": "during", "text": "A twitch.", "sources": ["doc-a"]}
        ],
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


def with_text_change(old: str, new: str) -> bytes:
    """The minimal file as YAML text with one piece of text replaced (for what safe_dump never writes)."""
    text = dump(minimal()).decode()
    assert old in text, old
    return text.replace(old, new, 1).encode()


def deep(opening: bytes, closing: bytes, depth: int) -> bytes:
    return b"version: " + opening * depth + closing * depth + b"\n"


def many_wrong_items(count: int) -> bytes:
    return with_change(
        lambda d: d["safety"].extend({"id": f"s{i}", "text": i, "sources": ["doc-a"]} for i in range(count))
    )


def alias_bomb_in_real_looking_file() -> bytes:
    lines = ['lol: &l0 "lol"'] + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 10)}]" for i in range(1, 12)]
    return dump(minimal()) + ("\n".join(lines) + "\n").encode()


BAD_FILES += [
    # More kinds a clinic's editor, a copy-paste or an attacker can produce.
    ("python object tag", b"version: !!python/object/apply:os.system ['echo pwned']\n", "YAML tag !!python", None),
    ("unknown tag", with_text_change("version: 1", "version: !clinic 1"), "YAML tag !clinic", None),
    ("standard tag", with_text_change("version: 1", "version: !!int 1"), "YAML tag !!int", None),
    ("merge key", b"base: &b {id: x}\nitem:\n  <<: *b\n", "anchors or aliases", None),
    ("alias bomb after good content", alias_bomb_in_real_looking_file(), "anchors or aliases", None),
    (
        "impossible date",
        with_text_change("text: Use heat.", "text: 2024-13-45"),
        "cannot read the value '2024-13-45'",
        "aftercare[0].text",
    ),
    ("huge number", with_text_change("version: 1", "version: " + "9" * 5000), "cannot read the value", "version"),
    ("unhashable key", b"? [a, b]\n: c\n", "unhashable key", None),
    ("deeply nested lists", deep(b"[", b"]", 5000), "nests more than", None),
    ("deeply nested mappings", deep(b"{a: ", b"}", 5000), "nests more than", None),
    ("unclosed deep nesting", b"[" * 100_000, "nests more than", None),
    (
        "NUL byte",
        with_text_change("text: Use heat.", "text: Use\x00heat."),
        "character YAML does not allow (U+0000)",
        None,
    ),
    ("UTF-16 file", dump(minimal()).decode().encode("utf-16"), "not UTF-8", None),
    ("Latin-1 accent", dump(minimal()).replace(b"Use heat.", b"Caf\xe9 heat."), "not UTF-8", None),
    ("two documents", dump(minimal()) + b"---\nversion: 2\n", "another document", None),
    ("section given twice", dump(minimal()) + b"aftercare: []\n", "is given twice", "aftercare"),
    (
        "field given twice",
        with_text_change("text: Use heat.", "text: Use heat.\n  text: Use ice."),
        "is given twice",
        "aftercare[0].text",
    ),
    ("top-level number", b"42\n", "must be a mapping", None),
    ("top-level text", b"just some words\n", "must be a mapping", None),
    ("null document", b"~\n", "is empty", None),
    ("blank lines only", b"\n   \n\n", "is empty", None),
    ("tab indentation", with_text_change("  text: Use heat.", "\ttext: Use heat."), "not valid YAML", None),
    ("unclosed quote", with_text_change("text: Use heat.", "text: 'Use heat."), "not valid YAML", None),
    ("missing section", with_change(lambda d: d.pop("safety")), "required but missing", "safety"),
    ("missing id", with_change(lambda d: d["visits"][0].pop("id")), "required but missing", "visits[0].id"),
    (
        "duplicate source id",
        with_change(lambda d: d["sources"].append(copy.deepcopy(d["sources"][0]))),
        "duplicate id 'doc-a'",
        "sources[1].id",
    ),
    (
        "duplicate region",
        with_change(lambda d: d["regions"].append(copy.deepcopy(d["regions"][2]))),
        "duplicate region 'neck'",
        "regions[19].id",
    ),
    (
        "region id in capitals",
        with_change(lambda d: d["conditions"][0].update(regions=["Neck"])),
        "'Neck'",
        "conditions[0].regions[0]",
    ),
    (
        "region in the regions list the map lacks",
        with_change(lambda d: d["regions"][0].update(id="tail")),
        "'tail'",
        "regions[0].id",
    ),
    ("section is text, not a list", with_change(lambda d: d.update(safety="be safe")), "should be a list", "safety"),
    ("version is words", with_change(lambda d: d.update(version="one")), "whole number", "version"),
    (
        "item is a list",
        with_change(lambda d: d["aftercare"].__setitem__(0, ["heat"])),
        "should be a mapping",
        "aftercare[0]",
    ),
    (
        "date where text goes",
        with_text_change("text: Use heat.", "text: 2024-01-31"),
        "not a date",
        "aftercare[0].text",
    ),
    ("yes where text goes", with_text_change("text: Use heat.", "text: yes"), "not yes/no", "aftercare[0].text"),
    (
        "text too long",
        with_change(lambda d: d["safety"][0].update(text="x" * 901)),
        "at most 900 characters",
        "safety[0].text",
    ),
    ("blank text", with_change(lambda d: d["safety"][0].update(text="   ")), "at least 1 character", "safety[0].text"),
    (
        "id with spaces",
        with_change(lambda d: d["safety"][0].update(id="Sterile needles")),
        "ids use lower-case",
        "safety[0].id",
    ),
    (
        "misspelt field with a capital",
        with_change(lambda d: d["safety"][0].update(Text="x")),
        "not a known field",
        "safety[0].Text",
    ),
    (
        "control characters in a key",
        with_text_change("version: 1", 'version: 1\n"\\e[2J\\nfake line": 1'),
        "not a known field",
        "\x1b[2J\nfake line",
    ),
    (
        "region note source unknown",
        with_change(lambda d: d["regions"][2].update(note={"id": "n", "text": "t", "sources": ["zz"]})),
        "'zz' is not in the sources list",
        "regions[2].note.sources[0]",
    ),
    ("far too many values", b"version: [" + b"0," * 60_000 + b"0]\n", "far too many", None),
    ("thousands of problems", many_wrong_items(300), "more problems than the 50 above", None),
    ("oversized, just over the limit", b"version: 1\n" + b"#" * MAX_CONTENT_BYTES, "limit is", None),
]

# The line each problem must name: a number, or a piece of text on that line.
EXPECTED_LINES: dict[str, int | str] = {
    "yaml syntax": 3,
    "not utf-8": 2,
    "top-level list": 1,
    "python object tag": 1,
    "merge key": 1,
    "NUL byte": "Use\x00heat.",
    "Latin-1 accent": line_of(dump(minimal()), "Use heat."),
    "UTF-16 file": 1,
    "impossible date": "2024-13-45",
    "huge number": "version: 999",
    "field given twice": "Use ice.",
    "section given twice": "aftercare: []",
    "two documents": "---",
    "unknown source id": "- nope",
    "missing field": "- id: neck-pain",
    "wrong type": "text: 42",
    "region id in capitals": "- Neck",
    "control characters in a key": '"\\e[2J',
    "misspelt field with a capital": "Text: x",
    "tab indentation": "\ttext: Use heat.",
}


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


# --- added: every kind of broken file, line numbers, one line per problem, the command itself ---------------------


def bad_file(name: str) -> bytes:
    return next(row[1] for row in BAD_FILES if row[0] == name)


@pytest.mark.parametrize(("name", "expected"), EXPECTED_LINES.items(), ids=list(EXPECTED_LINES))
def test_problem_names_the_line(name, expected):
    raw = bad_file(name)
    line = expected if isinstance(expected, int) else line_of(raw, expected)
    with pytest.raises(ContentError) as caught:
        parse_content(raw, "bad.yaml")
    assert line in [p.line for p in caught.value.problems], [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("raw", [row[1] for row in BAD_FILES], ids=[r[0] for r in BAD_FILES])
def test_every_problem_is_one_short_plain_line(raw):
    with pytest.raises(ContentError) as caught:
        parse_content(raw, "bad.yaml")
    problems = caught.value.problems
    assert 1 <= len(problems) <= MAX_PROBLEMS + 1
    for problem in problems:
        text = str(problem)
        assert text.isprintable(), repr(text)  # no new line, terminal escape or bidi override
        assert len(text) < 300, text  # a message never repeats a huge input
        for internal in ("Traceback", "pydantic", "yaml.", "<unicode string>", "Error:", "errors.pydantic.dev"):
            assert internal not in text, text
        # No names of the Python classes behind the content model.
        assert re.search(r"instance of|\b(Statement|Condition|Sensation|Question|Term|Content|Region)\b", text) is None


def line_count_of(raw: bytes) -> int:
    return raw.count(b"\n") + 1


# The worst files an attacker can fit under the size limit. Bounds are for a slow, shared machine:
# each of these takes well under half a second here.
HEAVY_FILES = {
    "alias bomb": bad_file("alias bomb after good content"),
    "just under the value cap": b"".join(b"k%d: v\n" % i for i in range(24_990)),
    "over the value cap": b"version: [" + b"0," * (MAX_CONTENT_BYTES // 2 - 20) + b"0]\n",
    "thousands of wrong items": many_wrong_items(3_000),
    "deep nesting at the size limit": b"[" * MAX_CONTENT_BYTES,
    "one huge line": b"version: '" + b"x" * (MAX_CONTENT_BYTES - 20) + b"'\n",
}


@pytest.mark.parametrize("raw", HEAVY_FILES.values(), ids=list(HEAVY_FILES))
def test_hostile_files_are_refused_in_bounded_time_and_memory(raw):
    assert len(raw) <= MAX_CONTENT_BYTES
    started = time.perf_counter()
    with pytest.raises(ContentError):
        parse_content(raw, "bad.yaml")
    elapsed = time.perf_counter() - started
    tracemalloc.start()
    try:
        with pytest.raises(ContentError) as caught:
            parse_content(raw, "bad.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 3.0
    assert peak < 150 * 1024 * 1024
    assert len(caught.value.problems) <= MAX_PROBLEMS + 1


@pytest.mark.parametrize(
    ("make_path", "fragment"),
    [
        (lambda tmp: tmp, "cannot be read (Is a directory)"),
        (lambda tmp: tmp / "missing.yaml", "cannot be read (No such file or directory)"),
        (lambda tmp: Path("/dev/zero"), "too large; the limit is"),  # never ends: read only up to the limit
    ],
    ids=["a directory", "a missing file", "an endless device"],
)
def test_unreadable_paths_are_refused(tmp_path, make_path, fragment):
    path = make_path(tmp_path)
    with pytest.raises(ContentError) as caught:
        load_content(path)
    assert fragment in str(caught.value)
    assert str(caught.value).startswith(path.name or str(path))


def test_a_file_bigger_than_the_limit_is_refused_before_reading(tmp_path):
    big = tmp_path / "huge.yaml"
    with big.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024 * 1024)  # sparse: 50 GB on paper, nothing on disk
    with pytest.raises(ContentError, match=r"^huge\.yaml: is 53687091200 bytes; the limit is"):
        load_content(big)


def run_make_check(path: Path) -> subprocess.CompletedProcess[str]:
    """``make check-content FILE=path`` as a person runs it (with this interpreter, no set-up step)."""
    return subprocess.run(
        ["make", "-s", "-o", ".venv/.runtime", "check-content", f"FILE={path}", f"PY={sys.executable}"],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


MAKE_ROWS = [
    "yaml syntax",
    "empty file",
    "not utf-8",
    "top-level list",
    "missing field",
    "unknown source id",
    "unknown region id",
    "duplicate id",
    "wrong type",
    "oversized",
    "alias bomb after good content",
    "python object tag",
    "thousands of problems",
]


@pytest.mark.parametrize("name", MAKE_ROWS)
def test_make_check_content_prints_one_line_per_problem(tmp_path, name):
    raw = bad_file(name)
    path = tmp_path / "conditions.yaml"
    path.write_bytes(raw)
    with pytest.raises(ContentError) as caught:
        load_content(path)
    started = time.perf_counter()
    result = run_make_check(path)
    elapsed = time.perf_counter() - started
    assert result.returncode != 0
    # make adds its own "make: *** [...] Error 1"; every other line is one problem, as the app shows it.
    lines = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert lines == [str(p) for p in caught.value.problems]
    assert all(line.startswith("conditions.yaml") for line in lines)
    assert "Traceback" not in result.stderr
    assert "OK" not in result.stdout
    assert elapsed < 30


def test_make_check_content_reports_several_problems_each_on_its_line(tmp_path):
    data = minimal()
    data["aftercare"][0]["sources"] = ["nope"]
    data["conditions"][0]["regions"] = ["tail"]
    data["safety"][0]["text"] = 7
    path = tmp_path / "edited.yaml"
    path.write_bytes(dump(data))
    result = run_make_check(path)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert len(lines) == 2  # shape errors first: the unknown source is reported once those are fixed
    assert any("field conditions[0].regions[0]: " in line and "'tail'" in line for line in lines), lines
    assert any("field safety[0].text: " in line for line in lines), lines
    assert all(re.match(r"^edited\.yaml, line \d+, field ", line) for line in lines), lines


@pytest.mark.parametrize("kind", ["a directory", "a missing file"])
def test_make_check_content_refuses_unreadable_paths(tmp_path, kind):
    path = tmp_path if kind == "a directory" else tmp_path / "missing.yaml"
    result = run_make_check(path)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("make")]
    assert len(lines) == 1
    assert "cannot be read" in lines[0]
    assert "Traceback" not in result.stderr


def test_make_check_content_accepts_a_good_file(tmp_path):
    path = tmp_path / "good.yaml"
    path.write_bytes(dump(minimal()))
    result = run_make_check(path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("good.yaml: OK")


# --- the clinic file ---------------------------------------------------------------------------

from dn_explorer.clinic import Clinic, parse_clinic  # noqa: E402


@pytest.mark.parametrize(
    ("raw", "message", "field"),
    [
        (b"name: Riverside\nphone: call me\n", "characters not allowed", "phone"),
        (b"name: Riverside\nwebsite: x\n", "is not a known field", "website"),
        (b"call_us_if:\n  - ''\n", "is empty", "call_us_if[0]"),
        (b"- a list\n", "must be a mapping", None),
        (b"", "is empty", None),
        (b"name: &a x\nphone: *a\n", "anchors or aliases", None),
    ],
)
def test_a_broken_clinic_file_is_refused_naming_file_line_and_field(raw, message, field):
    with pytest.raises(ContentError) as caught:
        parse_clinic(raw, "clinic.yaml")
    problem = caught.value.problems[0]
    assert problem.file == "clinic.yaml"
    assert message in problem.message
    assert problem.field == field
    if field:
        assert problem.line is not None


def test_a_filled_in_clinic_file_loads(tmp_path):
    clinic = parse_clinic(
        b"name: Riverside Physio\nphone: '+1 (555) 010-0100'\ncall_us_if:\n  - Call us if you feel unwell.\n"
    )
    assert clinic == Clinic(
        name="Riverside Physio", phone="+1 (555) 010-0100", call_us_if=("Call us if you feel unwell.",)
    )


def test_make_check_content_checks_the_clinic_file():
    result = run_make_check(PROJECT_ROOT / "data" / "clinic.yaml")
    assert result.returncode == 0, result.stderr
    assert "clinic.yaml: OK" in result.stdout
