"""Changes to the built HTML of a page: accessibility, validity and layout hooks.

Each function takes a page's HTML and returns it changed; none depends on
MkDocs, so the same step can follow any engine that writes the same theme
markup. Where the theme's markup is not there (another theme version), the
page is returned unchanged and the built-site checks say what is missing.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

TITLE_ID = "page-title"
GLOSSARY_PREFIX = "glossary-term-"
ROW_LABELS_CLASS = "row-labels"
# A row-label table with this many columns or more is "wide": on a desktop the
# page gives it the width of the table of contents.
WIDE_FROM_COLUMNS = 5

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')
_ARTICLE_END = re.compile(r"</article>")
_SKIP = re.compile(r'<a href="[^"]*" class="md-skip">')
_H1 = re.compile(r"<h1(?P<attrs>\s[^>]*)?>")
_ABBR = re.compile(r'<abbr title="(?P<title>[^"]*)">')
_LINK = re.compile(r"<a\b.*?</a>", re.S)
_TABLE = re.compile(r"<table>\s*<thead>\s*<tr>\s*<th(?:\s[^>]*)?>\s*</th>(?P<rest>.*?)</tr>", re.S)
_TABLE_END = "</table>"
# Material writes tabindex="" on the label of a navigation section: an empty
# tabindex is invalid HTML and means the same as none.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
_SWITCHER_LINK = re.compile(
    r'(<a href=")[^"]*(" hreflang="(?P<lang>[^"]+)" class="md-select__link")'
)


def article_span(text: str) -> tuple[int, int] | None:
    """Start and end offsets of the page's article (its Markdown content)."""
    start = _ARTICLE.search(text)
    if start is None:
        return None
    end = _ARTICLE_END.search(text, start.end())
    return (start.end(), end.start()) if end else None


def insert_before_article(text: str, fragment: str) -> str:
    """``fragment`` just before the article, where the theme puts its own path
    navigation (the article starts with the title, then the disclaimer)."""
    start = _ARTICLE.search(text)
    if start is None:
        return text
    return text[: start.start()] + fragment + text[start.start() :]


def insert_at_article_end(text: str, fragment: str) -> str:
    span = article_span(text)
    if span is None:
        return text
    return text[: span[1]] + fragment + text[span[1] :]


def insert_after_heading(text: str, heading_id: str, fragment: str) -> str | None:
    """``fragment`` right after the heading with this id; None if the page has none."""
    pattern = rf'<h([1-6])\b[^>]*\bid="{re.escape(heading_id)}"[^>]*>.*?</h\1>'
    match = re.search(pattern, text, re.S)
    if match is None:
        return None
    return text[: match.end()] + fragment + text[match.end() :]


def insert_before_heading(text: str, heading_id: str, fragment: str) -> str | None:
    match = re.search(rf'<h[2-6] id="{re.escape(heading_id)}"', text)
    if match is None:
        return None
    return text[: match.start()] + fragment + text[match.start() :]


def insert_at_section_end(text: str, heading_id: str, fragment: str) -> str | None:
    """``fragment`` at the end of a level-2 section: before the next h2 or the article end."""
    start = re.search(rf'<h2 id="{re.escape(heading_id)}"', text)
    span = article_span(text)
    if start is None or span is None:
        return None
    following = re.compile(r"<h2\b").search(text, start.end(), span[1])
    at = following.start() if following else span[1]
    return text[:at] + fragment + text[at:]


def skip_to_title(text: str) -> str:
    """The theme's skip link goes to the page title, not past it to the first section."""
    span = article_span(text)
    h1 = _H1.search(text, span[0]) if span else None
    skip = _SKIP.search(text)
    if h1 is None or skip is None or "id=" in (h1.group("attrs") or ""):
        return text
    attrs = (h1.group("attrs") or "") + f' id="{TITLE_ID}" tabindex="-1"'
    text = text[: h1.start()] + f"<h1{attrs}>" + text[h1.end() :]
    return text[: skip.start()] + f'<a href="#{TITLE_ID}" class="md-skip">' + text[skip.end() :]


def focusable_glossary_terms(text: str) -> str:
    """Glossary terms reachable by keyboard, their explanation read out on focus.

    Each term gets ``aria-describedby`` pointing at a hidden copy of its
    explanation, written once per term at the end of the article, and its first
    use on the page ``tabindex="0"`` (one stop per term, not one per use). A
    term inside a link is left alone: the link is what takes the focus.
    """
    span = article_span(text)
    if span is None or "<abbr " not in text[span[0] : span[1]]:
        return text
    ids: dict[str, str] = {}
    body = text[span[0] : span[1]]
    links = [(m.start(), m.end()) for m in _LINK.finditer(body)]

    def describe(match: re.Match[str]) -> str:
        if any(start < match.start() < end for start, end in links):
            return match.group(0)
        first = match.group("title") not in ids
        term_id = ids.setdefault(match.group("title"), f"{GLOSSARY_PREFIX}{len(ids) + 1}")
        focus = ' tabindex="0"' if first else ""
        return f'<abbr title="{match.group("title")}"{focus} aria-describedby="{term_id}">'

    body = _ABBR.sub(describe, body)
    if ids:
        spans = "".join(f'<span id="{term_id}">{title}</span>' for title, term_id in ids.items())
        body += f'<div class="glossary-definitions" hidden>{spans}</div>'
    return text[: span[0]] + body + text[span[1] :]


def mark_row_label_tables(text: str) -> str:
    """Wrap each table whose first header cell is empty (its first column labels the
    rows, as in the comparison table) so the stylesheet can keep the labels in view."""
    found = list(_TABLE.finditer(text))
    for match in reversed(found):
        end = text.find(_TABLE_END, match.end())
        if end < 0:
            continue
        end += len(_TABLE_END)
        columns = 1 + match.group("rest").count("<th")
        wide = f" {ROW_LABELS_CLASS}--wide" if columns >= WIDE_FROM_COLUMNS else ""
        text = (
            text[: match.start()]
            + f'<div class="{ROW_LABELS_CLASS}{wide}">'
            + text[match.start() : end]
            + "</div>"
            + text[end:]
        )
    return text


def drop_empty_tabindex(text: str) -> str:
    return _EMPTY_TABINDEX.sub(r"\1", text)


def name_switcher_languages(text: str, html_langs: Mapping[str, str]) -> str:
    """Each language name in the switcher is read in its own language (WCAG 3.1.2)."""

    def mark(match: re.Match[str]) -> str:
        tag = html_langs.get(match.group("lang"), match.group("lang"))
        return f'{match.group(0)} lang="{html.escape(tag)}"'

    return _SWITCHER_LINK.sub(mark, text)


def point_switcher_at(text: str, targets: Mapping[str, str]) -> str:
    """Language switcher links to ``targets`` (language code -> address)."""

    def rewrite(match: re.Match[str]) -> str:
        target = targets.get(match.group("lang"))
        if target is None:
            return match.group(0)
        return f"{match.group(1)}{html.escape(target)}{match.group(2)}"

    return _SWITCHER_LINK.sub(rewrite, text)
