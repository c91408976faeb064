"""Hostile input gives a clear problem with its file and line: exit 1, no traceback.

Each test runs check.py in this process on a broken copy of the fixture site.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from helpers import FixtureSite, line_of, only
from sitekit import reading

FRONT_MATTER_END = 'translation_hash: "'


def assert_refused(status: int, output: str, file: Path, line: int | None = None) -> None:
    assert status == 1, output
    assert "Traceback" not in output
    assert "bug in the tooling" not in output
    where = f"{file.as_posix()}:{line}:" if line else file.as_posix()
    assert where in output, output


# --- YAML ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "opened"),
    [
        ("description: Qué es", 'description: "Qué es', "description:"),  # quote never closed
        ("description: Qué es", "description: [Qué es", "description:"),  # [ never closed
        ("description: Qué es", "description: {Qué es", "description:"),  # { never closed
        ("page_type: treatment", "page_type: treatment\n\tnext: x", "\tnext"),  # a tab
        ("page_type: treatment", "page_type: treatment\n- lost", "- lost"),  # not a key
    ],
)
def test_front_matter_yaml_error_is_on_the_line_of_the_mistake(
    site: FixtureSite, capsys: Any, old: str, new: str, opened: str
) -> None:
    site.replace("es", old, new)
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("es"), line_of(site.path("es"), opened))
    [problem] = [p for p in site.problems() if p.path == site.path("es").as_posix()]
    assert problem.code == "yaml"  # nothing else about this file until it can be read


@pytest.mark.parametrize(
    "alias",
    [
        "tags: &x [a, b]\nmore: *x",
        "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]",  # a billion laughs, in small
        "sources: &s [TEST-TRIAL-2020]\nextra: [*s, *s]",
    ],
)
def test_yaml_aliases_are_refused(site: FixtureSite, capsys: Any, alias: str) -> None:
    site.replace("en", "page_type: treatment", f"page_type: treatment\n{alias}")
    status, output = site.check(capsys)
    alias_line = next(n for n, line in enumerate(site.read("en").splitlines(), 1) if "*" in line)
    assert_refused(status, output, site.path("en"), alias_line)
    assert "aliases" in output


@pytest.mark.parametrize(
    "nested",
    [
        "deep: " + "[" * 2000 + "]" * 2000,  # a few more crashed the interpreter
        "deep: " + "{a: " * 200 + "1" + "}" * 200,
        "deep:\n" + "".join(" " * level + "- \n" for level in range(1, 60)),
    ],
)
def test_deep_nesting_is_refused(site: FixtureSite, capsys: Any, nested: str) -> None:
    site.replace("no", "page_type: treatment", f"page_type: treatment\n{nested}")
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("no"))
    assert "nested more than" in output


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "2025-02-29"])
def test_impossible_dates_are_reported_on_their_line(
    site: FixtureSite, capsys: Any, date: str
) -> None:
    site.replace("en", "last_reviewed: 2026-01-15", f"last_reviewed: {date}")
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("en"), line_of(site.path("en"), "last_reviewed:"))
    assert "not a real date" in output


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("grade: A", "grade: [A"),
        ("grade: A", "grade: &g A\n  other: *g"),
        ("year: 2020", "year: 2020-02-31"),
    ],
)
def test_broken_register_is_reported_on_its_line(
    site: FixtureSite, capsys: Any, old: str, new: str
) -> None:
    register = site.root / "sources.yml"
    text = register.read_text(encoding="utf-8")
    assert old in text
    register.write_text(text.replace(old, new, 1), encoding="utf-8")
    marker = new.splitlines()[-1].strip()
    status, output = site.check(capsys)
    assert_refused(status, output, register, line_of(register, marker))


def test_broken_mkdocs_yml_of_the_site_is_reported_on_its_line(
    site: FixtureSite, capsys: Any
) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("nav:", "nav: [broken", 1), encoding="utf-8")
    status, output = site.check(capsys)
    assert_refused(status, output, nav, line_of(nav, "[broken"))


# --- Data files the tooling cannot work without ---------------------------------------------


@pytest.mark.parametrize(
    ("file", "old", "new"),
    [
        ("mkdocs.yml", "plugins:", "plugins: [oops"),
        ("data/ui.yml", "  locale: es_ES", "  locale: [es_ES"),
        ("data/ui.yml", "  locale: es_ES", "  locale: &l es_ES\n  again: *l"),
        ("data/numbers.yml", "  words: {cero", "  words: {cero: [0"),
    ],
)
def test_broken_data_file_stops_with_its_file_and_line(
    site: FixtureSite, capsys: Any, file: str, old: str, new: str
) -> None:
    broken = site.root / file
    text = broken.read_text(encoding="utf-8")
    assert old in text
    broken.write_text(text.replace(old, new, 1), encoding="utf-8")
    status, output = site.check(capsys)
    assert status == 1, output
    assert "Traceback" not in output and "bug in the tooling" not in output
    assert f"{broken.as_posix()}:" in output, output


def test_broken_limits_stop_with_their_file_and_line(
    site: FixtureSite, capsys: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "limits.yml"
    text = reading.LIMITS_FILE.read_text(encoding="utf-8")
    broken.write_text(text.replace("line_chars: 5000", "line_chars: 'many'"), encoding="utf-8")
    monkeypatch.setattr(reading, "LIMITS_FILE", broken)
    reading.limits.cache_clear()
    try:
        status, output = site.check(capsys)
    finally:
        monkeypatch.undo()
        reading.limits.cache_clear()
    assert status == 1, output
    assert "Traceback" not in output and "bug in the tooling" not in output
    assert broken.name in output


# --- Size ---------------------------------------------------------------------------------


def test_a_file_over_the_size_limit_is_refused_before_reading(
    site: FixtureSite, capsys: Any
) -> None:
    limit = reading.limits().page_bytes
    lines = "Una línea de texto normal y corriente.\n" * (limit // 40 + 10)
    site.replace("es", "## Fuentes {#sources}", lines + "## Fuentes {#sources}")
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("es"))
    assert "too large" in output


@pytest.mark.parametrize("character", ["a", "[", "<a ", "{#", "*_", "![", "`"])
def test_a_line_over_the_limit_is_refused_with_its_number(
    site: FixtureSite, capsys: Any, character: str
) -> None:
    long_line = character * (reading.limits().line_chars // len(character) + 1)
    site.replace("no", "## Kilder {#sources}", f"{long_line}\n\n## Kilder {{#sources}}")
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("no"), line_of(site.path("no"), long_line))


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0c", "\r"])
def test_a_character_that_some_tools_count_as_a_line_break_is_refused(
    site: FixtureSite, capsys: Any, separator: str
) -> None:
    site.replace("en", "are common,", f"are{separator}common,")
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("en"), line_of(site.path("en"), "Bruising"))


def test_a_page_that_takes_too_long_to_render_is_named(
    site: FixtureSite, capsys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Python-Markdown is quadratic on unmatched "[" in one paragraph.
    from sitekit import rendering

    slow = reading.Limits(**{**vars(reading.limits()), "render_seconds": 0.001})
    monkeypatch.setattr(rendering, "limits", lambda: slow)
    brackets = "\n".join(["[a " * 400] * 10)
    site.replace("en", "The numbered notes", f"{brackets}\n\nThe numbered notes")
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("en"))
    assert "took more than" in output


def test_a_page_nested_too_deeply_to_render_is_named(site: FixtureSite, capsys: Any) -> None:
    nested = "<div markdown>\n" * 600 + "Texto." + "\n</div>" * 600
    site.replace("es", "## Fuentes {#sources}", f"{nested}\n\n## Fuentes {{#sources}}")
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("es"))
    assert "nested too deeply" in output


# --- Snippets -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("snippet", "on", "reason"),
    [
        ('--8<-- "es/disclaimr.md"', "disclaimr", "does not exist"),
        ("--8<-- 'es/nothing.md'", "nothing", "does not exist"),
        ('--8<-- "../mkdocs.yml"', "mkdocs", "outside includes/"),
        ('--8<-- "https://example.org/x.md"', "example.org", "is an address"),
        ('--8<-- "es/disclaimer.md:no-such-section"', "section", "could not be located"),
        ('--8<-- "es"', '"es"', "not a regular file"),
        ("--8<--\nes/disclaimer.md\nes/missing.md\n--8<--", "missing", "does not exist"),
        ("--8<--\nes/disclaimer.md\n\nTexto.", "--8<--", "never closed"),
        ('```\n--8<-- "es/missing.md"\n```', "missing", "does not exist"),  # even in code
    ],
)
def test_a_snippet_the_build_cannot_include_is_named_on_its_line(
    site: FixtureSite, capsys: Any, snippet: str, on: str, reason: str
) -> None:
    site.replace("es", '--8<-- "es/disclaimer.md"', snippet)
    status, output = site.check(capsys)
    assert_refused(status, output, site.path("es"), line_of(site.path("es"), on))
    assert reason in output


def test_a_snippet_that_includes_a_missing_snippet_is_named(site: FixtureSite) -> None:
    extra = site.root / "includes" / "es" / "extra.md"
    extra.write_text('Texto.\n\n--8<-- "es/gone.md"\n', encoding="utf-8")
    site.replace("es", "## Fuentes {#sources}", '--8<-- "es/extra.md"\n\n## Fuentes {#sources}')
    [problem] = only(site.problems(), "snippet", site.path("es"))
    assert problem.line == line_of(site.path("es"), "es/extra.md")
    assert "es/gone.md" in problem.message


# --- Patterns on long adversarial lines --------------------------------------------------
# Every regular expression of the tooling reads a line of the largest allowed length
# in one pass. These lines used to make some of them try every start against every
# end (hundreds of millions of steps); each test checks what the pattern finds.

LONG = reading.limits().line_chars - 10


def _page(body: str) -> Any:
    from sitekit.pages import parse_page

    text = "---\ntitle: T\n---\n" + body + "\n"
    page, problems = parse_page(Path("docs/en/x.md"), "en", "x.md", text)
    assert problems == []
    return page


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("[" * LONG, "[" * LONG),
        ("<" * LONG, "<" * LONG),
        ("{#" * (LONG // 2), "{#" * (LONG // 2)),
        ("[^" * (LONG // 2), "[^" * (LONG // 2)),
        ("---" + " " * LONG + "x", "---" + " " * LONG + "x"),
        ('!!! note "' + " " * LONG, '!!! note "' + " " * LONG),
        ("[a](" * (LONG // 4), "[a](" * (LONG // 4)),
    ],
)
def test_visible_text_of_an_adversarial_line(line: str, expected: str) -> None:
    from sitekit.prose import visible_text

    assert visible_text(line).strip() == expected.strip()


@pytest.mark.parametrize(
    ("line", "codes"),
    [
        ("<a " * (LONG // 3), set()),
        ("<a " * (LONG // 4) + '<a onclick="x">', {"unsafe-html"}),
        ("<img " * (LONG // 5), set()),
        ("<img " * (LONG // 6) + '<img src="//cdn.example/x.png">', {"remote-content"}),
        ("![" * (LONG // 2), set()),
        ("![a [b] c](https://cdn.example/x.png) " + "![" * (LONG // 3), {"remote-content"}),
        ("![a][" * (LONG // 5), set()),
        ("javascript " * (LONG // 11), set()),
    ],
)
def test_the_safety_lint_on_an_adversarial_line(line: str, codes: set[str]) -> None:
    from sitekit.checks.safety import check_page

    assert {problem.code for problem in check_page(_page(line))} == codes


@pytest.mark.parametrize(
    ("line", "heading_id"),
    [
        ("## Title" + " " * LONG + "x", None),
        ("## Title " + "{" * LONG, None),
        ("## Title " + "{" * LONG + " {#ok}", "ok"),
    ],
)
def test_headings_of_an_adversarial_line(line: str, heading_id: str | None) -> None:
    [heading] = _page(line).headings
    assert heading.id == heading_id


def test_other_patterns_on_adversarial_lines() -> None:
    from sitekit.disclaimers import SNIPPET
    from sitekit.numerals import HYPHEN_RANGE, number_style, numerals
    from sitekit.sources import CITATION

    assert SNIPPET.findall('--8<-- "' * (LONG // 8) + '\n--8<-- "es/a.md"') == ["es/a.md"]

    assert CITATION.findall("[^" * (LONG // 2)) == []
    assert CITATION.findall("[^" * (LONG // 2) + "[^A-1]") == ["A-1"]
    style = number_style("es")
    assert len(numerals("1." * (LONG // 2), style)) == LONG // 2
    assert [n.value for n in numerals("1 000 " * (LONG // 6), style)] == ["1000"] * (LONG // 6)
    assert HYPHEN_RANGE.findall("1-" * (LONG // 2)) == []
    assert HYPHEN_RANGE.findall("1" * LONG + " 5-12") == [("5", "12")]
