"""Translation parity, both ways: same pages in every language."""

from __future__ import annotations

from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.paths import display_path
from sitekit.project import english_name
from sitekit.report import Problem, error


def check(context: Context) -> Iterator[Problem]:
    site = context.site
    english = site.default
    english_rels = set(site.english()) | {
        path.relative_to(site.docs / english.code).as_posix()
        for path in site.unreadable
        if path.is_relative_to(site.docs / english.code)
    }
    for rel in sorted(english_rels):
        for lang in site.translations:
            if not site.exists(lang.code, rel):
                yield error(
                    display_path(site.docs / english.code / rel),
                    0,
                    "missing-translation",
                    f"there is no {english_name(lang.code)} translation: "
                    f"docs/{lang.code}/{rel} is missing, "
                    "so the page cannot be published.",
                    f"add docs/{lang.code}/{rel} (python scripts/new_page.py scaffolds all "
                    "languages), or remove the English page.",
                )
    for lang in site.translations:
        for rel, page in sorted(site.pages.get(lang.code, {}).items()):
            if rel not in english_rels:
                yield error(
                    page.display,
                    0,
                    "missing-original",
                    f"this {english_name(lang.code)} page has no English original "
                    f"(docs/{english.code}/{rel}).",
                    "every page starts in English: add the English page, or rename this file "
                    "to match the English file name.",
                )
