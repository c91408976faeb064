"""Everything the site adds to a built folder, from the built HTML and the configuration.

    python scripts/postbuild.py SITE_DIR [--config-file mkdocs.yml] [--site-url URL] [--verify]

Whatever engine wrote the pages (MkDocs calls ``complete`` from its last hook;
``scripts/build_zensical.py`` calls it on the merged per-language builds), it:

* finishes every page (``sitekit.postbuild``: call-outs, breadcrumbs, related
  treatments, structured data, the 404 pages' language menus);
* writes the sitemaps, from each page's canonical and ``hreflang`` links, with
  the page's review date as ``lastmod``;
* writes the editors' status page;
* indexes the reader pages for search (Pagefind).

A folder is finished once: a second run would add everything twice, so it is refused.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sitekit import editors_page, htmlscan, postbuild, search, sitemaps, structured_data
from sitekit.content import load_site
from sitekit.pages import built_path
from sitekit.project import (
    MKDOCS_YML,
    Language,
    display_path,
    languages_from,
    parse_mkdocs_config,
)
from sitekit.reading import read_text
from sitekit.report import DataError, error
from sitekit.yamlio import EnvConfigLoader


class AlreadyFinished(Exception):
    """The folder was finished before; the message says which page shows it."""


def load_config(config_file: Path = MKDOCS_YML) -> tuple[dict[str, Any], tuple[Language, ...]]:
    """The configuration as MkDocs reads it (``!ENV`` values from the environment) and
    its languages; a DataError names the file when either cannot be read."""
    text, problem = read_text(config_file, "data")
    if problem is not None or text is None:
        raise DataError(problem or error(display_path(config_file), 0, "unreadable", "cannot."))
    config = parse_mkdocs_config(text, display_path(config_file), EnvConfigLoader)
    try:
        return config, tuple(languages_from(config))
    except (ValueError, KeyError, TypeError) as exc:
        raise DataError(
            error(
                display_path(config_file),
                0,
                "languages",
                f"the languages of the i18n plugin cannot be read ({exc}).",
                "give plugins: - i18n: languages: a list of entries with locale, name and "
                "build (see the entries of the project's own mkdocs.yml).",
            )
        ) from None


def settings_for(
    site_dir: Path, config_file: Path = MKDOCS_YML, site_url: str | None = None
) -> postbuild.Settings:
    """The post-build settings of a built folder, from the configuration as MkDocs
    reads it (``!ENV`` values from the environment). Every language of the
    configuration whose home page is in the folder is finished."""
    config, langs = load_config(config_file)
    prefixes = {
        lang.code: lang.url_prefix
        for lang in langs
        if (site_dir / lang.url_prefix / "index.html").is_file()
    }
    url = site_url or str(config.get("site_url") or "/")
    extra = config.get("extra") or {}
    return postbuild.Settings(
        site_dir=site_dir,
        docs=config_file.parent / str(config.get("docs_dir", "docs")),
        config=config_file,
        prefixes=prefixes,
        site_url=url if url.endswith("/") else url + "/",
        report_url=extra.get("report_url"),
        report_section=extra.get("report_section"),
    )


def complete(settings: postbuild.Settings) -> None:
    """Finish a freshly built folder (see the module's description).

    Raises AlreadyFinished, DataError (a data file), search.SearchIndexError."""
    home = settings.site_dir / "index.html"
    if home.is_file() and structured_data.SCRIPT_TYPE in home.read_text(encoding="utf-8"):
        raise AlreadyFinished(
            f"{display_path(home)} already has the site's additions: the folder was "
            "finished before. Fix: build the site again, then run this step once."
        )
    postbuild.run(settings)
    sitemaps.write_all(settings.site_dir, sitemap_pages(settings), dict(settings.prefixes))
    editors_page.write(settings.site_dir, settings.docs)
    search.build(settings.site_dir)  # the search index reads the finished pages


def sitemap_pages(settings: postbuild.Settings) -> list[sitemaps.SitemapPage]:
    """Every built page with a canonical address, with its alternates as the page
    lists them, and its review date."""
    site = load_site(settings.docs)
    found = []
    for code, prefix in settings.prefixes.items():
        for rel, page in site.pages.get(code, {}).items():
            built = built_path(rel, prefix)
            path = settings.site_dir / built
            if not path.is_file():
                continue
            head = htmlscan.parse(path.read_text(encoding="utf-8")).head
            canonical = head.css_first('link[rel="canonical"]') if head else None
            if head is None or canonical is None:
                continue  # a page kept out of search engines (noindex)
            alternates = [
                (str(link.attributes.get("hreflang")), str(link.attributes.get("href")))
                for link in head.css('link[rel="alternate"][hreflang]')
            ]
            reviewed = page.meta.get("last_reviewed")
            found.append(
                sitemaps.SitemapPage(
                    lang=code,
                    url=built.removesuffix("index.html"),
                    loc=urljoin(settings.site_url, str(canonical.attributes.get("href"))),
                    lastmod=reviewed.isoformat() if isinstance(reviewed, dt.date) else None,
                    alternates=tuple(alternates),
                )
            )
    return found


def main(argv: Sequence[str] | None = None) -> int:
    from sitekit import publish, report
    from sitekit.checks import collect_problems

    parser = argparse.ArgumentParser(
        prog="python scripts/postbuild.py",
        description="Add the site's post-build work to a freshly built folder "
        "(any engine): page additions, sitemaps, the editors' page, the search index.",
    )
    parser.add_argument("site_dir", type=Path, help="the built folder (its / is the site root)")
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML)
    parser.add_argument(
        "--site-url", help="the site's address (default: site_url of the configuration)"
    )
    parser.add_argument(
        "--verify", action="store_true", help="then verify the folder as build.py does"
    )
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        shown = display_path(args.site_dir / "index.html")
        print(f"error: {shown}: missing, so this is not a built site.", file=sys.stderr)
        return 1
    settings = settings_for(args.site_dir, args.config_file, args.site_url)
    try:
        complete(settings)
    except (AlreadyFinished, search.SearchIndexError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if args.verify:
        context, _ = collect_problems(docs=settings.docs)
        problems = publish.verify(context, args.site_dir)
        if problems:
            sys.stderr.write(report.format_text(problems))
            return 1
    print(f"Finished {display_path(args.site_dir)} ({', '.join(settings.prefixes)}).")
    return 0
