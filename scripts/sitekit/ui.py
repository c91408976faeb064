"""Interface text of the site's own hooks and templates, and localized dates."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.dates import format_date as babel_format_date

from sitekit import datafile
from sitekit.paths import DATA

UI_FILE = DATA / "ui.yml"


class Strings(dict[str, Any]):
    """One language's strings. A key it lacks stops the build with the file to fix:
    Jinja would silently print nothing (an empty heading) for a missing key."""

    def __init__(self, values: dict[str, Any], lang: str, path: Path) -> None:
        super().__init__(
            (key, Strings(value, lang, path) if isinstance(value, dict) else value)
            for key, value in values.items()
        )
        self.lang, self.path = lang, path

    def __missing__(self, key: str) -> Any:
        raise datafile.problem_at(
            self.path,
            0,
            f"the interface string '{key}' is missing for '{self.lang}'.",
            "add it; python scripts/check.py lists every missing string with its line",
        )


def all_strings(path: Path | None = None) -> dict[str, Strings]:
    """Every language's strings (of this repository's data/ui.yml by default); a broken
    file stops the tooling with its file:line."""
    path = path or UI_FILE
    return _all_strings(path, datafile.version(path))


@cache
def _all_strings(path: Path, version: tuple[int, int]) -> dict[str, Strings]:
    node, data = datafile.read(path)
    if not isinstance(data, dict) or not all(isinstance(value, dict) for value in data.values()):
        raise datafile.fail(path, node, (), "expected one mapping of strings per language.")
    return {str(key): Strings(value, str(key), path) for key, value in data.items()}


def strings(lang: str, path: Path | None = None) -> Strings:
    """All interface strings for one language code ("en", "es", "no")."""
    path = path or UI_FILE
    found = all_strings(path)
    if lang not in found:
        raise datafile.problem_at(
            path, 1, f"there are no interface strings for '{lang}'.", "run python scripts/check.py"
        )
    return found[lang]


@cache
def format_date(value: dt.date, lang: str) -> str:
    """A date as a reader of that language writes it: "23. november 2026"."""
    return str(babel_format_date(value, format="long", locale=strings(lang)["locale"]))


def language_name(of: str, in_lang: str) -> str:
    """The name of language ``of`` written in language ``in_lang`` (Babel, from CLDR)."""
    locale = Locale.parse(strings(in_lang)["locale"])
    return str(locale.languages.get(of.replace("-", "_"), of))
