"""Where things are, and which languages the site has (read from mkdocs.yml)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from sitekit.paths import DATA, DOCS, INCLUDES, MKDOCS_YML, ROOT, SITE, display_path
from sitekit.reading import read_text
from sitekit.report import DataError, error
from sitekit.yamlio import ConfigLoader, load_yaml, yaml_error

__all__ = ["DATA", "DOCS", "INCLUDES", "MKDOCS_YML", "ROOT", "SITE", "display_path"]


@dataclass(frozen=True)
class Language:
    """One language of the site."""

    code: str  # folder under docs/ and URL prefix: "en", "es", "no"
    name: str  # as shown in the language switcher
    html_lang: str  # BCP 47 tag for <html lang> and hreflang: "en", "es", "nb"
    default: bool

    @property
    def url_prefix(self) -> str:
        """Path of this language's pages below the site root ("" or "es/")."""
        return "" if self.default else f"{self.code}/"

    @property
    def english_name(self) -> str:
        """The language's name in English, for messages to editors ("Spanish")."""
        return english_name(self.code)


@cache
def english_name(code: str) -> str:
    """A language's name in English (Babel, from CLDR): "Norwegian Bokmål"."""
    try:
        return str(Locale.parse(code.replace("-", "_")).get_display_name("en"))
    except (ValueError, UnknownLocaleError):
        return code


def parse_mkdocs_config(
    text: str, where: str, loader: type[yaml.SafeLoader] = ConfigLoader
) -> dict[str, Any]:
    """mkdocs.yml text as plain data (``!ENV`` values replaced by their defaults, or
    read from the environment with ``yamlio.EnvConfigLoader``).

    Raises DataError, with the file and line.
    """
    try:
        _, data = load_yaml(text, loader)
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc)
        raise DataError(
            error(
                where,
                line,
                "yaml",
                f"mkdocs.yml cannot be read: {what}.",
                "fix the YAML on this line (mkdocs build reports the same error).",
            )
        ) from None
    if not isinstance(data, dict):
        raise DataError(error(where, 1, "yaml", "mkdocs.yml must be a mapping of settings."))
    return data


@cache
def mkdocs_config(path: Path = MKDOCS_YML) -> dict[str, Any]:
    """The parsed mkdocs.yml, read once (callers must not change it). Raises DataError."""
    text, problem = read_text(path, "data")
    if problem is not None or text is None:
        raise DataError(problem or error(display_path(path), 0, "unreadable", "cannot read it."))
    return parse_mkdocs_config(text, display_path(path))


def docs_dir_of(config_path: Path) -> Path:
    """The docs folder a mkdocs.yml points at."""
    return config_path.parent / str(mkdocs_config(config_path).get("docs_dir", "docs"))


def i18n_config(config: dict[str, Any]) -> dict[str, Any]:
    """The i18n plugin's settings from a loaded mkdocs.yml."""
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            settings = plugin["i18n"]
            if isinstance(settings, dict):
                return settings
    raise ValueError("mkdocs.yml: the i18n plugin is not configured")


def languages_from(config: dict[str, Any]) -> tuple[Language, ...]:
    """The site's languages, default first, from a loaded mkdocs.yml."""
    result = []
    for entry in i18n_config(config)["languages"]:
        code = entry["locale"]
        if code is False:  # a bare `no` in YAML 1.1
            raise ValueError('mkdocs.yml: quote the Norwegian locale as "no" (a bare no is false)')
        theme = entry.get("theme") or {}
        result.append(
            Language(
                code=str(code),
                name=str(entry["name"]),
                html_lang=str(theme.get("language") or code),
                default=bool(entry.get("default", False)),
            )
        )
    result.sort(key=lambda lang: not lang.default)
    return tuple(result)


@cache
def languages() -> tuple[Language, ...]:
    """The site's languages, default (English) first. Raises DataError."""
    return _languages(mkdocs_config(MKDOCS_YML), MKDOCS_YML)


def languages_of(config_path: Path) -> tuple[Language, ...]:
    """The languages a mkdocs.yml configures: this repository's (read once), or a
    copy's, read afresh (tests and new_language.py change it). Raises DataError."""
    if config_path.resolve() == MKDOCS_YML.resolve():
        return languages()
    text, problem = read_text(config_path, "data")
    if problem is not None or text is None:
        raise DataError(problem or error(display_path(config_path), 0, "unreadable", "cannot."))
    return _languages(parse_mkdocs_config(text, display_path(config_path)), config_path)


def _languages(config: dict[str, Any], path: Path) -> tuple[Language, ...]:
    try:
        return languages_from(config)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise DataError(
            error(
                display_path(path),
                0,
                "languages",
                f"the languages of the i18n plugin cannot be read: {exc}.",
                "each language needs 'locale' and 'name'; quote the Norwegian locale as \"no\".",
            )
        ) from None


@dataclass(frozen=True)
class Layout:
    """Where one site's sources are: this repository's, or those of a copy with the
    same folders (the tests' fixture site, the benchmark's synthetic sites). A
    folder the copy does not have is this repository's."""

    root: Path

    @classmethod
    def of(cls, docs: Path) -> Layout:
        """The site whose pages are in ``docs``."""
        return cls(docs.parent)

    def _own(self, name: str, default: Path) -> Path:
        path = self.root / name
        return path if path.exists() else default

    @property
    def mkdocs_yml(self) -> Path:
        return self._own("mkdocs.yml", MKDOCS_YML)

    @property
    def data(self) -> Path:
        return self._own("data", DATA)

    @property
    def includes(self) -> Path:
        return self._own("includes", INCLUDES)

    def languages(self) -> tuple[Language, ...]:
        return languages_of(self.mkdocs_yml)
