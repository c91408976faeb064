"""Translation and review status of every page, and its reading level, for editors
and coordinators.

Printed by ``scripts/status.py`` (a terminal table, Markdown for a pull-request
comment, or JSON for tools; see ``sitekit.status_format``) and published by the
build as an editors' page outside the reader navigation.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sitekit import model
from sitekit.content import Site
from sitekit.freshness import FIELD, outdated_sections, recorded
from sitekit.history import History, section_changes
from sitekit.pages import Page, built_path
from sitekit.paths import display_path
from sitekit.wayfinding import page_url

DUE_SOON_DAYS = 60


class State(StrEnum):
    UP_TO_DATE = "up to date"
    OUTDATED = "outdated"
    MISSING = "missing"
    UNFINISHED = "unfinished"
    ORIGINAL = "original"


@dataclass(frozen=True)
class Outdated:
    """One English section that changed since the translation was made."""

    section: str
    changed_on: dt.date | None  # from Git, where known
    safety: bool = False  # a safety section of the content model


@dataclass(frozen=True)
class Entry:
    """One page in one language."""

    state: State
    file: str  # docs/es/treatments/x.md, as problems show paths
    url: str  # the published address below the site root: "es/treatments/x/"
    outdated: tuple[Outdated, ...] = ()

    @property
    def since(self) -> dt.date | None:
        """When the oldest English change it lags behind was made, where known."""
        dates = [item.changed_on for item in self.outdated if item.changed_on is not None]
        return min(dates) if dates else None


@dataclass(frozen=True)
class Row:
    rel: str
    title: str
    entries: dict[str, Entry]  # language code -> its state
    next_review: dt.date | None
    days_left: int | None

    @property
    def states(self) -> dict[str, State]:
        return {code: entry.state for code, entry in self.entries.items()}

    @property
    def review_note(self) -> str:
        if self.next_review is None or self.days_left is None:
            return "no date"
        if self.days_left < 0:
            return f"{self.next_review} (overdue by {-self.days_left} days)"
        if self.days_left <= DUE_SOON_DAYS:
            return f"{self.next_review} (due in {self.days_left} days)"
        return str(self.next_review)

    @property
    def needs_attention(self) -> bool:
        late = self.days_left is not None and self.days_left <= DUE_SOON_DAYS
        return late or any(
            state not in {State.UP_TO_DATE, State.ORIGINAL} for state in self.states.values()
        )


@dataclass(frozen=True)
class Status:
    rows: list[Row]
    orphans: list[Page] = field(default_factory=list)  # translations with no English page

    def counts(self, lang: str) -> dict[State, int]:
        found = dict.fromkeys(State, 0)
        for row in self.rows:
            found[row.entries[lang].state] += 1
        return {state: count for state, count in found.items() if count}


HistoryOf = Callable[[Page], History]


def _outdated(
    page: Page, english: Page, history_of: HistoryOf | None, safety: frozenset[str]
) -> tuple[Outdated, ...]:
    sections = outdated_sections(page, english)
    if not sections or history_of is None:
        return tuple(Outdated(section, None, section in safety) for section in sections)
    changes = section_changes(recorded(page), english, sections, history_of(english))
    return tuple(
        Outdated(change.section, change.changed_on, change.section in safety) for change in changes
    )


def collect_status(
    site: Site,
    today: dt.date,
    history_of: HistoryOf | None = None,
    content: model.ContentModel | None = None,
) -> Status:
    """Every page's state per language; ``history_of`` (Git) dates the English changes.

    ``content``: the site's content model (default: this repository's).
    """
    content = content or model.load()
    rows = []
    for rel, english in sorted(site.english().items()):
        default = site.default
        entries = {
            default.code: Entry(
                State.UNFINISHED if content.unfinished(english) else State.ORIGINAL,
                english.display,
                page_url(built_path(rel, default.url_prefix)),
            )
        }
        for lang in site.translations:
            page = site.counterpart(english, lang.code)
            file = display_path(site.docs / lang.code / rel)
            url = page_url(built_path(rel, lang.url_prefix))
            if page is None:
                entries[lang.code] = Entry(State.MISSING, file, url)
            elif content.unfinished(page):
                entries[lang.code] = Entry(State.UNFINISHED, file, url)
            elif FIELD not in page.meta:
                entries[lang.code] = Entry(State.OUTDATED, file, url)
            else:
                outdated = _outdated(page, english, history_of, content.safety_sections)
                state = State.OUTDATED if outdated else State.UP_TO_DATE
                entries[lang.code] = Entry(state, file, url, outdated)
        due = english.meta.get("next_review")
        due = due if isinstance(due, dt.date) else None
        rows.append(
            Row(
                rel=rel,
                title=str(english.meta.get("title", rel)),
                entries=entries,
                next_review=due,
                days_left=(due - today).days if due else None,
            )
        )
    english_pages = site.english()
    orphans = [
        page
        for lang in site.translations
        for rel, page in sorted(site.pages.get(lang.code, {}).items())
        if rel not in english_pages
    ]
    return Status(rows, orphans)


def collect(site: Site, today: dt.date) -> list[Row]:
    """The rows alone, without Git dates."""
    return collect_status(site, today).rows


def git_history() -> HistoryOf:
    """Git history of English pages, each read once."""
    from sitekit.history import file_history

    cache: dict[Path, History] = {}

    def history_of(page: Page) -> History:
        if page.path not in cache:
            cache[page.path] = file_history(page.path)
        return cache[page.path]

    return history_of


def text_table(table: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell, a rule under the first line."""
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    out = []
    for index, line in enumerate(table):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return out
