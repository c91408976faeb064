"""Reading built HTML as a browser does: the one HTML parser of the project.

selectolax drives Lexbor, an HTML5 parser that follows the WHATWG parsing
rules, so a page is read the way Chromium reads it (unclosed tags, ``/`` between
attributes, entities in attribute values). The build verification, the
sanitizer's report and the tests all read pages through this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property

from selectolax.lexbor import LexborHTMLParser, LexborNode

# The element that holds a page's own content (Material and Zensical).
CONTENT_SELECTOR = "article.md-content__inner"
DISCLAIMER_CLASS = "disclaimer"
URGENT_HELP_CLASS = "urgent-help-callout"  # written by the post-build step

# Attributes whose value is an address (HTML and SVG).
URL_ATTRS = frozenset(
    {
        "href",
        "src",
        "srcset",
        "imagesrcset",
        "action",
        "formaction",
        "poster",
        "data",
        "cite",
        "background",
        "longdesc",
        "lowsrc",
        "dynsrc",
        "ping",
        "manifest",
        "icon",
        "codebase",
        "archive",
        "xlink:href",
    }
)


def parse(text: str) -> LexborHTMLParser:
    """A whole page, or a fragment (then its nodes are under ``.body``)."""
    return LexborHTMLParser(text)


def parse_fragment(html: str) -> LexborNode:
    """An HTML fragment, parsed as the inside of a page's body.

    (Parsed on its own, a fragment that starts with <style>, <meta> or <base>
    would put those in the head, where the body's rules would not see them.)
    """
    body = LexborHTMLParser("<!DOCTYPE html><html><head></head><body>" + html).body
    assert body is not None
    return body


def elements(root: LexborNode) -> Iterator[LexborNode]:
    """Every element under ``root``, itself included, in document order."""
    for node in root.traverse(include_text=False):
        if node.is_element_node:
            yield node


def attributes(node: LexborNode) -> dict[str, str]:
    """The node's attributes; a bare attribute (``hidden``) has the value ""."""
    return {name: value or "" for name, value in node.attributes.items()}


def classes(node: LexborNode) -> list[str]:
    return (node.attributes.get("class") or "").split()


def text_of(node: LexborNode) -> str:
    """The node's text, whitespace-normalized."""
    return " ".join(node.text(deep=True).split())


@dataclass
class Document:
    """A parsed page and where its content (the article) is."""

    tree: LexborHTMLParser

    @cached_property
    def content(self) -> LexborNode | None:
        return self.tree.css_first(CONTENT_SELECTOR)

    @cached_property
    def _content_ids(self) -> frozenset[int]:
        content = self.content
        return frozenset(node.mem_id for node in elements(content)) if content else frozenset()

    def in_content(self, node: LexborNode) -> bool:
        return node.mem_id in self._content_ids


def read_page(text: str) -> Document:
    return Document(parse(text))


@dataclass(frozen=True)
class UrlRef:
    tag: str
    attr: str
    value: str
    in_content: bool  # inside the article body (the Markdown of the page)


@dataclass(frozen=True)
class UrgentHelp:
    """An urgent-help call-out: its text and its telephone links (href, text)."""

    text: str
    links: list[tuple[str, str]]


@dataclass
class PageScan:
    """The facts the build verification and the tests read from one page."""

    html_lang: str | None = None
    canonical: str | None = None
    alternates: list[tuple[str, str]] = field(default_factory=list)  # (hreflang, href)
    urls: list[UrlRef] = field(default_factory=list)
    disclaimers: list[str] = field(default_factory=list)  # text of each .disclaimer block
    urgent_help: list[UrgentHelp] = field(default_factory=list)
    h1_texts: list[str] = field(default_factory=list)
    outdated_notice: bool = False


def scan(document: Document) -> PageScan:
    tree = document.tree
    result = PageScan()
    html = tree.css_first("html")
    result.html_lang = html.attributes.get("lang") if html is not None else None
    for link in tree.css("link[href]"):
        rel = (link.attributes.get("rel") or "").split()
        href = link.attributes.get("href") or ""
        if "canonical" in rel and result.canonical is None:
            result.canonical = href
        if "alternate" in rel and "hreflang" in link.attributes:
            result.alternates.append((link.attributes.get("hreflang") or "", href))
    for node in elements(tree.root) if tree.root is not None else ():
        for name, value in node.attributes.items():
            if name in URL_ATTRS and value:
                result.urls.append(UrlRef(node.tag or "", name, value, document.in_content(node)))
        if DISCLAIMER_CLASS in classes(node) and node.tag == "div":
            result.disclaimers.append(text_of(node))
        if URGENT_HELP_CLASS in classes(node) and node.tag == "div":
            links = [
                (link.attributes.get("href") or "", text_of(link))
                for link in node.css("a[href]")
                if (link.attributes.get("href") or "").startswith("tel:")
            ]
            result.urgent_help.append(UrgentHelp(text_of(node), links))
        if "translation-outdated" in classes(node):
            result.outdated_notice = True
    result.h1_texts = [text_of(node) for node in tree.css("h1")]
    return result


def scan_html(text: str) -> PageScan:
    """Scan one built page."""
    return scan(read_page(text))


def is_noindex(tree: LexborHTMLParser) -> bool:
    """Whether the page asks robots to leave it out (``<meta name="robots" content="noindex">``)."""
    meta = tree.css_first('meta[name="robots"]')
    content = (meta.attributes.get("content") or "") if meta is not None else ""
    return "noindex" in {word.strip().lower() for word in content.split(",")}
