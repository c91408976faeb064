"""data/sources.yml and data/ui.yml: one entry of the register, one language's strings."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from babel import Locale, UnknownLocaleError
from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints, model_validator

from sitekit.model.base import Schema, Slug, Text
from sitekit.model.explain import Wanted, problem

SOURCE_ID = r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9.]+)*$"
CITABLE_GRADES = ("A", "B", "C")


def _grade(value: str) -> str:
    if value == "D":
        raise problem(
            "grade",
            "grade D sources (clinic, wiki, advocacy pages) may not be cited.",
            "cite a regulator, a peer-reviewed paper or a professional body instead.",
        )
    if value not in CITABLE_GRADES:
        raise problem("grade", f"unknown grade '{value}'.", "use A, B or C, as in the dossier.")
    return value


def _as_text(value: Any) -> Any:
    """Digits and dates that YAML read as numbers and dates, as the text written."""
    if isinstance(value, dt.date | int) and not isinstance(value, bool):
        return value.isoformat() if isinstance(value, dt.date) else str(value)
    return value


class SourceEntry(Schema):
    title: Text
    publisher: Text
    year: Annotated[
        int | None, Wanted("a number (or null when unknown)", "e.g. year: 2009, or year: null")
    ]
    lang: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$"), Wanted("a language code")]
    grade: Annotated[str, BeforeValidator(_as_text), AfterValidator(_grade), Wanted("A, B or C")]
    authors: str = ""
    details: Annotated[str, BeforeValidator(_as_text)] = ""
    doi: Annotated[
        str,
        StringConstraints(pattern=r"^10\.\d{4,9}/\S+$"),
        Wanted("a DOI", "write the bare DOI, e.g. 10.1089/acm.2008.0410."),
    ] = ""
    pmid: Annotated[
        str,
        BeforeValidator(_as_text),
        StringConstraints(pattern=r"^\d{1,9}$"),
        Wanted("a PubMed id", "write the digits only, e.g. 19250003."),
    ] = ""
    url: Annotated[
        str,
        StringConstraints(pattern=r"^https?://"),
        Wanted("a web address", "give the publisher's own page, https:// or http://."),
    ] = ""
    reproduced_by: str = ""
    note: str = ""

    @model_validator(mode="after")
    def _identified(self) -> SourceEntry:
        if not (self.doi or self.pmid or self.url or self.details or self.reproduced_by):
            raise problem(
                "identify",
                "nothing identifies the document.",
                "add a doi, pmid, url, the official document number in 'details', "
                "or who reproduced the text in 'reproduced_by'.",
            )
        return self


REQUIRED_SOURCE_FIELDS = tuple(
    name for name, field in SourceEntry.model_fields.items() if field.is_required()
)


# --- data/ui.yml ------------------------------------------------------------------


def _locale(value: str) -> str:
    try:
        Locale.parse(value)
    except (ValueError, UnknownLocaleError):
        raise problem(
            "locale", f"'{value}' is not a locale Babel knows.", "e.g. en_GB, es_ES, nb_NO."
        ) from None
    return value


def _keeps(*names: str) -> AfterValidator:
    def check(value: str) -> str:
        missing = [name for name in names if "{" + name + "}" not in value]
        if missing:
            raise problem(
                "placeholder",
                f"the text has lost {', '.join('{' + name + '}' for name in missing)}.",
                "keep each {placeholder} as it is in English: the site fills it in.",
            )
        return value

    return AfterValidator(check)


UiText = Annotated[
    str, Field(min_length=1), Wanted("text", "write the text in the language of this block.")
]


class SectionOutdatedWords(Schema):
    """The notice at a section whose English text changed (section_notices.py)."""

    title_section: UiText
    title_intro: UiText
    title_safety: UiText
    body: Annotated[UiText, _keeps("date", "link")]
    body_undated: Annotated[UiText, _keeps("link")]
    body_safety: Annotated[UiText, _keeps("date", "link")]
    body_safety_undated: Annotated[UiText, _keeps("link")]
    link: UiText
    link_intro: UiText


class UrgentHelpWords(Schema):
    title: UiText
    emergency: UiText
    same_day: UiText = Field(alias="same-day")
    poison: UiText
    numbers: dict[str, UiText]


class UiStrings(Schema):
    """The interface text of one language: every string the hooks and templates use."""

    locale: Annotated[str, AfterValidator(_locale), Wanted("a Babel locale", "e.g. es_ES.")]
    last_reviewed: UiText
    next_review: UiText
    section_outdated: SectionOutdatedWords
    permalink: UiText
    not_found_title: UiText
    not_found_body: UiText
    not_found_home: UiText
    not_found_other: UiText
    footnote_back: Annotated[UiText, _keeps("n")]
    source_in_language: Annotated[UiText, _keeps("language")]
    source_copy_of: Annotated[UiText, _keeps("publisher")]
    # The site's search box (overrides/partials/site-search.html).
    search_open: UiText
    search_label: UiText
    search_placeholder: UiText
    search_close: UiText
    search_hint: UiText
    search_loading: UiText
    search_none: UiText
    search_one: UiText
    search_other: Annotated[UiText, _keeps("n")]
    search_unavailable: UiText
    sections: dict[Slug, UiText]
    sources_intro: UiText
    breadcrumbs: UiText
    home: UiText
    related_treatments: UiText
    report_error: UiText
    urgent_help: UrgentHelpWords
