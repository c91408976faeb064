"""Interface text: data/ui.yml has every string the site uses, in every language.

Each language's strings are validated against ``model.UiStrings`` (every key the
hooks and templates use, none empty, placeholders kept) and must give a heading
for every section of every page type. A string still marked to translate is
unfinished: the site would show the marker to readers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import yaml

from sitekit import datafile
from sitekit.checks.context import Context
from sitekit.model import UiStrings, findings
from sitekit.paths import display_path
from sitekit.project import Language
from sitekit.report import Problem, error

CODE = "ui-strings"


def check(context: Context) -> Iterator[Problem]:
    path = context.data / "ui.yml"
    shown = display_path(path)
    try:
        node, data = datafile.read(path)
    except datafile.DataError as exc:
        yield exc.problem
        return
    if not isinstance(data, dict) or not all(isinstance(value, dict) for value in data.values()):
        yield error(shown, 1, CODE, "expected one mapping of strings per language.")
        return
    data = {str(key): value for key, value in data.items()}
    site = context.site
    english = data.get(site.default.code, {})
    for lang in site.languages:
        if lang.code not in data:
            yield error(
                shown,
                1,
                CODE,
                f"there are no interface strings for {lang.english_name} ({lang.code}).",
                f"run: python scripts/new_language.py {lang.code}, or copy the "
                f"{site.default.code} block, quote its key and translate it.",
            )
            continue
        yield from _language(shown, node, lang, data[lang.code], english, context)
    known = {lang.code for lang in site.languages}
    for code in data:
        if code not in known:
            yield error(
                shown,
                datafile.line_of(node, code),
                CODE,
                f"strings for '{code}', which is not one of the site's languages.",
                "remove the block, or add the language to mkdocs.yml.",
            )


def _language(
    shown: str,
    node: yaml.Node | None,
    lang: Language,
    strings: dict[str, Any],
    english: dict[str, Any],
    context: Context,
) -> Iterator[Problem]:
    where = f"the {lang.english_name} block"
    _, found = findings(strings, UiStrings, where)
    for finding in found:
        english_text = _at(english, finding.key) if lang != context.site.default else None
        hint = finding.hint
        if isinstance(english_text, str) and finding.key != finding.loc:  # missing
            hint = f"add {finding.key[-1]}: <in {lang.english_name}: «{english_text}»>"
        elif isinstance(english_text, str):
            hint = f"{hint} In English: «{english_text}»."
        yield error(
            shown, datafile.line_of(node, lang.code, *finding.loc), CODE, finding.message, hint
        )
    sections = strings.get("sections")
    if isinstance(sections, dict):
        for section in sorted(context.model.section_ids - set(map(str, sections))):
            yield error(
                shown,
                datafile.line_of(node, lang.code, "sections"),
                CODE,
                f"{where} has no heading for the section {{#{section}}}.",
                f"add '{section}: <the heading in {lang.english_name}>' under sections.",
            )
    marker = context.model.markers.unfinished
    marked = [(loc, text) for loc, text in _texts(strings) if marker in text]
    if marked:
        lines = [datafile.line_of(node, lang.code, *loc) for loc, _ in marked]
        shown_lines = ", ".join(map(str, lines[:8])) + (", …" if len(lines) > 8 else "")
        loc, text = marked[0]
        yield error(
            shown,
            lines[0],
            "unfinished",
            f"{len(marked)} interface string{'s' * (len(marked) > 1)} of {where} still to "
            f"translate, such as {'.'.join(loc)}: {text} (line{'s' * (len(lines) > 1)} "
            f"{shown_lines}).",
            f"write each in {lang.english_name}, then delete its marker.",
        )


def _at(data: Any, loc: tuple[str, ...]) -> Any:
    for key in loc:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _texts(
    data: dict[str, Any], loc: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], str]]:
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _texts(value, (*loc, str(key)))
        elif isinstance(value, str):
            yield (*loc, str(key)), value
