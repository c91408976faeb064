"""Review dates: a page past its review date is a warning.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from helpers import FixtureSite, line_of, only
from sitekit.report import Severity


def test_review_date_passed_is_a_warning(site: FixtureSite) -> None:
    problems = site.problems(today="2027-01-05")
    [problem] = only(problems, "review-due", site.path("en"))
    assert problem.severity is Severity.WARNING
    assert problem.line == line_of(site.path("en"), "next_review:")
