"""Readers of a translation see, at each section that changed in English since it was
translated, a notice in their language with the date of the change and a link to
that section of the English page. Safety sections get a prominent notice.

Engine-neutral: ``place`` works on a page's HTML, whatever built it.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from sitekit import markup, model, ui
from sitekit.freshness import INTRO, Entry, changed_sections
from sitekit.history import History, section_changes
from sitekit.pages import Page

CLASS = "translation-outdated"
SECTION_CLASS = "changed-section-"  # + the section's heading ID


@dataclass(frozen=True)
class SectionNotice:
    section: str  # heading ID, or INTRO for the title, description and lead
    changed_on: dt.date | None  # when the English section changed, where Git knows
    safety: bool = False  # a safety section of the content model


def notices_for(
    record: dict[str, Entry] | None, english: Page, history: History | None = None
) -> list[SectionNotice]:
    """One notice per English section that changed since the translation was made
    (``record``: the translation's ``translated_from``)."""
    sections = changed_sections(record, english)
    safety = model.load().safety_sections
    if not sections or history is None:
        return [SectionNotice(section, None, section in safety) for section in sections]
    changes = section_changes(record, english, sections, history)
    return [
        SectionNotice(change.section, change.changed_on, change.section in safety)
        for change in changes
    ]


def render(notice: SectionNotice, lang: str, english_href: str, english_lang: str) -> str:
    """The notice's HTML, in the reader's language."""
    strings = ui.strings(lang)["section_outdated"]
    kind = "safety" if notice.safety else "intro" if notice.section == INTRO else "section"
    body_key = ("body_safety" if notice.safety else "body") + (
        "" if notice.changed_on else "_undated"
    )
    href = english_href if notice.section == INTRO else f"{english_href}#{notice.section}"
    label = strings["link_intro" if notice.section == INTRO else "link"]
    link = (
        f'<a href="{html.escape(href)}" hreflang="{html.escape(english_lang)}">'
        f"{html.escape(label)}</a>"
    )
    body = html.escape(strings[body_key]).replace("{link}", link)
    if notice.changed_on:
        day = ui.format_date(notice.changed_on, lang)
        time = f'<time datetime="{notice.changed_on.isoformat()}">{html.escape(day)}</time>'
        body = body.replace("{date}", time)
    style = "danger" if notice.safety else "note"
    extra = f" {CLASS}--safety" if notice.safety else ""
    # The class names the section (data/html_policy.yml allows classes on content);
    # the search index leaves the notice out, as it does the disclaimer.
    return (
        f'<div class="admonition {style} {CLASS}{extra} {SECTION_CLASS}{notice.section}" '
        'role="note" data-search-exclude>'
        f'<p class="admonition-title">{html.escape(strings["title_" + kind])}</p>'
        f"<p>{body}</p></div>"
    )


def place(
    content: str, notices: list[SectionNotice], lang: str, english_href: str, english_lang: str
) -> tuple[str, str]:
    """``content`` with each section's notice right after its heading, and the notices
    that belong under the page title (the introduction's, and any whose heading is not
    in the HTML: a safety notice is never dropped)."""
    top = []
    for notice in notices:
        rendered = render(notice, lang, english_href, english_lang)
        placed = (
            None
            if notice.section == INTRO
            else markup.insert_after_heading(content, notice.section, rendered)
        )
        if placed is None:
            top.append(rendered)
        else:
            content = placed
    return content, "".join(top)
