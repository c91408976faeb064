"""Content safety, early: friendly file:line messages for unsafe Markdown.

Safety does not depend on this lint. The build sanitizes every page's HTML
(sitekit.sanitize) and verifies every built file with an HTML5 parser and the
WHATWG URL rules (sitekit.verify_site); this check only tells an editor, on the
line of the Markdown, about the common shapes before the build does.
Code blocks and inline code are shown as text, so they are not inspected.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.pages import Page
from sitekit.report import Problem, error

_INLINE_CODE = re.compile(r"`[^`\n]*`")
_FORBIDDEN_TAG = re.compile(
    r"<\s*(script|iframe|object|embed|form|style|link|meta|base|frame|frameset|applet|svg)\b",
    re.IGNORECASE,
)
# An opening tag, up to its ">" or the end of the line (greedy: each character is
# read once however many "<" a line has), and an event handler inside it.
_TAG = re.compile(r"<[a-zA-Z][^>\n]*")
_EVENT_HANDLER = re.compile(r"\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
_SCHEMES = ("javascript", "vbscript", "data")
_TAG_START = re.compile(r"<\s*[a-zA-Z]")
# A script address is rare: find the scheme first, then look at what leads to it.
_SCHEME = re.compile(r"(javascript|vbscript|data)\s*:", re.IGNORECASE)
_LEADS_TO_URL = re.compile(
    r"(?:\]\(\s*<?|\]:\s*<?|(?:href|src|srcset|action|formaction|poster|data|cite|background)"
    r"\s*=\s*[\"']?)\s*$",
    re.IGNORECASE,
)
# Image text with at most one level of brackets inside ("![a [b] c]"): the two
# alternatives cannot both match a character, so a failed match backtracks once.
_ALT = r"!\[(?:[^\]\[\n]|\[[^\]\[\n]*\])*\]"
_REMOTE_IMAGE_MD = re.compile(_ALT + r"\(\s*<?\s*((?:https?:)?//[^)\s>]+)", re.IGNORECASE)
_EMBED_TAG = re.compile(r"(img|video|audio|source|track|picture|input|image)\b", re.IGNORECASE)
_REMOTE_SRC = re.compile(
    r"\s(?:src|srcset|poster)\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)", re.IGNORECASE
)
_IMAGE_REF = re.compile(_ALT + r"\[([^\]\[\n]*)\]")
_REF_DEFINITION = re.compile(
    r"^[ \t]*\[([^\]^\n][^\]\n]*)\]:[ \t]*<?[ \t]*((?:https?:)?//\S+)", re.M
)


def check(context: Context) -> Iterator[Problem]:
    for page in context.site.all_pages():
        yield from check_page(page)


def check_page(page: Page) -> Iterator[Problem]:
    text = page.masked
    lowered = text.lower()
    if not _TAG_START.search(text) and "![" not in text and not any(s in lowered for s in _SCHEMES):
        return  # nothing that could run code or load from elsewhere
    remote_refs = {
        match.group(1).lower(): match.group(2) for match in _REF_DEFINITION.finditer(text)
    }
    # Inline code is shown as text: blank it out, keeping every offset in place.
    text = _INLINE_CODE.sub(lambda match: " " * len(match.group()), text)
    for match in _FORBIDDEN_TAG.finditer(text):
        tag = match.group(1).lower()
        yield error(
            page.display,
            page.line_at(match.start()),
            "unsafe-html",
            f"<{tag}> is not allowed in pages.",
            "pages are plain Markdown; ask a maintainer if the site needs a new feature.",
        )
    for tag in _TAG.finditer(text):
        handler = _EVENT_HANDLER.search(tag.group())
        if handler:
            yield error(
                page.display,
                page.line_at(tag.start()),
                "unsafe-html",
                f"the inline event handler '{handler.group(1)}' is not allowed.",
                "remove it; pages cannot run scripts.",
            )
        if _EMBED_TAG.match(tag.group(), 1):
            remote = _REMOTE_SRC.search(tag.group())
            if remote:
                yield _remote(page, page.line_at(tag.start()), remote.group(1))
    for match in _SCHEME.finditer(text):
        if not _LEADS_TO_URL.search(text, max(0, match.start() - 40), match.start()):
            continue
        scheme = match.group(1).lower()
        yield error(
            page.display,
            page.line_at(match.start()),
            "unsafe-url",
            f"a '{scheme}:' address is not allowed.",
            "link to an https:// page or to another page of the site.",
        )
    for match in _REMOTE_IMAGE_MD.finditer(text):
        yield _remote(page, page.line_at(match.start()), match.group(1))
    for match in _IMAGE_REF.finditer(text):
        target = remote_refs.get((match.group(1) or "").lower())
        if target:
            yield _remote(page, page.line_at(match.start()), target)


def _remote(page: Page, line: int, url: str) -> Problem:
    return error(
        page.display,
        line,
        "remote-content",
        f"the page loads {url} from another host.",
        "the site makes no third-party requests: save the image in docs/<lang>/ "
        "(with its licence) and link to it with a relative path.",
    )
