"""11. What treatment pages get from data: data/treatment_pages.yml is valid and
data/ui.yml has the urgent-help words for every number in every language."""

from __future__ import annotations

from collections.abc import Iterator

from sitekit import treatment_pages
from sitekit.checks import Context
from sitekit.report import Problem


def check(context: Context) -> Iterator[Problem]:
    codes = tuple(lang.code for lang in context.site.languages)
    yield from treatment_pages.problems(codes, treatment_pages.TREATMENT_PAGES_FILE)
