"""Add a language to the site (``scripts/new_language.py``), every part marked as still
to translate: the checker then names what is left, and nothing unfinished is published.

The new language gets, from the default (English) language:

- its entry in the i18n languages of mkdocs.yml: name, site name, description,
  copyright, navigation section titles and theme labels;
- its block of interface strings in data/ui.yml (the date locale from Babel);
- includes/<code>/disclaimer.md, pinned in data/disclaimers.yml with the same
  emergency numbers;
- its block in data/numbers.yml: decimal and group symbols from Babel (CLDR), and
  no number words yet;
- docs/<code>/: every English page, marked as not yet translated.

Everything is planned first and written all at once, or not at all.
"""

from __future__ import annotations

import copy
import hashlib
import importlib.resources
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.numbers import get_decimal_symbol, get_group_symbol

from sitekit import config_text, datafile, model, scaffold, sitenav
from sitekit.content import load_site
from sitekit.disclaimers import PINS_FILE, disclaimer_file, include_line, load_pins
from sitekit.files import write_all
from sitekit.numerals import NUMBERS_FILE
from sitekit.paths import display_path
from sitekit.project import Language, Layout, languages_from, parse_mkdocs_config
from sitekit.readability import READABILITY_FILE
from sitekit.ui import UI_FILE
from sitekit.yamlio import ConfigLoader, load_yaml

CODE = re.compile(r"^[a-z]{2,3}(?:-[a-z0-9]{2,8})?$")
_SPACES = " \u00a0\u202f\u2009"


class LanguageError(Exception):
    """The language cannot be added; nothing was written."""


@dataclass(frozen=True)
class Plan:
    language: Language
    files: dict[Path, str]  # every file to write, new or changed, with its text
    notes: list[str]


def plan(code: str, root: Path, name: str | None = None, locale: str | None = None) -> Plan:
    """Everything new_language.py would write into the site at ``root``, or LanguageError."""
    if not CODE.match(code):
        raise LanguageError(f"'{code}' is not a language code: use lower case, e.g. fr or pt-br")
    layout = Layout(root)
    config_text = layout.mkdocs_yml.read_text(encoding="utf-8")
    existing = languages_from(parse_mkdocs_config(config_text, str(layout.mkdocs_yml)))
    if any(lang.code == code for lang in existing):
        raise LanguageError(f"'{code}' is already a language of the site (mkdocs.yml)")
    for folder in (root / "docs" / code, layout.includes / code):
        if folder.exists():
            raise LanguageError(f"{folder} already exists; move it away or remove it first")
    babel_locale = _babel_locale(code, locale)
    theme_language, notes = _theme_language(code, babel_locale)
    language = Language(code, name or _own_name(babel_locale), theme_language, default=False)
    marker = model.load(layout.data / model.CONTENT_MODEL_FILE.name).markers.translate
    default = existing[0]
    files = {
        layout.mkdocs_yml: _config(config_text, language, marker),
        layout.data / UI_FILE.name: _ui(
            layout.data / UI_FILE.name, default, code, babel_locale, marker
        ),
        layout.data / NUMBERS_FILE.name: _numbers(layout, default, code, babel_locale),
        layout.data / READABILITY_FILE.name: _readability(
            layout.data / READABILITY_FILE.name, code
        ),
    }
    disclaimer = _disclaimer(disclaimer_file(default.code, layout.includes), marker)
    files[disclaimer_file(code, layout.includes)] = disclaimer
    files[layout.data / PINS_FILE.name] = _pins(
        layout.data / PINS_FILE.name, default, code, disclaimer
    )
    files.update(_pages(root / "docs", default, language, marker))
    return Plan(language, files, notes)


def apply(planned: Plan) -> None:
    write_all(planned.files)


# --- What Babel knows ---------------------------------------------------------------


def _babel_locale(code: str, locale: str | None) -> Locale:
    """The locale for dates and numbers: the one given, or the language's likeliest."""
    try:
        if locale:
            return Locale.parse(locale)
        likely = Locale.parse(str(get_global("likely_subtags").get(code.replace("-", "_"), code)))
        return Locale(likely.language, territory=likely.territory)
    except (ValueError, UnknownLocaleError):
        raise LanguageError(
            f"Babel (CLDR) knows no locale for '{locale or code}'; give one with --locale, "
            "e.g. --locale fr_FR"
        ) from None


def _own_name(locale: Locale) -> str:
    """The language's name in itself, as the language menu shows it: "Français"."""
    name = str(locale.get_display_name(locale) or locale.language)
    return name.split(" (")[0][:1].upper() + name.split(" (")[0][1:]


def _theme_language(code: str, locale: Locale) -> tuple[str, list[str]]:
    """The theme's language pack: the language's own code, or Babel's language ("no" ->
    nb). Written in every entry: the i18n plugin otherwise mixes up another language's."""
    packs = importlib.resources.files("material") / "templates" / "partials" / "languages"
    for candidate in (code, locale.language):
        if (packs / f"{candidate}.html").is_file():
            return candidate, []
    return code, [
        f"Material has no language pack '{code}': the build needs one, for example "
        f"overrides/partials/languages/{code}.html made from a pack of a close language."
    ]


# --- Configuration and data ------------------------------------------------------------


def _mark(value: Any, marker: str) -> Any:
    if isinstance(value, str):
        return f"{marker} {value}"
    if isinstance(value, dict):
        return {key: _mark(item, marker) for key, item in value.items()}
    if isinstance(value, list):
        return [_mark(item, marker) for item in value]
    return value


def _config(text: str, language: Language, marker: str) -> str:
    """mkdocs.yml with the language's entry after the last one."""
    _, config = load_yaml(text, ConfigLoader)
    palette = [
        {"toggle": {"name": _mark(item["toggle"]["name"], marker)}}
        for item in (config.get("theme") or {}).get("palette") or []
        if isinstance(item, dict) and isinstance(item.get("toggle"), dict)
    ]
    entry: dict[str, Any] = {"locale": language.code, "name": language.name, "build": True}
    for key in ("site_name", "site_description", "copyright"):
        if isinstance(config.get(key), str):
            entry[key] = _mark(" ".join(config[key].split()), marker)
    sections = sitenav.section_titles(config.get("nav"))
    if sections:
        entry["nav_translations"] = {title: _mark(title, marker) for title in sections}
    entry["theme"] = {"language": language.html_lang, **({"palette": palette} if palette else {})}
    try:
        return config_text.add_language(text, entry)
    except config_text.ConfigEditError as exc:
        raise LanguageError(str(exc)) from None


def _appended(path: Path, block: list[str]) -> str:
    text = path.read_text(encoding="utf-8")
    return text.rstrip("\n") + "\n" + "\n".join(block) + "\n"


def _ui(path: Path, default: Language, code: str, locale: Locale, marker: str) -> str:
    _, data = datafile.read(path)
    english = data.get(default.code) if isinstance(data, dict) else None
    if not isinstance(english, dict):
        raise LanguageError(f"{path} has no strings for '{default.code}' to start from")
    strings = _mark(copy.deepcopy(english), marker)
    strings["locale"] = str(locale)
    return _appended(path, ["", *config_text.dump({code: strings}, 0)])


def _numbers(layout: Layout, default: Language, code: str, locale: Locale) -> str:
    path = layout.data / NUMBERS_FILE.name
    _, data = datafile.read(path)
    english = data.get(default.code, {}) if isinstance(data, dict) else {}
    symbols = {}
    for key, found in (
        ("decimal", get_decimal_symbol(locale)),
        ("group", get_group_symbol(locale)),
    ):
        symbol = " " if found in _SPACES else found
        if symbol not in (".", ",", " "):
            raise LanguageError(f"{path.name} cannot hold the {key} symbol '{found}' of {locale}")
        symbols[key] = symbol
    block = {**symbols, "range": english.get("range", "{a}–{b}")}
    block.update({key: {} for key in ("words", "maybe", "above_ten", "units")})
    comment = (
        f"# {code}: decimal and group symbols from CLDR (Babel). To translate: the number "
        "words, maybe, above_ten and units, as for the other languages."
    )
    return _appended(path, ["", comment, *config_text.dump({code: block}, 0)])


def _readability(path: Path, code: str) -> str:
    """data/readability.yml with LIX for the language, which counts long words and long
    sentences in any language, until the style guide sets its formula and target."""
    text = path.read_text(encoding="utf-8")
    node, _ = datafile.read(path)
    table = (
        next((v for k, v in node.value if k.value == "languages"), None)
        if isinstance(node, yaml.MappingNode)
        else None
    )
    if not isinstance(table, yaml.MappingNode) or not table.value:
        raise LanguageError(f"{path} has no languages to add to")
    indent = table.value[0][0].start_mark.column
    lines = text.splitlines(keepends=True)
    at = table.end_mark.line if table.end_mark.column == 0 else table.end_mark.line + 1
    while at > 0 and not lines[at - 1].strip():
        at -= 1
    entry = " " * indent + f"{code}: {{formula: lix, target: 40, better: lower}}\n"
    return "".join([*lines[:at], entry, *lines[at:]])


def _disclaimer(english: Path, marker: str) -> str:
    first, _, rest = english.read_text(encoding="utf-8").partition("\n")
    return f"{first}\n{marker} the disclaimer, from English.\n\n{rest}"


def _pins(path: Path, default: Language, code: str, disclaimer: str) -> str:
    pins, problems = load_pins(path)
    if problems or default.code not in pins:
        raise LanguageError(f"{path} must pin the '{default.code}' disclaimer first")
    entry = {
        "sha256": hashlib.sha256(disclaimer.encode("utf-8")).hexdigest(),
        "emergency_numbers": list(pins[default.code].emergency_numbers),
    }
    return _appended(path, config_text.dump({code: entry}, 0))


# --- Pages --------------------------------------------------------------------------------


def _pages(docs: Path, default: Language, language: Language, marker: str) -> dict[Path, str]:
    """Every English page, marked as not yet translated, recording the English it is from."""
    site = load_site(docs, (default,))
    english_folder = display_path(docs / default.code)
    broken = [p for p in site.problems if p.path.startswith(english_folder)]
    if broken:
        raise LanguageError(
            f"{broken[0].location}: {broken[0].message} Fix the English pages first"
        )
    files = {}
    for rel, english in sorted(site.english().items()):
        meta = dict(english.meta)
        for key in ("title", "description"):
            if isinstance(meta.get(key), str):
                meta[key] = _mark(meta[key], marker)
        body = "\n".join(english.body).replace(
            include_line(default.code), include_line(language.code), 1
        )
        lines = body.split("\n")
        at = next((i + 1 for i, line in enumerate(lines) if include_line(language.code) in line), 0)
        lines[at:at] = ["", f"{marker} this page: below is the English text."]
        front = yaml.safe_dump(
            meta, allow_unicode=True, sort_keys=False, width=1000, default_flow_style=None
        )
        text = f"---\n{front}---\n" + "\n".join(lines).rstrip("\n") + "\n"
        path = docs / language.code / rel
        files[path] = scaffold.recorded(path, text, language, rel, english)
    return files
