"""3. Front matter schema: required keys, their types, no unknown keys."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from typing import Any

from sitekit.checks import Context
from sitekit.freshness import FIELD, malformed
from sitekit.pages import Page
from sitekit.report import Problem, error

PAGE_TYPES = ("general", "treatment")
HIDE_VALUES = ("navigation", "toc", "footer")
REQUIRED = ("title", "description", "last_reviewed", "next_review", "sources")
OPTIONAL = ("page_type", FIELD, "hide")
TITLE_MAX = 70
DESCRIPTION_RANGE = (50, 170)  # what search engines show without cutting


def check(context: Context) -> Iterator[Problem]:
    default = context.site.default.code
    for page in context.site.all_pages():
        if page.meta or page.meta_lines:
            yield from check_page(page, is_translation=page.lang != default, today=context.today)


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dt.date):
        return "a date"
    return {
        str: "text",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a mapping",
        type(None): "nothing",
    }.get(type(value), type(value).__name__)


def check_page(page: Page, *, is_translation: bool, today: dt.date) -> Iterator[Problem]:
    meta = page.meta

    def problem(key: str, message: str, hint: str) -> Problem:
        return error(page.display, page.line_of(key), "front-matter", message, hint)

    def expect(key: str, wanted: str, hint: str) -> Problem:
        value = meta[key]
        if isinstance(value, bool) and key in page.bare_booleans:
            return problem(
                key,
                f"'{key}' should be {wanted} but YAML read a bare yes/no/on/off as "
                f"{str(value).lower()}.",
                f'put the value in quotes, e.g. {key}: "no".',
            )
        return problem(key, f"'{key}' should be {wanted}, not {_type_name(value)}.", hint)

    allowed = REQUIRED + OPTIONAL
    for key in meta:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = (
                f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}."
            )
            yield problem(key, f"unknown front-matter key '{key}'.", hint)
    for key in REQUIRED:
        if key not in meta:
            yield error(
                page.display,
                1,
                "front-matter",
                f"the front matter has no '{key}'.",
                f"add '{key}:' (required keys: {', '.join(REQUIRED)}).",
            )

    for key, limit in (("title", TITLE_MAX), ("description", DESCRIPTION_RANGE[1])):
        if key not in meta:
            continue
        value = meta[key]
        if not isinstance(value, str) or not value.strip():
            yield expect(key, "non-empty text", f"write the page's {key} as text.")
        elif len(value) > limit:
            yield problem(
                key,
                f"the {key} is {len(value)} characters long (at most {limit}).",
                "shorten it; search engines cut longer text.",
            )
        elif key == "description" and len(value) < DESCRIPTION_RANGE[0]:
            yield problem(
                key,
                f"the description is only {len(value)} characters long "
                f"(at least {DESCRIPTION_RANGE[0]}).",
                "say in one sentence what the reader learns on this page.",
            )

    dates: dict[str, dt.date] = {}
    for key in ("last_reviewed", "next_review"):
        if key not in meta:
            continue
        value = meta[key]
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            hint = (
                f"remove the quotes: {key}: {value}"
                if isinstance(value, str)
                else f"write the date as YYYY-MM-DD, e.g. {key}: {today.isoformat()}"
            )
            yield expect(key, "a date (YYYY-MM-DD)", hint)
        else:
            dates[key] = value
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

    if "sources" in meta:
        sources = meta["sources"]
        if not isinstance(sources, list) or not all(isinstance(item, str) for item in sources):
            yield expect(
                "sources",
                "a list of source ids from data/sources.yml",
                "e.g. sources: [IV-ALI-2009, IV-USADA-2024]; use [] for none.",
            )
        elif len(set(sources)) != len(sources):
            duplicates = sorted({item for item in sources if sources.count(item) > 1})
            yield problem(
                "sources",
                f"sources lists {', '.join(duplicates)} more than once.",
                "keep each source id once.",
            )

    if "page_type" in meta and meta["page_type"] not in PAGE_TYPES:
        yield problem(
            "page_type",
            f"unknown page_type {meta['page_type']!r}.",
            f"use one of: {', '.join(PAGE_TYPES)}.",
        )

    if "hide" in meta:
        hide = meta["hide"]
        if not isinstance(hide, list) or any(item not in HIDE_VALUES for item in hide):
            yield problem(
                "hide",
                "'hide' must be a list of parts of the page layout.",
                f"use some of: {', '.join(HIDE_VALUES)}.",
            )

    if is_translation and FIELD not in meta:
        yield error(
            page.display,
            1,
            "front-matter",
            "the translation does not record which English text it was translated from.",
            f"after translating, run: python scripts/check.py --mark-translated {page.display}",
        )
    if not is_translation and FIELD in meta:
        yield problem(
            FIELD,
            f"an English page has no '{FIELD}'.",
            "remove the key; it belongs to translations only.",
        )
    if FIELD in meta and malformed(meta[FIELD]):
        yield expect(
            FIELD,
            "the record that --mark-translated writes (section: {en: …, tr: …})",
            f"do not edit it by hand; run: python scripts/check.py --mark-translated "
            f"{page.display}",
        )
