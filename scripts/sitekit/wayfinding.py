"""Where a reader is and where to go next: breadcrumbs, related pages, error reports.

Each function returns a piece of HTML in the reader's language; the
post-build step (sitekit.postbuild) puts it into the built page.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Sequence
from urllib.parse import quote


def page_url(built: str) -> str:
    """The address of a built page relative to the site root: "es/treatments/x/"."""
    return built.removesuffix("index.html")


def relative(from_built: str, to_built: str) -> str:
    """A link from one built page to another, as the theme writes them ("../x/")."""
    start = posixpath.dirname(from_built) or "."
    target = posixpath.dirname(to_built) or "."
    path = posixpath.relpath(target, start)
    return "./" if path == "." else path + "/"


def breadcrumbs(label: str, trail: Sequence[tuple[str, str | None]], current: str) -> str:
    """A trail of (title, link or None) ending at the current page's title."""
    items = [
        f'<li><a href="{html.escape(href)}">{html.escape(title)}</a></li>'
        if href
        else f"<li>{html.escape(title)}</li>"
        for title, href in trail
    ]
    items.append(f'<li aria-current="page">{html.escape(current)}</li>')
    return (
        f'<nav class="breadcrumbs" aria-label="{html.escape(label)}"><ol>'
        + "".join(items)
        + "</ol></nav>"
    )


def related(title: str, links: Sequence[tuple[str, str]]) -> str:
    """A titled list of (title, link); empty when there is nothing to list."""
    if not links:
        return ""
    items = "".join(
        f'<li><a href="{html.escape(href)}">{html.escape(text)}</a></li>' for text, href in links
    )
    # Inside the article, whose elements data/html_policy.yml lists: a <div> with
    # the navigation role rather than <nav>.
    return (
        '<div class="related-pages" role="navigation" aria-labelledby="related-pages">'
        f'<h2 id="related-pages">{html.escape(title)}</h2><ul>{items}</ul></div>'
    )


def report_link(report_url: str, page_address: str, text: str) -> str:
    """The "report an error" link; ``{page}`` in the configured address becomes this page's."""
    href = report_url.replace("{page}", quote(page_address, safe=""))
    return f'<p class="report-error"><a href="{html.escape(href)}">{html.escape(text)}</a></p>'
