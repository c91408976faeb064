"""11. What treatment pages get from data: data/treatment_pages.yml is valid, every
urgent-help number has a citable source, and data/ui.yml has the words for every
number in every language."""

from __future__ import annotations

from collections.abc import Iterator

from sitekit import treatment_pages
from sitekit.checks import Context
from sitekit.report import Problem
from sitekit.sources import CITABLE_GRADES


def check(context: Context) -> Iterator[Problem]:
    codes = tuple(lang.code for lang in context.site.languages)
    citable = {
        key for key, source in context.registry.sources.items() if source.grade in CITABLE_GRADES
    }
    yield from treatment_pages.problems(codes, treatment_pages.TREATMENT_PAGES_FILE, citable)
