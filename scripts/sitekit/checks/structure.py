"""Structure: explicit heading IDs, and translations with the English sections.

Sections are compared by their language-independent IDs (``## Riesgos {#risks}``),
in order and at the same level. A page has the sections its page type declares
(data/content_model.yml), in order, and ends with the last section.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.model import SLUG, ContentModel, PageType
from sitekit.pages import Heading, Page
from sitekit.report import Problem, error

_ID = re.compile(SLUG)


def check(context: Context) -> Iterator[Problem]:
    site = context.site
    for page in site.all_pages():
        yield from _own_structure(page, context.model)
    for _, english in sorted(site.english().items()):
        for lang in site.translations:
            translation = site.counterpart(english, lang.code)
            if translation is not None:
                yield from compare(english, translation)


def _own_structure(page: Page, model: ContentModel) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for heading in page.headings:
        if heading.level == 1:
            yield error(
                page.display,
                heading.line,
                "structure",
                "the page has its own level-1 heading.",
                "remove it: the page title comes from 'title' in the front matter.",
            )
            continue
        if heading.id is None:
            yield error(
                page.display,
                heading.line,
                "heading-id",
                f"the heading '{heading.text}' has no ID.",
                "add a language-independent ID in English, the same in every language, "
                "e.g. '## Risks {#risks}'.",
            )
            continue
        if not _ID.match(heading.id):
            yield error(
                page.display,
                heading.line,
                "heading-id",
                f"the heading ID '{heading.id}' is not lower-case words joined by hyphens.",
                "e.g. {#side-effects}.",
            )
        if heading.id in seen:
            yield error(
                page.display,
                heading.line,
                "heading-id",
                f"the heading ID '{heading.id}' is used twice (first on line {seen[heading.id]}).",
                "give every section its own ID.",
            )
        seen.setdefault(heading.id, heading.line)
    present = [h.id for h in page.headings if h.level == 2 and h.id]
    kind = model.type_of(page.meta)
    if kind is not None:  # an unknown page_type is the front-matter check's to report
        yield from _standard_sections(page, kind, present)
    last = model.last_section
    if present and present[-1] != last:
        yield error(
            page.display,
            page.headings[-1].line,
            "structure",
            f"the {last} section must be the last section.",
            f"move '## … {{#{last}}}' to the end of the page.",
        )


def _standard_sections(page: Page, kind: PageType, present: list[str]) -> Iterator[Problem]:
    expected = kind.section_ids
    order = ", ".join(f"#{s}" for s in expected) + "."
    missing = [section for section in expected if section not in present]
    for section in missing:
        yield error(
            page.display,
            page.body_start,
            "structure",
            f"a {kind.name} page needs the section {{#{section}}}.",
            f"{kind.name} pages have these sections, in order: {order}",
        )
    ordered = [section for section in present if section in expected]
    if not missing and ordered != list(expected):
        line = next(h.line for h in page.headings if h.id == ordered[0])
        for wanted, actual in zip(expected, ordered, strict=True):
            if wanted != actual:
                line = next(h.line for h in page.headings if h.id == actual)
                break
        yield error(
            page.display,
            line,
            "structure",
            f"the standard sections of a {kind.name} page are out of order.",
            f"order: {order}",
        )


def _outline(page: Page) -> list[Heading]:
    return [h for h in page.headings if h.level > 1 and h.id]


def compare(english: Page, translation: Page) -> Iterator[Problem]:
    """The translation has the English sections, in the same order and at the same level."""
    theirs = _outline(english)
    ours = _outline(translation)
    english_ids = {h.id: h for h in theirs}
    our_ids = {h.id: h for h in ours}
    for heading in theirs:
        if heading.id not in our_ids:
            yield error(
                translation.display,
                _insertion_line(translation, theirs, heading),
                "structure",
                f"the section {{#{heading.id}}} ('{heading.text}', line {heading.line} of "
                f"{english.display}) is missing.",
                f"translate that section and keep its ID: {'#' * heading.level} … "
                f"{{#{heading.id}}}",
            )
    for heading in ours:
        if heading.id not in english_ids:
            yield error(
                translation.display,
                heading.line,
                "structure",
                f"the section {{#{heading.id}}} does not exist in the English page.",
                "use the English page's section IDs, or add the section to the English page first.",
            )
    common_theirs = [h for h in theirs if h.id in our_ids]
    common_ours = [h for h in ours if h.id in english_ids]
    for expected, actual in zip(common_theirs, common_ours, strict=True):
        if expected.id != actual.id:
            yield error(
                translation.display,
                actual.line,
                "structure",
                f"sections are in a different order: found {{#{actual.id}}} where the "
                f"English page has {{#{expected.id}}}.",
                "put the sections in the English order.",
            )
            break
        if expected.level != actual.level:
            yield error(
                translation.display,
                actual.line,
                "structure",
                f"the section {{#{actual.id}}} is level {actual.level}, but level "
                f"{expected.level} in English.",
                f"use {'#' * expected.level} for this heading.",
            )


def _insertion_line(translation: Page, theirs: list[Heading], missing: Heading) -> int:
    """Where a missing section would go: the line of the section before it, if present."""
    ours = {h.id: h.line for h in translation.headings if h.id}
    index = theirs.index(missing)
    for previous in reversed(theirs[:index]):
        if previous.id in ours:
            return ours[previous.id]
    return translation.body_start
