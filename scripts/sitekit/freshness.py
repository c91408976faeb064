"""Translation freshness, section by section.

A translation records, in ``translated_from``, a short hash of every section of
the English page it was translated from, and of its own text of that section
when it was marked::

    translated_from:
      _intro: {en: "1a2b3c4d", tr: "5e6f7a8b"}
      risks: {en: "9c0d1e2f", tr: "3a4b5c6d"}

A section is a heading with an ID and the text up to the next heading; ``_intro``
is the title, the description and the text before the first heading. When an
English section changes, its hash differs and that section of the translation
is outdated: the checker names it and readers see a notice there. No Git
history is needed, so shallow CI clones work; where history exists,
``sitekit.history`` finds when the English section changed and its old text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from sitekit.files import atomic_write
from sitekit.pages import Page

FIELD = "translated_from"
INTRO = "_intro"
HASH_LENGTH = 8
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def section_lines(page: Page) -> dict[str, list[str]]:
    """Each section's lines as written, by ID, in page order (``_intro``: title and
    description lines, then the body before the first heading)."""
    starts = {h.line: h.id for h in page.headings if h.id}
    chunks: dict[str, list[str]] = {
        INTRO: [str(page.meta.get("title", "")), str(page.meta.get("description", ""))]
    }
    current = INTRO
    for number, line in enumerate(page.body, start=page.body_start):
        section = starts.get(number)
        if section is not None:
            current = section
            chunks[current] = []
        chunks[current].append(line)
    return chunks


def section_texts(page: Page) -> dict[str, str]:
    """Each section's text by ID, in page order; whitespace does not count."""
    texts = {}
    for section, lines in section_lines(page).items():
        paragraphs = _PARAGRAPH_BREAK.split("\n".join(lines))
        texts[section] = "\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    return texts


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def section_hashes(page: Page) -> dict[str, str]:
    return {section: _digest(text) for section, text in section_texts(page).items()}


@dataclass(frozen=True)
class Entry:
    """What a translation recorded for one section."""

    en: str  # the English section's hash when the translation was marked
    tr: str  # the translation's own section hash at that time
    unchanged: bool = False  # the translator stated that no change was needed


def recorded(page: Page) -> dict[str, Entry] | None:
    """The translation's record, or None if it has none (or it is malformed)."""
    return parse_record(page.meta.get(FIELD))


def parse_record(value: Any) -> dict[str, Entry] | None:
    """A ``translated_from`` value as entries, or None if it is missing or malformed."""
    if not isinstance(value, dict):
        return None
    entries = {}
    for section, item in value.items():
        if not (
            isinstance(section, str)
            and isinstance(item, dict)
            and isinstance(item.get("en"), str)
            and isinstance(item.get("tr"), str)
        ):
            return None
        entries[section] = Entry(item["en"], item["tr"], item.get("unchanged") is True)
    return entries


def malformed(value: Any) -> bool:
    """Whether a ``translated_from`` value is not the mapping the tools write."""
    if not isinstance(value, dict) or not value:
        return True
    return any(
        not isinstance(item, dict)
        or not isinstance(item.get("en"), str)
        or not isinstance(item.get("tr"), str)
        for item in value.values()
    )


def outdated_sections(translation: Page, english: Page) -> list[str]:
    """The English sections that changed since the translation was made, in page order.

    A translation with no valid record is not judged here (the front-matter
    check reports it).
    """
    return changed_sections(recorded(translation), english)


def changed_sections(entries: dict[str, Entry] | None, english: Page) -> list[str]:
    """The English sections whose text differs from what ``entries`` recorded."""
    if entries is None:
        return []
    return [
        section
        for section, value in section_hashes(english).items()
        if section not in entries or entries[section].en != value
    ]


def updated_record(
    translation: Page,
    english: Page,
    sections: list[str] | None = None,
    unchanged: set[str] | frozenset[str] = frozenset(),
) -> dict[str, Entry]:
    """The record after marking ``sections`` (all when None) as translated."""
    entries = dict(recorded(translation) or {})
    english_hashes = section_hashes(english)
    own = section_hashes(translation)
    for section in sections if sections is not None else list(english_hashes):
        entries[section] = Entry(
            english_hashes[section], own.get(section, ""), section in unchanged
        )
    # Sections that no longer exist in English are forgotten; the order is the English one.
    return {s: entries[s] for s in english_hashes if s in entries}


def not_edited(translation: Page, english: Page, sections: list[str]) -> list[str]:
    """Of the outdated ``sections``, those whose translation is unchanged since it was marked."""
    entries = recorded(translation) or {}
    own = section_hashes(translation)
    changed = set(outdated_sections(translation, english))
    return [s for s in sections if s in changed and s in entries and entries[s].tr == own.get(s)]


def render(entries: dict[str, Entry], newline: str = "\n") -> str:
    """The ``translated_from`` block as it is written into the front matter."""
    lines = [f"{FIELD}:"]
    for section, entry in entries.items():
        flag = ", unchanged: true" if entry.unchanged else ""
        lines.append(f'  {section}: {{en: "{entry.en}", tr: "{entry.tr}"{flag}}}')
    return newline.join(lines) + newline


def text_with_record(translation: Page, entries: dict[str, Entry]) -> str:
    """The page's text with its ``translated_from`` block replaced (or added)."""
    lines = translation.text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    closing = translation.body_start - 2  # index of the closing --- line
    if FIELD in translation.meta_lines:
        start = translation.meta_lines[FIELD] - 1
        end = start + 1
        while end < closing and lines[end][:1] in (" ", "\t"):
            end += 1
    else:
        start = end = closing
    lines[start:end] = [render(entries, newline)]
    return "".join(lines)


def write_record(translation: Page, entries: dict[str, Entry]) -> None:
    """Replace the page's ``translated_from`` block, touching nothing else, atomically."""
    atomic_write(translation.path, text_with_record(translation, entries))


def describe(sections: list[str]) -> str:
    """'{#risks} and {#urgent-help}' for a list of section IDs."""
    names = [
        f"{{#{s}}}" if not s.startswith("_") else "the title and introduction" for s in sections
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
