"""One search index per language.

The i18n plugin merges every language into one ``search/search_index.json``
that every page downloads; a search on ``/es/`` then returns Norwegian pages
and the index is three times the size a reader needs. The build writes
``<prefix>search/search_index.json`` per language instead, with that language's
lunr stemmer and stop words, and points each page at its own index.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Material's page configuration, a JSON object with a "base" key:
#   <script id="__config" type="application/json">{"annotate": null, "base": "..", ...
_CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">[^<]*?"base":\s*")([^"]*)(")'
)


@dataclass(frozen=True)
class LanguageSearch:
    """Search settings of one language, as Material's language pack gives them."""

    lunr_lang: str
    separator: str
    pipeline: tuple[str, ...]


def split_entries(
    entries: Iterable[Mapping[str, Any]], prefixes: Mapping[str, str]
) -> dict[str, list[dict[str, Any]]]:
    """Entries per language code, with locations made relative to that language's root."""
    by_lang: dict[str, list[dict[str, Any]]] = {code: [] for code in prefixes}
    seen: set[tuple[str, str]] = set()
    ordered = sorted(prefixes.items(), key=lambda item: len(item[1]), reverse=True)
    for entry in entries:
        location = str(entry["location"])
        for code, prefix in ordered:
            if location.startswith(prefix):
                local = dict(entry, location=location[len(prefix) :])
                key = (code, local["location"])
                if key not in seen:  # the plugin may hand over a page twice on rebuilds
                    seen.add(key)
                    by_lang[code].append(local)
                break
    return by_lang


def write(
    site_dir: Path,
    prefix: str,
    settings: LanguageSearch,
    fields: Mapping[str, Any],
    entries: list[dict[str, Any]],
) -> Path:
    """Write one language's index and return its path."""
    index = {
        "config": {
            "lang": [settings.lunr_lang],
            "separator": settings.separator,
            "pipeline": list(settings.pipeline),
            "fields": dict(fields),
        },
        "docs": entries,
    }
    path = site_dir / prefix / "search" / "search_index.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return path


def point_page_at_language_root(html: str, prefix: str) -> str:
    """Make Material's ``base`` (used for the search index and result links) the language root.

    Raises ValueError when the page has no Material configuration script, so a
    theme upgrade that changes it cannot silently bring back the mixed index.
    """
    if not prefix:
        return html

    def _rewrite(match: re.Match[str]) -> str:
        base = match.group(2)
        root = base if base.endswith("/") else base + "/"
        return f"{match.group(1)}{root}{prefix}{match.group(3)}"

    result, count = _CONFIG_BASE.subn(_rewrite, html, count=1)
    if count != 1:
        raise ValueError("Material's __config script was not found in the page")
    return result
