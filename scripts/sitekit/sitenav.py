"""The navigation of mkdocs.yml as data: every page, in order, with its sections.

The one reader of ``nav:``: the navigation check, the breadcrumbs and the
"related treatments" lists all take the site's structure from here, so no list
of pages is ever kept by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NavEntry:
    rel: str  # source path under docs/<lang>/ ("treatments/mesotherapy.md")
    sections: tuple[str, ...]  # English titles of the sections it is in, outermost first


def entries(nav: Sequence[Any] | None) -> list[NavEntry]:
    """Every page of a ``nav:`` list, in navigation order."""
    found: list[NavEntry] = []
    _walk(nav or [], (), found)
    return found


def _walk(items: Sequence[Any], sections: tuple[str, ...], found: list[NavEntry]) -> None:
    for item in items:
        if isinstance(item, str):
            found.append(NavEntry(item, sections))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, list):
                    _walk(value, (*sections, str(title)), found)
                elif isinstance(value, str):
                    found.append(NavEntry(value, sections))


def section_titles(nav: Sequence[Any] | None) -> list[str]:
    """The title of every section, outermost first, each once."""
    titles: list[str] = []
    for entry in entries(nav):
        titles.extend(title for title in entry.sections if title not in titles)
    return titles


def siblings(all_entries: Sequence[NavEntry], rel: str, limit: int) -> list[str]:
    """Up to ``limit`` other pages of the section ``rel`` is in, those after it first.

    The pages that follow it in the navigation come first and the list wraps
    around, so every page of a large section is linked from a few others and
    the lists stay short.
    """
    here = next((entry for entry in all_entries if entry.rel == rel), None)
    if here is None or not here.sections:
        return []
    group = [entry.rel for entry in all_entries if entry.sections == here.sections]
    index = group.index(rel)
    ordered = group[index + 1 :] + group[:index]
    return ordered[:limit]


def translated(title: str, translations: Mapping[str, Any] | None) -> str:
    """A section title in a language, from that language's ``nav_translations``."""
    value = (translations or {}).get(title)
    return str(value) if value else title
