"""What a reader's browser downloads: the first view of a page, and a first search.

* First view: the page's HTML and the CSS and JavaScript it links, read from
  the built files and gzipped as a static host sends them.
* First search: measured in the system Chromium. The page is opened and left
  to settle; then a query is typed into the search box, and every request
  made until the results have settled is counted. Requests for the search
  index made before the reader typed anything are reported too (there should
  be none).
"""

from __future__ import annotations

import gzip
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from sitekit import htmlscan
from sitekit.browser import find_chromium
from sitekit.static_server import StaticServer

SEARCH_FOLDER = "/pagefind/"


@dataclass(frozen=True)
class Bytes:
    raw: int
    gz: int
    requests: int = 1

    def __add__(self, other: Bytes) -> Bytes:
        return Bytes(self.raw + other.raw, self.gz + other.gz, self.requests + other.requests)


NOTHING = Bytes(0, 0, 0)


def measure(data: bytes) -> Bytes:
    return Bytes(len(data), len(gzip.compress(data, 6)))


def first_view(page: Path) -> dict[str, Bytes]:
    """HTML, CSS and JavaScript (raw and gzipped) of the first view of a built page."""
    html = page.read_bytes()
    parts = {"html": measure(html), "css": NOTHING, "js": NOTHING}
    tree = htmlscan.parse(html.decode("utf-8"))
    links = [node.attributes.get("href") for node in tree.css('link[rel="stylesheet"][href]')]
    scripts = [node.attributes.get("src") for node in tree.css("script[src]")]
    for href in filter(None, links + scripts):
        target = (page.parent / href.split("?")[0]).resolve()
        if target.is_file():
            kind = "css" if target.suffix == ".css" else "js"
            parts[kind] = parts[kind] + measure(target.read_bytes())
    return parts


@dataclass(frozen=True)
class SearchCost:
    query: str
    index_requests_before: int  # requests under pagefind/ before the reader typed
    search: Bytes  # everything fetched for the first search
    results: int  # pages found
    seconds: float  # from the first key press to the settled results


class Browser:
    """The system Chromium, for several measurements in a row; a context manager."""

    def __init__(self) -> None:
        self._playwright: Any = None
        self._browser: Any = None

    def __enter__(self) -> Browser | None:
        executable = find_chromium()
        try:
            from playwright.sync_api import sync_playwright
        except ImportError:
            return None
        if executable is None:
            return None
        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=str(executable), args=["--no-sandbox", "--disable-gpu"]
        )
        return self

    def __exit__(self, *exc: object) -> None:
        if self._browser is not None:
            self._browser.close()
        if self._playwright is not None:
            self._playwright.stop()

    def first_search(self, site: Path, page: str, query: str) -> SearchCost:
        """Open ``page`` (relative to the site) and search for ``query``."""
        assert self._browser is not None
        with StaticServer(site) as server:
            context = self._browser.new_context()
            tab = context.new_page()
            responses: list[tuple[str, bytes]] = []

            def on_response(response: Any) -> None:
                try:
                    body = response.body()
                except Exception:  # a redirect or an aborted request has no body
                    body = b""
                responses.append((response.url, body))

            tab.on("response", on_response)
            tab.goto(urljoin(server.url, page))
            tab.wait_for_load_state("networkidle")
            before = sum(SEARCH_FOLDER in url for url, _ in responses)
            loaded = len(responses)
            started = time.perf_counter()
            tab.locator(".md-search__input").first.click()
            tab.keyboard.type(query)
            tab.locator('[data-site-search] .md-search-result[aria-busy="false"]').wait_for(
                state="attached", timeout=60_000
            )
            seconds = time.perf_counter() - started
            tab.wait_for_load_state("networkidle")
            results = tab.locator("[data-site-search] .md-search-result__item").count()
            search = NOTHING
            for _, body in responses[loaded:]:
                search = search + measure(body)
            context.close()
        return SearchCost(query, before, search, results, seconds)
