"""The translation status as a terminal table, Markdown (pull requests and the
editors' page) or JSON (tools)."""

from __future__ import annotations

import json
from typing import Any

from sitekit.content import Site
from sitekit.project import english_name
from sitekit.status import DUE_SOON_DAYS, Entry, Row, State, Status, text_table
from sitekit.status_reading import Reading, format_reading_markdown, format_reading_text

ICONS = {
    State.UP_TO_DATE: "✅ up to date",
    State.ORIGINAL: "✅ original",
    State.OUTDATED: "⚠️ outdated",
    State.UNFINISHED: "✏️ unfinished",
    State.MISSING: "❌ missing",
}
MARK = "python scripts/check.py --mark-translated docs/<lang>/<page>.md"


def _sections(entry: Entry) -> str:
    """'{#risks} (safety), {#claims}; English changed 2026-11-20' or ''."""
    if not entry.outdated:
        return ""
    names = ", ".join(
        ("title/intro" if item.section.startswith("_") else f"{{#{item.section}}}")
        + (" (safety)" if item.safety else "")
        for item in entry.outdated
    )
    return names + (f"; English changed {entry.since.isoformat()}" if entry.since else "")


def _summary(site: Site, status: Status) -> list[str]:
    attention = sum(row.needs_attention for row in status.rows)
    lines = [
        f"{len(status.rows)} pages; {attention} need attention (a translation missing, "
        f"unfinished or outdated, or a review due within {DUE_SOON_DAYS} days)."
    ]
    for lang in site.translations:
        counts = status.counts(lang.code)
        parts = ", ".join(f"{count} {state.value}" for state, count in counts.items())
        lines.append(f"{english_name(lang.code)}: {parts or 'no pages'}.")
    return lines


def format_text(site: Site, status: Status, reading: list[Reading] | None = None) -> str:
    headers = ["Page", *(english_name(lang.code) for lang in site.languages), "Next review"]
    out = text_table(
        [headers]
        + [
            [row.rel, *(row.states[lang.code].value for lang in site.languages), row.review_note]
            for row in status.rows
        ]
    )
    outdated = [entry for row in status.rows for entry in row.entries.values() if entry.outdated]
    if outdated:
        out += ["", "Outdated sections (see the English changes with status.py --diff FILE):"]
        out += [f"  {entry.file}: {_sections(entry)}" for entry in outdated]
    if status.orphans:
        out += ["", "Translations with no English page (orphans):"]
        out += [f"  {page.display}" for page in status.orphans]
    out += ["", *_summary(site, status)]
    text = "\n".join(out) + "\n"
    return text + ("\n" + format_reading_text(site, reading) if reading is not None else "")


def _cell(entry: Entry, link_base: str | None) -> str:
    text = ICONS[entry.state]
    if link_base is not None and entry.state is not State.MISSING:
        text = f"[{text}]({link_base}{entry.url})"
    details = _sections(entry)
    return f"{text}<br>{details}" if details else text


def _review(row: Row) -> str:
    late = row.days_left is not None and row.days_left <= DUE_SOON_DAYS
    return f"**{row.review_note}**" if late else row.review_note


def format_markdown(
    site: Site,
    status: Status,
    reading: list[Reading] | None = None,
    link_base: str | None = None,
) -> str:
    """A Markdown report; with ``link_base`` (the site root, relative to where the
    report is published) every state links to its page."""
    headers = ["Page", *(english_name(lang.code) for lang in site.languages), "Next review"]
    lines = [
        "## Translation and review status",
        "",
        "| " + " | ".join(headers) + " |",
        "|" + "---|" * len(headers),
    ]
    for row in status.rows:
        cells = [_cell(row.entries[lang.code], link_base) for lang in site.languages]
        lines.append(f"| `{row.rel}` | " + " | ".join(cells) + f" | {_review(row)} |")
    if status.orphans:
        lines += ["", "### Translations with no English page", ""]
        lines += [f"- `{page.display}`" for page in status.orphans]
    lines += ["", *_summary(site, status)]
    lines += [
        "",
        "To see what changed in English: `python scripts/status.py --diff docs/<lang>/<page>.md`. "
        f"After updating a translation: `{MARK}`.",
    ]
    text = "\n".join(lines) + "\n"
    return text + ("\n" + format_reading_markdown(site, reading) if reading is not None else "")


def as_data(site: Site, status: Status, reading: list[Reading] | None = None) -> dict[str, Any]:
    """Everything in the report as plain data (``--format json``)."""

    def entry_data(entry: Entry) -> dict[str, Any]:
        return {
            "state": entry.state.value,
            "file": entry.file,
            "url": entry.url,
            "outdated_sections": [
                {
                    "id": item.section,
                    "safety": item.safety,
                    "changed_on": item.changed_on.isoformat() if item.changed_on else None,
                }
                for item in entry.outdated
            ],
            "since": entry.since.isoformat() if entry.since else None,
        }

    return {
        "pages": [
            {
                "page": row.rel,
                "title": row.title,
                "next_review": row.next_review.isoformat() if row.next_review else None,
                "needs_attention": row.needs_attention,
                "languages": {code: entry_data(entry) for code, entry in row.entries.items()},
            }
            for row in status.rows
        ],
        "orphans": [{"lang": page.lang, "file": page.display} for page in status.orphans],
        "counts": {
            lang.code: {state.value: count for state, count in status.counts(lang.code).items()}
            for lang in site.languages
        },
        # Per page and language: the whole page's score and its summary section's.
        "reading_level": {
            row.rel: {
                code: {"page": scores[0], "summary": scores[1]}
                for code, scores in row.scores.items()
            }
            for row in reading or []
        },
    }


def format_json(site: Site, status: Status, reading: list[Reading] | None = None) -> str:
    return json.dumps(as_data(site, status, reading), ensure_ascii=False, indent=2) + "\n"


FORMATS = {"text": format_text, "markdown": format_markdown, "json": format_json}
