"""What treatment pages get from data: data/treatment_pages.yml is valid, names a
page type of the content model and one of its sections, every urgent-help number
has a citable source, and data/ui.yml has the words for every number in every
language."""

from __future__ import annotations

from collections.abc import Iterator

from sitekit import datafile, treatment_pages
from sitekit.checks.context import Context
from sitekit.datafile import DataError
from sitekit.paths import display_path
from sitekit.report import Problem, error
from sitekit.sources import CITABLE_GRADES
from sitekit.ui import UI_FILE


def check(context: Context) -> Iterator[Problem]:
    codes = tuple(lang.code for lang in context.site.languages)
    citable = {
        key for key, source in context.registry.sources.items() if source.grade in CITABLE_GRADES
    }
    path = context.data / treatment_pages.TREATMENT_PAGES_FILE.name
    yield from treatment_pages.problems(codes, path, citable, context.data / UI_FILE.name)
    try:
        settings = treatment_pages.load(path)
    except DataError:
        return  # reported above
    kind = context.model.page_types.get(settings.page_type)
    if kind is None or settings.urgent_section not in kind.section_ids:
        node, _ = datafile.read(path)
        yield error(
            display_path(path),
            datafile.line_of(node, "page_type" if kind is None else "urgent_help"),
            "data",
            f"'{settings.page_type}' is not a page type with a section "
            f"'{settings.urgent_section}' in {display_path(context.model_file)}.",
            f"use one of the page types: {', '.join(context.model.page_types)}, and one "
            "of its sections.",
        )
