"""Front matter: the keys of ``model.FrontMatter``, and review dates that make sense.

The schema (required keys, their types, no unknown keys, page types from the
content model) is declared in sitekit.model; this check places what it finds on
the key's line and adds the rules that span keys or depend on the page's language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.model import TRANSLATION_FIELD, ContentModel, FrontMatter, findings
from sitekit.pages import Page
from sitekit.report import Problem, error


def check(context: Context) -> Iterator[Problem]:
    default = context.site.default.code
    for page in context.site.all_pages():
        if page.meta or page.meta_lines:
            yield from check_page(
                page, context.model, is_translation=page.lang != default, today=context.today
            )


def check_page(
    page: Page, model: ContentModel, *, is_translation: bool, today: dt.date
) -> Iterator[Problem]:
    meta = page.meta
    _, found = findings(
        meta,
        FrontMatter,
        "the front matter",
        context={"page_types": tuple(model.page_types), "path": page.display},
        values={"path": page.display, "today": today.isoformat(), "noun": "front-matter"},
    )
    for finding in found:
        line = page.line_of(finding.loc[0]) if finding.loc else 1
        yield error(page.display, line, "front-matter", finding.message, finding.hint)

    def problem(key: str, message: str, hint: str) -> Problem:
        return error(page.display, page.line_of(key), "front-matter", message, hint)

    dates = {
        key: value
        for key in ("last_reviewed", "next_review")
        if isinstance(value := meta.get(key), dt.date) and not isinstance(value, dt.datetime)
    }
    if "last_reviewed" in dates and dates["last_reviewed"] > today:
        yield problem(
            "last_reviewed",
            f"the last review date {dates['last_reviewed']} is in the future.",
            "use the date the page was actually reviewed.",
        )
    if len(dates) == 2 and dates["next_review"] <= dates["last_reviewed"]:
        yield problem(
            "next_review",
            "the next review date must be after the last review date.",
            "pages are reviewed at least once a year: set a date within 12 months.",
        )
    if is_translation and TRANSLATION_FIELD not in meta:
        yield error(
            page.display,
            1,
            "front-matter",
            "the translation does not record which English text it was translated from.",
            f"after translating, run: python scripts/check.py --mark-translated {page.display}",
        )
    if not is_translation and TRANSLATION_FIELD in meta:
        yield problem(
            TRANSLATION_FIELD,
            f"an English page has no '{TRANSLATION_FIELD}'.",
            "remove the key; it belongs to translations only.",
        )
