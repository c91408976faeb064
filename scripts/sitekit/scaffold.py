"""Scaffold a new page in every language and add it to the navigation.

The pages have the sections of their page type (data/content_model.yml), are
valid for the checker's front-matter and structure checks, and full of visible
unfinished markers that the checker rejects: a scaffolded page can
be reviewed in a pull request but never published until every marker is gone.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitekit import config_text, model, ui
from sitekit.disclaimers import include_line
from sitekit.files import write_all
from sitekit.freshness import text_with_record, updated_record
from sitekit.model import ContentModel, PageType
from sitekit.pages import Page, parse_page
from sitekit.project import DATA, DOCS, MKDOCS_YML, Language, languages_from, parse_mkdocs_config

_PATH = re.compile(
    r"^(?:(?P<section>[a-z0-9]+(?:-[a-z0-9]+)*)/)?(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)$"
)
REVIEW_MONTHS = 6


def recorded(path: Path, text: str, lang: Language, rel: str, english: Page) -> str:
    """A new translation's text with the record of the English text it starts from."""
    page, problems = parse_page(path, lang.code, rel, text)
    if problems:  # pragma: no cover - the template is valid by construction
        raise ScaffoldError(f"internal error in the page template: {problems[0].message}")
    return text_with_record(page, updated_record(page, english))


class ScaffoldError(Exception):
    """The request cannot be carried out; nothing was written."""


@dataclass(frozen=True)
class Plan:
    rel: str  # "treatments/new-thing.md"
    files: dict[Path, str]  # every file to create, with its text
    nav_text: str  # mkdocs.yml with the page added


def _front_matter(fields: list[tuple[str, str]]) -> str:
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in fields) + "---\n"


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _body(
    lang: Language, kind: PageType, content: ContentModel, strings: dict[str, Any], english: bool
) -> str:
    """The page's text: the disclaimer, then every section of its type with a prompt."""
    todo = content.markers.write if english else content.markers.translate
    parts = [include_line(lang.code), ""]
    if kind.intro:
        parts += [f"{todo} {kind.intro}", ""]
    sections = list(kind.section_ids)
    if content.last_section not in sections:
        sections.append(content.last_section)
    for section in sections:
        heading = strings.get("sections", {}).get(section)
        if not isinstance(heading, str):
            raise ScaffoldError(
                f"data/ui.yml has no heading for the section '{section}' in '{lang.code}'; "
                "add it under sections"
            )
        parts += [f"## {heading} {{#{section}}}", ""]
        if section == content.last_section:
            parts.append(strings["sources_intro"])
        else:
            parts.append(f"{todo} {(kind.sections or {})[section].prompt}")
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def plan(
    path: str,
    title: str,
    page_type: str | None,
    today: dt.date,
    docs: Path = DOCS,
    mkdocs_yml: Path = MKDOCS_YML,
    data: Path = DATA,
) -> Plan:
    """Everything new_page.py would write, or ScaffoldError if it must not.

    Without ``page_type`` the page gets the type of its folder (content model).
    """
    match = _PATH.match(path.removesuffix(".md"))
    if not match:
        raise ScaffoldError(
            f"'{path}' is not <section>/<slug>: use lower-case words joined by hyphens, "
            "e.g. treatments/microneedling"
        )
    content = model.load(data / model.CONTENT_MODEL_FILE.name)
    kind = content.type_for(path) if page_type is None else content.page_types.get(page_type)
    if kind is None:
        raise ScaffoldError(
            f"unknown page type '{page_type}': use one of {', '.join(content.page_types)}"
        )
    if not title.strip() or len(title) > model.TITLE_MAX:
        raise ScaffoldError(f"the title must be 1 to {model.TITLE_MAX} characters long")
    rel = path.removesuffix(".md") + ".md"
    config = mkdocs_yml.read_text(encoding="utf-8")
    site_languages = languages_from(parse_mkdocs_config(config, str(mkdocs_yml)))
    existing = [
        docs / lang.code / rel for lang in site_languages if (docs / lang.code / rel).exists()
    ]
    if existing:
        raise ScaffoldError(f"{existing[0]} already exists; choose another slug or edit that page")

    review = _add_months(today, REVIEW_MONTHS)
    english, *others = site_languages
    typed = [] if kind.default else [("page_type", kind.name)]
    marker = content.markers
    ui_file = data / ui.UI_FILE.name
    english_text = (
        _front_matter(
            [
                ("title", _quote(title)),
                (
                    "description",
                    _quote(f"{marker.write} one sentence on what the reader learns here"),
                ),
                *typed,
                ("last_reviewed", today.isoformat()),
                ("next_review", review.isoformat()),
                ("sources", "[]"),
            ]
        )
        + "\n"
        + _body(english, kind, content, ui.strings(english.code, ui_file), english=True)
    )
    english_page, problems = parse_page(docs / english.code / rel, english.code, rel, english_text)
    if problems:  # pragma: no cover - the template is valid by construction
        raise ScaffoldError(f"internal error in the page template: {problems[0].message}")
    files = {docs / english.code / rel: english_text}
    for lang in others:
        files[docs / lang.code / rel] = (
            _front_matter(
                [
                    ("title", _quote(f"{marker.translate} {title}")),
                    ("description", _quote(f"{marker.translate} the description")),
                    *typed,
                    ("last_reviewed", today.isoformat()),
                    ("next_review", review.isoformat()),
                    ("sources", "[]"),
                ]
            )
            + "\n"
            + _body(lang, kind, content, ui.strings(lang.code, ui_file), english=False)
        )
        target = docs / lang.code / rel
        files[target] = recorded(target, files[target], lang, rel, english_page)
    try:
        nav_text = config_text.add_page(config, rel, match.group("section"))
    except config_text.ConfigEditError as exc:
        raise ScaffoldError(f"{exc} to add the page to") from None
    return Plan(rel, files, nav_text)


def _add_months(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year = day.year + month // 12
    month = month % 12 + 1
    for candidate in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def apply(planned: Plan, mkdocs_yml: Path = MKDOCS_YML) -> None:
    """Write every file, or none."""
    write_all({**planned.files, mkdocs_yml: planned.nav_text})
