"""What a reader reads on a page, as blocks of text with their source lines.

The page is rendered (``sitekit.rendering``) and the HTML read with the
project's HTML parser (``sitekit.htmlscan``): every paragraph, list item, heading, table cell,
definition, admonition title and raw HTML block becomes one block; inline
markup (links, emphasis, abbreviations, code) stays inside its block. The
title and the description of the front matter are blocks too.

Python-Markdown does not say which source line an element came from, so each
block is found again in the Markdown, in order, by its first words. Only the
reported line depends on that search; what is judged is the rendered text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from sitekit.htmlscan import parse_fragment
from sitekit.pages import Page
from sitekit.reading import TooSlow
from sitekit.rendering import render
from sitekit.report import Problem, error

# Inline elements: their text belongs to the block around them.
_INLINE = frozenset(
    {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins"}
    | {"kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u"}
    | {"var", "wbr", "br"}
)
_HIDDEN = frozenset({"script", "style", "template"})  # never shown as text
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_KINDS = {
    **dict.fromkeys(_HEADINGS, "heading"),
    **dict.fromkeys(("li", "dt", "dd"), "item"),
    **dict.fromkeys(("td", "th"), "cell"),
}
_WORD = re.compile(r"\w+")
LOOKAHEAD = 300  # lines searched for a block's first words before giving up


@dataclass(frozen=True)
class Block:
    text: str  # whitespace collapsed
    line: int  # line of the source file where it is written
    kind: str  # "title", "description", "heading", "item", "cell" or "text"
    section: str  # id of the heading it is under ("" before the first)


def split_html(html: str) -> list[tuple[str, str, str]]:
    """(kind, section id, text) of every block of rendered HTML, in order.

    Read with the project's HTML parser, one element at a time from an explicit
    stack: however deeply a page nests its HTML, nothing here recurses.
    """
    blocks: list[tuple[str, str, str]] = []
    parts: list[str] = []
    kinds: list[str] = []  # of the open block-level elements
    section = ""

    def flush() -> None:
        text = " ".join("".join(parts).split())
        parts.clear()
        if text:
            blocks.append((kinds[-1] if kinds else "text", section, text))

    stack: list[LexborNode | None] = [parse_fragment(html)]  # None: an element ends
    while stack:
        node = stack.pop()
        if node is None:
            flush()
            kinds.pop()
            continue
        tag = node.tag or "-"
        if tag == "-text":
            parts.append(node.text_content or "")
            continue
        if tag in _HIDDEN or tag.startswith("-"):  # scripts, styles, comments
            continue
        if tag == "br":
            parts.append(" ")
        elif tag == "img":
            parts.append(f" {node.attributes.get('alt') or ''} ")
        elif tag not in _INLINE and tag != "body":
            flush()
            kinds.append(_KINDS.get(tag, "text"))
            if tag in _HEADINGS:
                section = node.attributes.get("id") or section
            stack.append(None)
        stack.extend(reversed(list(node.iter(include_text=True))))
    flush()
    return blocks


class _Locator:
    """Finds blocks in the Markdown source, moving forward as blocks come in order."""

    def __init__(self, lines: list[str], first_line: int) -> None:
        self.lines = lines
        self.first_line = first_line
        self.cursor = 0

    def line_of(self, text: str) -> int:
        words = _first_words(text)
        for number, word in enumerate(words):
            found = self._find(word, words[number + 1] if number + 1 < len(words) else None)
            if found is not None:
                self.cursor = found
                break
        return self.first_line + self.cursor

    def _find(self, word: str, following: str | None) -> int | None:
        first = None
        end = min(len(self.lines), self.cursor + LOOKAHEAD)
        for index in range(self.cursor, end):
            line = self.lines[index]
            if word not in line:
                continue
            if first is None:
                first = index
            rest = line[line.index(word) :] + " ".join(self.lines[index + 1 : index + 3])
            if following is None or following in rest:
                return index
        return first


def _first_words(text: str) -> list[str]:
    """The first four words of more than two letters (or the first four words)."""
    first: list[str] = []
    long: list[str] = []
    for match in _WORD.finditer(text):  # a paragraph is long: read only its start
        word = match.group()
        if len(first) < 4:
            first.append(word)
        if len(word) > 2:
            long.append(word)
            if len(long) == 4:
                break
    return long or first


def page_blocks(page: Page, html: str) -> list[Block]:
    """The title, the description and every block of the rendered body, with lines."""
    blocks = [
        Block(" ".join(value.split()), page.line_of(key), key, "")
        for key in ("title", "description")
        if isinstance(value := page.meta.get(key), str) and value.strip()
    ]
    locator = _Locator(page.body, page.body_start)
    for kind, section, text in split_html(html):
        blocks.append(Block(text, locator.line_of(text), kind, section))
    return blocks


def read_page(page: Page) -> tuple[list[Block], Problem | None]:
    """The page's blocks, or why it cannot be rendered (then no blocks)."""
    try:
        html = render(page)
    except TooSlow as exc:
        return [], error(
            page.display,
            0,
            "render",
            f"the page cannot be checked: rendering it {exc}.",
            "Markdown is slow on thousands of unmatched '[' or '<' in one paragraph; "
            "remove them, or split the paragraph.",
        )
    except RecursionError:
        return [], error(
            page.display,
            0,
            "render",
            "the page cannot be checked: its lists, quotes or blocks are nested too deeply.",
            "nest lists and quotes at most a few levels deep.",
        )
    return page_blocks(page, html), None
