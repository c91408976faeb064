"""Interface text of the site's own hooks and templates, and localized dates."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from babel.dates import format_date as babel_format_date

from sitekit import datafile
from sitekit.paths import DATA

UI_FILE = DATA / "ui.yml"


@cache
def _all_strings() -> dict[str, dict[str, Any]]:
    """Every language's strings; a broken file stops the tooling with its file:line."""
    node, data = datafile.read(UI_FILE)
    if not isinstance(data, dict) or not all(isinstance(value, dict) for value in data.values()):
        raise datafile.fail(UI_FILE, node, (), "expected one mapping of strings per language.")
    return {str(key): value for key, value in data.items()}


def strings(lang: str) -> dict[str, Any]:
    """All interface strings for one language code ("en", "es", "no")."""
    try:
        return _all_strings()[lang]
    except KeyError:
        raise KeyError(f"{UI_FILE}: no strings for language {lang!r}") from None


@cache
def format_date(value: dt.date, lang: str) -> str:
    """A date as a reader of that language writes it: "23. november 2026"."""
    return str(babel_format_date(value, format="long", locale=strings(lang)["locale"]))


def language_name(of: str, in_lang: str) -> str:
    """The name of language ``of`` written in language ``in_lang``."""
    names: dict[str, str] = strings(in_lang)["language_names"]
    return names.get(of, of)


def english_name(code: str) -> str:
    """A language's name in English, for messages to editors ("Norwegian")."""
    return language_name(code, "en")
