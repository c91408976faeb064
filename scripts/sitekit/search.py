"""Site search: a chunked Pagefind index, built from the finished HTML.

A post-build step: it reads the built pages only, so any engine that writes
them can run it. Every page that does not ask robots to leave it out is
indexed in the language of its ``<html lang>``, with that language's stemmer;
Pagefind splits each language's index into small chunks. A reader's browser
downloads nothing of it until they search, and then only the chunks their
words need (``overrides/assets/javascripts/site-search.js``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sitekit.htmlscan import is_noindex, parse

OUTPUT = "pagefind"
# What a result is made of: the article, without what every page repeats.
ROOT_SELECTOR = "article"
EXCLUDE_SELECTORS = (
    ".page-dates",  # review dates: otherwise the snippet of every page
    ".disclaimer",  # the same on every page
    ".translation-outdated",
    ".headerlink",  # the ¶ after each heading
    ".footnote",  # the source list: titles of studies, not what the page says
    ".urgent-help-callout",  # repeats the page's urgent-help section on every treatment
    ".report-error",
    "nav",  # breadcrumbs
    "[role=navigation]",  # lists of other pages (related treatments)
)
# Pagefind also writes ready-made interfaces; the site has its own.
_UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class SearchIndexError(Exception):
    """The index could not be built; the message says why and what to do."""


@dataclass(frozen=True)
class IndexedSite:
    pages: int
    output: Path


def reader_pages(site_dir: Path) -> list[Path]:
    """The built pages readers may find: every HTML page that is not ``noindex``."""
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        if path.relative_to(site_dir).parts[0] == OUTPUT:
            continue
        if not is_noindex(parse(path.read_text(encoding="utf-8"))):
            pages.append(path)
    return pages


def executable() -> Path:
    """The Pagefind binary that the ``pagefind-bin`` package installs."""
    try:
        from pagefind_bin import get_executable

        return Path(get_executable())
    except (ImportError, FileNotFoundError):
        raise SearchIndexError(
            "the Pagefind indexer is not installed. Fix: install the site's dependencies "
            "(`make site` does, or `pip install -r requirements.txt`)."
        ) from None


def build(site_dir: Path) -> IndexedSite:
    """Index the built site in ``site_dir`` into ``site_dir/pagefind/``."""
    pages = reader_pages(site_dir)
    if not pages:
        raise SearchIndexError(
            f"{site_dir}: the built site has no page to index. Fix: check the build output "
            "above; every page may be marked noindex."
        )
    binary = executable()
    output = site_dir / OUTPUT
    shutil.rmtree(output, ignore_errors=True)
    # Pagefind indexes a folder: give it one that holds the reader pages only.
    with tempfile.TemporaryDirectory(prefix=".search-", dir=site_dir.parent) as staging:
        for page in pages:
            _link(page, Path(staging) / page.relative_to(site_dir))
        command = [str(binary), "--site", staging, "--output-path", str(output)]
        command += ["--root-selector", ROOT_SELECTOR, "--quiet"]
        for selector in EXCLUDE_SELECTORS:
            command += ["--exclude-selectors", selector]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        shutil.rmtree(output, ignore_errors=True)
        details = (result.stdout + result.stderr).strip().splitlines()[-5:]
        raise SearchIndexError(
            f"{output}: Pagefind could not build the search index "
            f"(exit status {result.returncode}): {' / '.join(details)}. Fix: every page "
            f'needs <html lang="…"> and an <{ROOT_SELECTOR}> with its text.'
        )
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    _sort_languages(output / "pagefind-entry.json")
    return IndexedSite(len(pages), output)


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages in a random order; sorted, two builds are identical."""
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["languages"] = dict(sorted(data["languages"].items()))
    entry.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _link(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)  # same file system: no copy
    except OSError:
        shutil.copyfile(source, target)
