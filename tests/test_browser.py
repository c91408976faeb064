"""The built site in a real browser: the system Chromium, driven by Playwright.

The site is built for its local address and served the way a static host
serves it (per-language 404 pages). Every page is visited; no request may leave
localhost or fail, the console must stay clean, and axe-core must find no
serious or critical accessibility violation.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from browsing import watch
from helpers import built_path, english_pages
from sitekit import building, ui
from sitekit.disclaimers import expected_text
from sitekit.project import Language, languages
from sitekit.static_server import StaticServer, free_port

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    output = tmp_path_factory.mktemp("browser-site")
    result = building.run_mkdocs_build(output, site_url=base)
    assert result.returncode == 0, result.stdout + result.stderr
    with StaticServer(output, port) as server:
        assert server.url == base
        yield base


@pytest.fixture
def open_page(browser: Browser, served_site: str) -> Iterator[Page]:
    """A fresh page that records its traffic; the test fails if it strays or errs."""
    context = browser.new_context()
    page = context.new_page()
    traffic = watch(page, served_site)
    yield page
    # Let requests still in flight (search index, sitemaps) finish, so that
    # closing the page does not count them as failures.
    page.wait_for_load_state("networkidle")
    context.close()
    assert traffic.foreign() == [], "requests left localhost"
    assert traffic.failures == [], "requests failed"
    assert traffic.console_errors == [], "the console showed errors"


def _url(base: str, rel: str, prefix: str) -> str:
    return urljoin(base, built_path(rel, prefix).removesuffix("index.html"))


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
@pytest.mark.parametrize("rel", ["index.md", "treatments/mesotherapy.md"])
def test_disclaimer_is_visible_near_the_top(
    open_page: Page, served_site: str, lang: Language, rel: str
) -> None:
    page = open_page
    page.goto(_url(served_site, rel, lang.url_prefix))
    disclaimer = page.locator(".disclaimer")
    assert disclaimer.count() == 1
    assert disclaimer.is_visible()
    box = disclaimer.bounding_box()
    viewport = page.viewport_size
    assert box is not None and viewport is not None
    assert box["y"] < viewport["height"], "the disclaimer is below the fold"
    assert " ".join(disclaimer.inner_text().split()) == expected_text(lang.code)


def test_language_switcher_keeps_the_page(open_page: Page, served_site: str) -> None:
    page = open_page
    rel = "treatments/ozone-therapy.md"
    page.goto(_url(served_site, rel, ""))
    for lang in languages()[1:]:
        page.locator(".md-header .md-select").first.hover()
        page.locator(f'.md-select__link[hreflang="{lang.code}"]').first.click()
        page.wait_for_url(_url(served_site, rel, lang.url_prefix))
        assert page.locator("html").get_attribute("lang") == lang.html_lang
        page.goto(_url(served_site, rel, ""))


def test_language_switcher_works_with_the_keyboard(open_page: Page, served_site: str) -> None:
    page = open_page
    page.goto(_url(served_site, "safety.md", ""))
    page.locator(".md-header .md-select button").first.focus()
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('hreflang')")
    assert focused == languages()[0].code
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(_url(served_site, "safety.md", languages()[1].url_prefix))


@pytest.mark.parametrize(("code", "query"), [("es", "riesgos"), ("no", "risiko")])
def test_search_returns_only_pages_of_the_language(
    open_page: Page, served_site: str, code: str, query: str
) -> None:
    page = open_page
    prefix = next(lang.url_prefix for lang in languages() if lang.code == code)
    page.goto(urljoin(served_site, prefix))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type(query)
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=10_000)
    hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
    assert hrefs, f"no results for {query!r}"
    expected = urljoin(served_site, prefix)
    assert all(urljoin(page.url, href).startswith(expected) for href in hrefs), hrefs


def test_search_uses_the_stemmer_of_the_language(open_page: Page, served_site: str) -> None:
    page = open_page
    page.goto(urljoin(served_site, "es/"))
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("riesgo")  # singular; pages say "riesgos"
    results = page.locator(".md-search-result__link")
    results.first.wait_for(timeout=10_000)
    assert results.count() > 0


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_unknown_address_shows_the_404_of_its_language(
    open_page: Page, served_site: str, lang: Language
) -> None:
    page = open_page
    response = page.goto(urljoin(served_site, f"{lang.url_prefix}does-not-exist/"))
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang.html_lang
    assert page.locator("h1").inner_text() == ui.strings(lang.code)["not_found_title"]


def test_print_shows_article_disclaimer_and_sources_only(open_page: Page, served_site: str) -> None:
    page = open_page
    page.emulate_media(media="print")
    page.goto(_url(served_site, "treatments/carboxytherapy.md", ""))
    assert page.locator(".disclaimer").is_visible()
    assert page.locator(".footnote").is_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome


def test_every_page_loads_cleanly_and_passes_axe(browser: Browser, served_site: str) -> None:
    """Every page of every language: local requests only, no failures, no serious a11y issue."""
    axe = Axe()
    problems: list[str] = []
    for lang in languages():
        targets = [_url(served_site, rel, lang.url_prefix) for rel in english_pages()]
        targets.append(urljoin(served_site, f"{lang.url_prefix}does-not-exist/"))
        for target in targets:
            context = browser.new_context()
            page = context.new_page()
            traffic = watch(page, served_site)
            page.goto(target)
            page.wait_for_load_state("networkidle")
            results = axe.run(page)
            for violation in results.response["violations"]:
                if violation["impact"] in {"serious", "critical"}:
                    nodes = ", ".join(node["target"][0] for node in violation["nodes"][:3])
                    problems.append(
                        f"{target}: {violation['id']} ({violation['impact']}) at {nodes}"
                    )
            problems.extend(f"{target}: request to {url}" for url in traffic.foreign())
            problems.extend(f"{target}: {failure}" for failure in traffic.failures)
            problems.extend(f"{target}: console: {error}" for error in traffic.console_errors)
            context.close()
    assert problems == [], "\n".join(problems)


def test_the_site_sets_no_cookies(open_page: Page, served_site: str) -> None:
    page = open_page
    page.goto(served_site)
    page.goto(_url(served_site, "glossary.md", "no/"))
    assert page.context.cookies() == []
