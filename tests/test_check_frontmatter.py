"""The front matter: the schema of sitekit.model, and review dates that make sense.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

import re

from helpers import FixtureSite, line_of, only


def test_missing_required_key(site: FixtureSite) -> None:
    site.replace("en", "last_reviewed: 2026-01-15\n", "")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("no 'last_reviewed'" in p.message for p in problems)


def test_unknown_key_suggests_the_right_one(site: FixtureSite) -> None:
    site.replace("en", "next_review:", "next_reveiw:")
    problems = only(site.problems(), "front-matter", site.path("en"))
    unknown = [p for p in problems if "unknown front-matter key 'next_reveiw'" in p.message]
    assert unknown and "next_review" in unknown[0].hint
    assert unknown[0].line == line_of(site.path("en"), "next_reveiw")


def test_wrong_type(site: FixtureSite) -> None:
    site.replace("en", "sources: [TEST-TRIAL-2020, TEST-REG-2021]", "sources: TEST-TRIAL-2020")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("'sources' should be a list" in p.message for p in problems)


def test_quoted_date_is_explained(site: FixtureSite) -> None:
    site.replace("en", "last_reviewed: 2026-01-15", 'last_reviewed: "2026-01-15"')
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("remove the quotes" in p.hint for p in problems)


def test_bare_no_read_as_false_gets_a_hint_to_quote_it(site: FixtureSite) -> None:
    site.replace("no", "title: Eksempelbehandling", "title: no")
    [problem] = only(site.problems(), "front-matter", site.path("no"))
    assert "false" in problem.message
    assert 'title: "no"' in problem.hint
    assert problem.line == line_of(site.path("no"), "title: no")


def test_yaml_syntax_error_reports_file_and_line(site: FixtureSite) -> None:
    site.replace("es", "description: Qué es", "description: [Qué es")
    [problem] = only(site.problems(), "yaml", site.path("es"))
    assert problem.line == line_of(site.path("es"), "description:")  # where the [ is opened


def test_duplicate_key(site: FixtureSite) -> None:
    site.replace("en", "title: Example therapy\n", "title: Example therapy\ntitle: Again\n")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("given twice" in p.message for p in problems)


def test_page_without_front_matter(site: FixtureSite) -> None:
    text = site.read("en")
    site.write("en", text.split("---\n", 2)[2])
    [problem] = only(site.problems(), "front-matter", site.path("en"))
    assert problem.line == 1 and "does not start with front matter" in problem.message


def test_review_dates_must_make_sense(site: FixtureSite) -> None:
    site.replace("en", "next_review: 2026-12-31", "next_review: 2025-12-31")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("after the last review date" in p.message for p in problems)
    site.replace("en", "last_reviewed: 2026-01-15", "last_reviewed: 2026-09-01")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("in the future" in p.message for p in problems)


def test_translation_must_record_its_english_hash(site: FixtureSite) -> None:
    text = re.sub(r"translated_from:\n(?:  .*\n)+", "", site.read("es"))
    assert "translated_from" not in text
    site.write("es", text)
    problems = only(site.problems(), "front-matter", site.path("es"))
    assert any("--mark-translated" in p.hint for p in problems)
