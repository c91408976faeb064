"""The navigation in mkdocs.yml: every entry has a page, every page an entry,
and every section title a translation in every language; no language's settings
still marked to translate (new_language.py writes them so)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from sitekit import sitenav
from sitekit.checks.context import Context
from sitekit.project import display_path, english_name, i18n_config, parse_mkdocs_config
from sitekit.reading import read_text
from sitekit.report import DataError, Problem, error, warning


def check(context: Context) -> Iterator[Problem]:
    if context.mkdocs_yml is None:
        return
    text, problem = read_text(context.mkdocs_yml, "data")
    if problem is not None or text is None:
        yield problem or error(display_path(context.mkdocs_yml), 0, "navigation", "unreadable")
        return
    shown = display_path(context.mkdocs_yml)
    lines = text.splitlines()

    def line_of(needle: str) -> int:
        return next((n for n, line in enumerate(lines, 1) if needle in line), 0)

    try:
        config = parse_mkdocs_config(text, shown)
        i18n = i18n_config(config).get("languages") or []
    except DataError as exc:
        yield replace(exc.problem, code="navigation")
        return
    except ValueError as exc:
        yield error(shown, 0, "navigation", f"{exc}.", "configure the i18n plugin's languages.")
        return
    pages = [entry.rel for entry in sitenav.entries(config.get("nav"))]
    sections = sitenav.section_titles(config.get("nav"))
    english = context.site.english()
    for entry in pages:
        if not context.site.exists(context.site.default.code, entry):
            yield error(
                shown,
                line_of(entry),
                "navigation",
                f"the navigation lists {entry}, but docs/{context.site.default.code}/{entry} "
                "does not exist.",
                "fix the path, or remove the entry.",
            )
    listed = set(pages)
    for rel, english_page in sorted(english.items()):
        if rel not in listed:
            yield warning(
                english_page.display,
                0,
                "navigation",
                "the page is not in the navigation of mkdocs.yml.",
                f"add '- {rel}' under the right section of nav: in mkdocs.yml "
                "(python scripts/new_page.py does this for new pages).",
            )
    languages = {
        str(entry.get("locale")): entry
        for entry in (i18n if isinstance(i18n, list) else [])
        if isinstance(entry, dict)
    }
    for lang in context.site.translations:
        translations = (languages.get(lang.code) or {}).get("nav_translations") or {}
        if not isinstance(translations, dict):
            translations = {}
        for section in sections:
            if section not in translations:
                yield error(
                    shown,
                    line_of(f"- {section}:"),
                    "navigation",
                    f"the navigation section '{section}' has no {english_name(lang.code)} title.",
                    f"add '{section}: …' under nav_translations of the '{lang.code}' "
                    "language in mkdocs.yml.",
                )
    yield from _unfinished(shown, lines, context.model.markers.unfinished)


_LOCALE = re.compile(r"""^\s*-\s+locale:\s*["']?([^"'\s#]+)""")


def _unfinished(shown: str, lines: list[str], marker: str) -> Iterator[Problem]:
    """One problem per language whose settings still have a marker."""
    found: dict[str, list[int]] = {}
    current = ""
    for number, line in enumerate(lines, start=1):
        match = _LOCALE.match(line)
        current = match.group(1) if match else current
        if marker in line:
            found.setdefault(current, []).append(number)
    for code, numbers in found.items():
        yield error(
            shown,
            numbers[0],
            "unfinished",
            f"the settings of '{code}' are not yet translated: {len(numbers)} marked "
            f"(line{'s' * (len(numbers) > 1)} {', '.join(map(str, numbers))}).",
            "translate the site name, description, navigation titles and theme labels of "
            "the language, and delete each marker.",
        )
