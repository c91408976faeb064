"""The reading level of every page in every language, for status.py and the editors.

The scores are readability's (data/readability.yml); this module gathers them
for the whole site and writes them as a table, marking what misses its target.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitekit import readability
from sitekit.content import Site
from sitekit.project import english_name
from sitekit.status import text_table


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
    out = text_table([_reading_headers(site), *(_reading_cells(site, r, " !") for r in rows)])
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
