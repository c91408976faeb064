"""Review dates: a page past its next review date is reported."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.report import Problem, warning


def check(context: Context) -> Iterator[Problem]:
    for page in context.site.all_pages():
        due = page.meta.get("next_review")
        if isinstance(due, dt.date) and not isinstance(due, dt.datetime) and due < context.today:
            days = (context.today - due).days
            yield warning(
                page.display,
                page.line_of("next_review"),
                "review-due",
                f"the page was due for review on {due} ({days} days ago).",
                "check the page against its sources, then update last_reviewed and next_review.",
            )
