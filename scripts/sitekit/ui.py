"""Interface text of the site's own hooks and templates, and localized dates."""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

import yaml
from babel.dates import format_date as babel_format_date

from sitekit.paths import DATA, display_path
from sitekit.reading import read_text
from sitekit.report import DataError, error
from sitekit.yamlio import load_yaml, yaml_error

UI_FILE = DATA / "ui.yml"


@cache
def _all_strings() -> dict[str, dict[str, Any]]:
    """Every language's strings; a broken file stops the tooling with its file:line."""
    shown = display_path(UI_FILE)
    text, problem = read_text(UI_FILE, "data")
    if problem is not None or text is None:
        raise DataError(problem or error(shown, 0, "unreadable", "cannot read the file."))
    try:
        _, data = load_yaml(text)
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc)
        raise DataError(
            error(shown, line, "yaml", f"not valid YAML: {what}.", "fix the YAML on this line.")
        ) from None
    if not isinstance(data, dict) or not all(isinstance(value, dict) for value in data.values()):
        raise DataError(
            error(shown, 1, "ui-strings", "expected one mapping of strings per language.")
        )
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
