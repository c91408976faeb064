"""One pass over a built HTML page: the facts the checks and tests need."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

# Elements whose text never counts as page prose.
_VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
_URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "srcset"}


@dataclass(frozen=True)
class UrlRef:
    tag: str
    attr: str
    value: str
    in_content: bool  # inside the article body (the Markdown of the page)


@dataclass
class PageScan:
    html_lang: str | None = None
    canonical: str | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, href)
    urls: list[UrlRef] = field(default_factory=list)
    disclaimers: list[str] = field(default_factory=list)  # text of each .disclaimer block
    h1_count: int = 0
    h1_text: str = ""
    outdated_notice: bool = False


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = PageScan()
        self._stack: list[str] = []
        self._content_depth: int | None = None
        self._disclaimer_depth: int | None = None
        self._disclaimer_text: list[str] = []
        self._h1_depth: int | None = None
        self._h1_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        classes = values.get("class", "").split()
        depth = len(self._stack)
        if tag == "html":
            self.scan.html_lang = values.get("lang")
        elif tag == "link":
            rel = values.get("rel", "").split()
            if "canonical" in rel:
                self.scan.canonical = values.get("href")
            if "alternate" in rel and "hreflang" in values:
                self.scan.alternates.append((values["hreflang"], values.get("href", "")))
        if tag == "article" and "md-content__inner" in classes and self._content_depth is None:
            self._content_depth = depth
        if tag == "div" and "disclaimer" in classes and self._disclaimer_depth is None:
            self._disclaimer_depth = depth
            self._disclaimer_text = []
        if "translation-outdated" in classes:
            self.scan.outdated_notice = True
        if tag == "h1":
            self.scan.h1_count += 1
            if self._h1_depth is None and self.scan.h1_count == 1:
                self._h1_depth = depth
        for name, value in values.items():
            if name in _URL_ATTRS and value:
                self.scan.urls.append(UrlRef(tag, name, value, self._content_depth is not None))
        if tag not in _VOID:
            self._stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self._stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID or tag not in self._stack:
            return
        while self._stack:
            closed = self._stack.pop()
            depth = len(self._stack)
            if self._content_depth == depth:
                self._content_depth = None
            if self._disclaimer_depth == depth:
                self._disclaimer_depth = None
                self.scan.disclaimers.append(" ".join("".join(self._disclaimer_text).split()))
            if self._h1_depth == depth:
                self._h1_depth = None
                self.scan.h1_text = " ".join("".join(self._h1_text).split())
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._disclaimer_depth is not None:
            self._disclaimer_text.append(data)
        if self._h1_depth is not None:
            self._h1_text.append(data)


def scan_html(text: str) -> PageScan:
    """Scan one built page."""
    scanner = _Scanner()
    scanner.feed(text)
    scanner.close()
    return scanner.scan


_HTML_LANG = re.compile(r"<html\b[^>]*?\blang=\"([^\"]*)\"")
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_DISCLAIMER = re.compile(r'<div class="[^"]*\bdisclaimer\b[^"]*"[^>]*>(.*?)</div>', re.DOTALL)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class PageFacts:
    """What the build verification needs, read with a few searches (fast on large pages)."""

    html_lang: str | None
    h1_texts: list[str]
    disclaimers: list[str]


def _text(fragment: str) -> str:
    return " ".join(unescape(_TAG.sub(" ", fragment)).split())


def page_facts(text: str) -> PageFacts:
    """The language, level-1 headings and disclaimer texts of a built page.

    The site's disclaimer block holds paragraphs only (no nested ``div``), so
    its text ends at the first ``</div>``.
    """
    lang = _HTML_LANG.search(text)
    return PageFacts(
        html_lang=lang.group(1) if lang else None,
        h1_texts=[_text(match.group(1)) for match in _H1.finditer(text)],
        disclaimers=[_text(match.group(1)) for match in _DISCLAIMER.finditer(text)],
    )
