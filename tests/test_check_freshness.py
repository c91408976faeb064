"""Freshness: translations made from an older English text are named, section by section.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from helpers import FixtureSite, only
from sitekit.report import Severity


def test_changed_english_section_makes_translations_outdated(site: FixtureSite) -> None:
    site.replace("en", "are common,", "are very common,")  # in {#risks}
    problems = site.problems()
    for lang in ("es", "no"):
        [problem] = only(problems, "outdated", site.path(lang))
        assert problem.severity is Severity.NOTICE
        assert problem.message.startswith("{#risks} has changed in English")
        assert "safety information" in problem.message
        assert f"--mark-translated {site.path(lang).as_posix()}" in problem.hint


def test_each_changed_section_is_named(site: FixtureSite) -> None:
    site.replace("en", "title: Example therapy", "title: Example treatment")
    site.replace("en", "smoother", "softer")  # {#claims}
    site.replace("en", "who will give the injection", "who will give the injections")
    [problem] = only(site.problems(), "outdated", site.path("es"))
    assert problem.message.startswith(
        "the title and introduction, {#claims} and {#questions} changed in English"
    )
    assert "safety" not in problem.message


def test_formatting_only_changes_do_not_outdate_translations(site: FixtureSite) -> None:
    site.replace("en", "are common,", "are common,   \n   ")  # re-wrapped line
    site.replace("en", "## Risks", "\n\n\n## Risks")  # extra blank lines
    assert [p for p in site.problems() if p.code == "outdated"] == []
