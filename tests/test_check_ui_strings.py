"""data/ui.yml: every language has every interface string, none empty or still to
translate; each problem is named on its line with the fix."""

from __future__ import annotations

import re
from pathlib import Path

from helpers import FixtureSite, problems_of
from sitekit.model import UiStrings
from sitekit.project import ROOT


def ui_file(site: FixtureSite) -> Path:
    return site.root / "data" / "ui.yml"


def edit_block(site: FixtureSite, block: str, old: str, new: str) -> int:
    """Replace ``old`` in one language's block; return the line it was on."""
    lines = ui_file(site).read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index(f"{block}:\n")
    at = next(i for i in range(start + 1, len(lines)) if lines[i].startswith(old))
    lines[at] = lines[at].replace(old, new, 1)
    ui_file(site).write_text("".join(lines), encoding="utf-8")
    return at + 1


def test_the_fixture_strings_pass(site: FixtureSite) -> None:
    # The failures below come from each edit, not from the fixture.
    assert [p for p in site.problems() if p.path == ui_file(site).as_posix()] == []


def test_the_schema_declares_exactly_the_strings_the_site_uses() -> None:
    templates = "".join(path.read_text() for path in (ROOT / "overrides").rglob("*.html"))
    used = set(re.findall(r"\b(?:site_ui|\.ui)\.([a-z_]+)", templates))
    declared = {field.alias or name for name, field in UiStrings.model_fields.items()}
    assert used and used <= declared
    code = "".join(path.read_text() for path in (ROOT / "scripts").rglob("*.py"))
    unused = [key for key in declared if key not in used and f'"{key}"' not in code]
    assert unused == []


def test_a_missing_norwegian_string_is_named_with_the_english_text(site: FixtureSite) -> None:
    edit_block(site, '"no"', "  not_found_title:", "  # not_found_title:")
    [problem] = problems_of(site, "ui-strings", ui_file(site))
    assert "has no 'not_found_title'" in problem.message
    assert "Page not found" in problem.hint
    lines = ui_file(site).read_text(encoding="utf-8").splitlines()
    assert lines[problem.line - 1] == '"no":'


def test_an_empty_string_is_named_on_its_line(site: FixtureSite) -> None:
    line = edit_block(site, "es", "  home: Inicio", '  home: ""')
    [problem] = problems_of(site, "ui-strings", ui_file(site))
    assert problem.line == line and "'home' is empty" in problem.message
    assert "Home" in problem.hint


def test_a_lost_placeholder_is_caught(site: FixtureSite) -> None:
    line = edit_block(site, "es", "  footnote_back:", "  footnote_back: Volver #")
    [problem] = problems_of(site, "ui-strings", ui_file(site))
    assert problem.line == line and "{n}" in problem.message


def test_a_missing_section_heading_is_caught(site: FixtureSite) -> None:
    edit_block(site, '"no"', "    risks:", "    # risks:")
    [problem] = problems_of(site, "ui-strings", ui_file(site))
    assert "{#risks}" in problem.message and "under sections" in problem.hint


def test_a_string_still_to_translate_is_unfinished(site: FixtureSite) -> None:
    line = edit_block(site, "es", "  home: Inicio", '  home: "[TODO: translate] Home"')
    [problem] = problems_of(site, "unfinished", ui_file(site))
    assert problem.line == line and "home" in problem.message


def test_a_language_without_strings_says_how_to_add_them(site: FixtureSite) -> None:
    text = ui_file(site).read_text(encoding="utf-8")
    ui_file(site).write_text(text[: text.index('"no":\n')], encoding="utf-8")
    [problem] = problems_of(site, "ui-strings", ui_file(site))
    assert "Norwegian" in problem.message and "new_language.py no" in problem.hint


def test_a_yaml_error_is_reported_on_its_line(site: FixtureSite) -> None:
    line = edit_block(site, "es", "  home: Inicio", "  home: [Inicio")
    [problem] = [p for p in site.problems() if p.path == ui_file(site).as_posix()]
    assert line <= problem.line <= line + 1 and "not valid YAML" in problem.message


def test_an_unknown_key_suggests_the_right_one(site: FixtureSite) -> None:
    edit_block(site, "es", "  breadcrumbs:", "  breadcrumb:")
    problems = problems_of(site, "ui-strings", ui_file(site))
    assert any(
        "unknown key 'breadcrumb'" in p.message and "breadcrumbs" in p.hint for p in problems
    )
