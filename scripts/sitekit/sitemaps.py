"""Sitemaps with hreflang alternates, written by the build.

* ``/sitemap.xml``: every page of every language (the one to submit).
* ``/es/sitemap.xml``, ``/no/sitemap.xml``: one language each.

``lastmod`` is the page's review date, never the build time, so two builds of
the same content are byte-identical.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True)
class SitemapPage:
    lang: str  # language code ("es")
    url: str  # site-relative URL without leading slash ("es/treatments/x/", "" for the home)
    loc: str  # absolute URL
    lastmod: str | None  # ISO date
    alternates: tuple[tuple[str, str], ...] = field(default=())  # (hreflang, absolute URL)


def render(pages: Iterable[SitemapPage]) -> str:
    """A sitemap document listing ``pages``, with their hreflang alternates."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
        ' xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for page in pages:
        lines.append("  <url>")
        lines.append(f"    <loc>{escape(page.loc)}</loc>")
        if page.lastmod:
            lines.append(f"    <lastmod>{escape(page.lastmod)}</lastmod>")
        for hreflang, href in page.alternates:
            lines.append(
                f'    <xhtml:link rel="alternate" hreflang={quoteattr(hreflang)}'
                f" href={quoteattr(href)}/>"
            )
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_all(
    site_dir: Path, pages: Sequence[SitemapPage], language_prefixes: dict[str, str]
) -> None:
    """Write the site and language sitemaps into ``site_dir``.

    ``language_prefixes`` maps each language code to its URL prefix ("" or "es/").
    """
    ordered = sorted(pages, key=lambda page: page.url)
    root = render(ordered)
    (site_dir / "sitemap.xml").write_text(root, encoding="utf-8")
    # Fixed mtime: the compressed copy is as reproducible as the XML.
    with (
        (site_dir / "sitemap.xml.gz").open("wb") as raw,
        gzip.GzipFile(filename="sitemap.xml", mode="wb", fileobj=raw, mtime=0) as compressed,
    ):
        compressed.write(root.encode("utf-8"))

    for code, prefix in language_prefixes.items():
        if prefix:
            own = [page for page in ordered if page.lang == code]
            (site_dir / prefix / "sitemap.xml").write_text(render(own), encoding="utf-8")
