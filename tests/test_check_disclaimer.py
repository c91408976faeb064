"""The disclaimer check: every page shows its language's disclaimer, first, once.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from helpers import FixtureSite, line_of, only


def test_page_without_disclaimer_is_named(site: FixtureSite) -> None:
    site.replace("no", '--8<-- "no/disclaimer.md"', "")
    [problem] = only(site.problems(), "disclaimer", site.path("no"))
    assert "no safety disclaimer" in problem.message


def test_page_showing_another_languages_disclaimer(site: FixtureSite) -> None:
    site.replace("es", '--8<-- "es/disclaimer.md"', '--8<-- "en/disclaimer.md"')
    [problem] = only(site.problems(), "disclaimer", site.path("es"))
    assert "en disclaimer" in problem.message
    assert problem.line == line_of(site.path("es"), "en/disclaimer.md")


def test_disclaimer_below_the_first_section(site: FixtureSite) -> None:
    site.replace("en", '--8<-- "en/disclaimer.md"\n', "")
    site.replace(
        "en", "## Sources {#sources}\n", '## Sources {#sources}\n\n--8<-- "en/disclaimer.md"\n'
    )
    [problem] = only(site.problems(), "disclaimer", site.path("en"))
    assert "before the first section" in problem.message


def test_disclaimer_included_twice(site: FixtureSite) -> None:
    site.replace("en", '--8<-- "en/disclaimer.md"\n', '--8<-- "en/disclaimer.md"\n' * 2)
    [problem] = only(site.problems(), "disclaimer", site.path("en"))
    assert "more than once" in problem.message


def test_broken_disclaimer_file_is_named(site: FixtureSite) -> None:
    include = site.root / "includes" / "es" / "disclaimer.md"
    include.write_text("Consulte a su médico.\n", encoding="utf-8")
    from sitekit.checks import disclaimer

    [problem] = [p for p in disclaimer.check(site.context()) if p.path == include.as_posix()]
    assert "Spanish disclaimer cannot be used" in problem.message
