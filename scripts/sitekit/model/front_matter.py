"""A page's front matter."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, ValidationInfo

from sitekit import freshness
from sitekit.model.base import Schema, not_blank
from sitekit.model.explain import Wanted, problem

TITLE_MAX = 70
DESCRIPTION_RANGE = (50, 170)  # what search engines show without cutting
HIDE_VALUES = ("navigation", "toc", "footer")
TRANSLATION_FIELD = freshness.FIELD


def _unique(values: list[str]) -> list[str]:
    twice = sorted({value for value in values if values.count(value) > 1})
    if twice:
        raise problem(
            "duplicate", f"sources lists {', '.join(twice)} more than once.", "keep each once."
        )
    return values


def _known_type(value: str, info: ValidationInfo) -> str:
    names = (info.context or {}).get("page_types", ())
    if value not in names:
        raise problem(
            "page-type", f"unknown page_type {value!r}.", f"use one of: {', '.join(names)}."
        )
    return value


_RECORD = "the record that --mark-translated writes (section: {en: …, tr: …})"


def _well_formed(value: dict[str, Any], info: ValidationInfo) -> dict[str, Any]:
    if freshness.malformed(value):
        page = (info.context or {}).get("path", "<the page>")
        raise problem(
            "record",
            f"'{TRANSLATION_FIELD}' should be {_RECORD}.",
            f"do not edit it by hand; run: python scripts/check.py --mark-translated {page}",
        )
    return value


_DATE = Wanted("a date (YYYY-MM-DD)", "write the date as YYYY-MM-DD, e.g. {key}: {today}")


class FrontMatter(Schema):
    title: Annotated[
        str,
        Field(max_length=TITLE_MAX),
        AfterValidator(not_blank),
        Wanted(
            "non-empty text",
            "write the page's title as text.",
            too_long="shorten it; search engines cut longer text.",
        ),
    ]
    description: Annotated[
        str,
        Field(min_length=DESCRIPTION_RANGE[0], max_length=DESCRIPTION_RANGE[1]),
        Wanted(
            "non-empty text",
            "write the page's description as text.",
            too_long="shorten it; search engines cut longer text.",
            too_short="say in one sentence what the reader learns on this page.",
        ),
    ]
    page_type: Annotated[
        str, AfterValidator(_known_type), Wanted("the name of a page type", "e.g. treatment")
    ] = ""
    last_reviewed: Annotated[dt.date, _DATE]
    next_review: Annotated[dt.date, _DATE]
    sources: Annotated[
        list[str],
        AfterValidator(_unique),
        Wanted(
            "a list of source ids from data/sources.yml",
            "e.g. sources: [IV-ALI-2009, IV-USADA-2024]; use [] for none.",
        ),
    ]
    translated_from: Annotated[
        dict[str, Any],
        AfterValidator(_well_formed),
        Field(default_factory=dict),
        Wanted(
            _RECORD,
            "do not edit it by hand; run: python scripts/check.py --mark-translated {path}",
        ),
    ]
    hide: Annotated[
        list[Literal["navigation", "toc", "footer"]],
        Field(default_factory=list),
        Wanted("a list of parts of the page layout", f"use some of: {', '.join(HIDE_VALUES)}."),
    ]


REQUIRED_FRONT_MATTER = tuple(
    name for name, field in FrontMatter.model_fields.items() if field.is_required()
)
