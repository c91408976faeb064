"""Translation and review status of every page, and its reading level, for editors.

Printed by ``scripts/status.py`` (terminal table or Markdown for a pull-request
comment). The translation and review part is also published by the build as an
editors' page outside the reader navigation.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sitekit import readability
from sitekit.checks.placeholders import MARKER
from sitekit.content import Site
from sitekit.freshness import FIELD, outdated_sections
from sitekit.pages import Page
from sitekit.ui import english_name

DUE_SOON_DAYS = 60


class State(StrEnum):
    UP_TO_DATE = "up to date"
    OUTDATED = "outdated"
    MISSING = "missing"
    UNFINISHED = "unfinished"
    ORIGINAL = "original"


@dataclass(frozen=True)
class Row:
    rel: str
    title: str
    states: dict[str, State]  # language code -> state
    next_review: dt.date | None
    days_left: int | None

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


def _unfinished(page: Page) -> bool:
    return any(MARKER in line for _, line in page.prose) or MARKER in str(
        page.meta.get("title", "")
    )


def collect(site: Site, today: dt.date) -> list[Row]:
    rows = []
    for rel, english in sorted(site.english().items()):
        states = {site.default.code: State.UNFINISHED if _unfinished(english) else State.ORIGINAL}
        for lang in site.translations:
            page = site.counterpart(english, lang.code)
            if page is None:
                states[lang.code] = State.MISSING
            elif _unfinished(page):
                states[lang.code] = State.UNFINISHED
            elif FIELD not in page.meta or outdated_sections(page, english):
                states[lang.code] = State.OUTDATED
            else:
                states[lang.code] = State.UP_TO_DATE
        due = english.meta.get("next_review")
        due = due if isinstance(due, dt.date) else None
        rows.append(
            Row(
                rel=rel,
                title=str(english.meta.get("title", rel)),
                states=states,
                next_review=due,
                days_left=(due - today).days if due else None,
            )
        )
    return rows


def _headers(site: Site) -> list[str]:
    return ["Page", *(english_name(lang.code) for lang in site.languages), "Next review"]


def _cells(site: Site, row: Row) -> list[str]:
    return [row.rel, *(row.states[lang.code].value for lang in site.languages), row.review_note]


def _text_table(table: list[list[str]]) -> list[str]:
    """Columns padded to their widest cell, a rule under the first line."""
    widths = [max(len(line[i]) for line in table) for i in range(len(table[0]))]
    out = []
    for index, line in enumerate(table):
        out.append("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        if index == 0:
            out.append("  ".join("-" * width for width in widths))
    return out


def format_text(site: Site, rows: list[Row]) -> str:
    out = _text_table([_headers(site), *(_cells(site, row) for row in rows)])
    attention = sum(row.needs_attention for row in rows)
    out.append("")
    out.append(
        f"{len(rows)} pages; {attention} need attention "
        f"(a translation missing, unfinished or outdated, or a review due within "
        f"{DUE_SOON_DAYS} days)."
    )
    return "\n".join(out) + "\n"


def format_markdown(site: Site, rows: list[Row]) -> str:
    icons = {
        State.UP_TO_DATE: "✅ up to date",
        State.ORIGINAL: "✅ original",
        State.OUTDATED: "⚠️ outdated",
        State.UNFINISHED: "✏️ unfinished",
        State.MISSING: "❌ missing",
    }
    headers = _headers(site)
    lines = [
        "## Translation and review status",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
    ]
    for row in rows:
        states = [icons[row.states[lang.code]] for lang in site.languages]
        review = row.review_note
        if row.days_left is not None and row.days_left <= DUE_SOON_DAYS:
            review = f"**{review}**"
        lines.append(f"| `{row.rel}` | " + " | ".join(states) + f" | {review} |")
    attention = sum(row.needs_attention for row in rows)
    lines += [
        "",
        f"{len(rows)} pages, {attention} needing attention. To update a translation, edit it and "
        "run `python scripts/check.py --mark-translated docs/<lang>/<page>.md`.",
    ]
    return "\n".join(lines) + "\n"


# --- Reading level ----------------------------------------------------------------


@dataclass(frozen=True)
class Reading:
    rel: str
    # language code -> (score of the page, score of its summary section or None)
    scores: dict[str, tuple[float | None, float | None]]


def collect_reading(site: Site) -> list[Reading]:
    """The reading level of every page in every language (data/readability.yml)."""
    summary = readability.settings().summary_section
    rows = []
    for rel in sorted(site.english()):
        scores = {}
        for lang in site.languages:
            page = site.pages.get(lang.code, {}).get(rel)
            if page is not None:
                scores[lang.code] = (
                    readability.score(readability.readable_text(page), lang.code, lang.html_lang),
                    readability.score(
                        readability.readable_text(page, summary), lang.code, lang.html_lang
                    )
                    if summary
                    else None,
                )
        rows.append(Reading(rel, scores))
    return rows


def _missed(code: str, value: float | None) -> bool:
    target = readability.settings().targets.get(code)
    return value is not None and target is not None and not target.met(value)


def _reading_cells(site: Site, row: Reading, mark: str) -> list[str]:
    cells = []
    for lang in site.languages:
        values = row.scores.get(lang.code, (None, None))
        shown = [
            f"{value:.1f}{mark if _missed(lang.code, value) else ''}"
            for value in values
            if value is not None
        ]
        cells.append(" / ".join(shown) or "-")
    return [row.rel, *cells]


def _reading_headers(site: Site) -> list[str]:
    targets = readability.settings().targets
    return [
        "Page",
        *(
            f"{english_name(lang.code)} ({targets[lang.code].describe()})"
            if lang.code in targets
            else english_name(lang.code)
            for lang in site.languages
        ),
    ]


def reading_warning(rows: list[Reading]) -> str | None:
    """One line saying how many pages and summaries miss their target, or None."""
    summary = readability.settings().summary_section
    pages = [(code, pair[0]) for row in rows for code, pair in row.scores.items()]
    parts = [(code, pair[1]) for row in rows for code, pair in row.scores.items()]
    missed_pages = sum(_missed(code, value) for code, value in pages)
    missed_parts = sum(_missed(code, value) for code, value in parts)
    if not missed_pages and not missed_parts:
        return None
    counted_parts = sum(value is not None for _, value in parts)
    text = f"warning: {missed_pages} of {sum(v is not None for _, v in pages)} pages"
    if summary:
        text += f" and {missed_parts} of {counted_parts} '{summary}' sections"
    return text + " miss the reading-level target of their language (STYLE_GUIDE.md)."


def _reading_note() -> str:
    summary = readability.settings().summary_section
    part = f" / the '{summary}' section" if summary else ""
    return f"Each cell: the whole page{part}."


def format_reading_text(site: Site, rows: list[Reading]) -> str:
    out = _text_table([_reading_headers(site), *(_reading_cells(site, r, " !") for r in rows)])
    out += ["", _reading_note() + " ! misses the target."]
    warning = reading_warning(rows)
    return "\n".join(out + ([warning] if warning else [])) + "\n"


def format_reading_markdown(site: Site, rows: list[Reading]) -> str:
    headers = _reading_headers(site)
    lines = [
        "## Reading level",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
    ]
    for row in rows:
        rel, *cells = _reading_cells(site, row, " ⚠️")
        lines.append(f"| `{rel}` | " + " | ".join(cells) + " |")
    lines += ["", _reading_note() + " ⚠️ misses the target."]
    warning = reading_warning(rows)
    return "\n".join(lines + (["", f"**{warning}**"] if warning else [])) + "\n"
