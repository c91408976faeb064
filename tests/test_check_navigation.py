"""Navigation: every page in the nav, every nav entry a page, every section title translated.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from typing import Any

from helpers import FixtureSite, line_of, only
from sitekit.report import Severity


def test_navigation_entry_without_a_page(site: FixtureSite) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("- treatments/example.md", "- treatments/exemple.md"))
    problems = only(site.problems(), "navigation", nav)
    assert any("treatments/exemple.md" in p.message for p in problems)
    assert problems[0].line == line_of(nav, "exemple.md")


def test_page_missing_from_the_navigation_is_a_warning(site: FixtureSite) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("  - index.md\n", ""))
    [problem] = only(site.problems(), "navigation", site.path("en", "index.md"))
    assert problem.severity is Severity.WARNING


def test_navigation_section_without_a_translated_title(site: FixtureSite) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("            Treatments: Behandlinger\n", ""))
    [problem] = only(site.problems(), "navigation", nav)
    assert "no Norwegian title" in problem.message
    assert problem.line == line_of(nav, "- Treatments:")


def test_broken_mkdocs_yml_is_a_problem_on_its_line(site: FixtureSite, capsys: Any) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("  - index.md\n", "  - index.md\n - [broken\n", 1))
    status, output = site.check(capsys)
    assert status == 1 and "cannot be read" in output, output
    assert f"{nav.as_posix()}:{line_of(nav, '- [broken')}:" in output


def test_number_problem_points_at_its_line_after_long_links(site: FixtureSite) -> None:
    long_link = "[" + "enlace " * 3 + "](https://example.org/" + "a" * 200 + ")"
    site.replace(
        "es",
        "## Qué dicen los estudios {#evidence}\n",
        f"## Qué dicen los estudios {{#evidence}}\n\n{long_link} {long_link}\n",
    )
    site.replace("es", "con 1022 adultos", "con 1023 adultos")
    problems = {
        p.message.split()[2]: p.line for p in only(site.problems(), "numbers", site.path("es"))
    }
    # The extra number on its own line; the missing one at its section's heading.
    assert problems == {
        "1022": line_of(site.path("es"), "{#evidence}"),
        "1023": line_of(site.path("es"), "1023 adultos"),
    }
