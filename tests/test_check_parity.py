"""Translation parity: every page in every language, no translation without its original.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from helpers import FixtureSite, only


def test_missing_translation_names_the_english_page_and_the_missing_file(site: FixtureSite) -> None:
    site.path("no").unlink()
    [problem] = only(site.problems(), "missing-translation", site.path("en"))
    assert "docs/no/treatments/example.md" in problem.message


def test_translation_without_english_original_is_an_error(site: FixtureSite) -> None:
    extra = site.write("es", site.read("es"), rel="treatments/only-in-spanish.md")
    only(site.problems(), "missing-original", extra)
