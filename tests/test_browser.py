"""The built site in a real browser: the system Chromium, driven by Playwright.

The site is built for its local address and served the way a static host
serves it (per-language 404 pages). Every page is visited; no request may leave
localhost or fail, the console must stay clean, and axe-core must find no
serious or critical accessibility violation.
"""

from __future__ import annotations

import io
import json
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urljoin

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect
from pypdf import PdfReader

from browsing import Traffic, watch
from helpers import BuiltSite, built_path
from sitekit import markup, model, sitenav, treatment_pages, ui
from sitekit.content import load_site
from sitekit.disclaimers import expected_text
from sitekit.project import Language, languages, mkdocs_config

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def served_site(built_site: BuiltSite) -> str:
    """The address of the session's build (conftest.built_site), served locally."""
    return built_site.url


@pytest.fixture
def open_page(browser: Browser, served_site: str) -> Iterator[Page]:
    """A fresh page that records its traffic; the test fails if it strays or errs."""
    context = browser.new_context()
    page = context.new_page()
    traffic = watch(page, served_site)
    yield page
    # Let requests still in flight (search chunks) finish, so that
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


def test_language_switcher_keeps_the_page_and_section(open_page: Page, served_site: str) -> None:
    page = open_page
    rel = "treatments/ozone-therapy.md"
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for lang in languages()[1:]:
        page.goto(_url(served_site, rel, "") + "#risks")
        page.locator(".md-header .md-select").first.hover()
        page.locator(f'.md-select__link[hreflang="{lang.code}"]').first.click()
        page.wait_for_url(_url(served_site, rel, lang.url_prefix) + "#risks")
        assert page.locator("html").get_attribute("lang") == lang.html_lang
    page.wait_for_load_state("networkidle")
    # The menu links straight to the translations: no sitemap lookups.
    assert [url for url in requests if url.endswith("sitemap.xml")] == []
    # Search engines still find every translation in the page's head.
    alternates = page.locator('link[rel="alternate"][hreflang]')
    assert alternates.count() == len(languages()) + 1  # and x-default


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


def _search(page: Page, query: str) -> list[str]:
    """Type a query into the header search; the result links once the results have settled."""
    page.locator(".md-search__input").first.click()
    page.keyboard.type(query)
    page.locator('[data-site-search] .md-search-result[aria-busy="false"]').wait_for(
        state="attached", timeout=10_000
    )
    links = page.locator("[data-site-search] .md-search-result__item > a:first-child")
    # Read all at once: counting, then reading one by one, races the rendering.
    return [str(href) for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")]


@pytest.mark.parametrize(
    ("code", "query", "first"),
    [
        ("en", "vitamin C", "treatments/iv-vitamin-drips.md"),
        ("es", "sueroterapia", "treatments/iv-vitamin-drips.md"),
        ("no", "mesoterapi", "treatments/mesotherapy.md"),
    ],
)
def test_search_ranks_the_page_about_it_first_in_the_language(
    open_page: Page, served_site: str, code: str, query: str, first: str
) -> None:
    page = open_page
    lang = next(lang for lang in languages() if lang.code == code)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(_url(served_site, "safety.md", lang.url_prefix))
    page.wait_for_load_state("networkidle")
    assert [url for url in requests if "/pagefind/" in url] == [], "search loaded unasked"

    hrefs = _search(page, query)
    assert hrefs, f"no results for {query!r}"
    assert urljoin(page.url, hrefs[0]) == _url(served_site, first, lang.url_prefix)
    home = urljoin(served_site, lang.url_prefix)
    other_homes = tuple(
        urljoin(served_site, other.url_prefix)
        for other in languages()
        if other.url_prefix and other != lang
    )
    for href in hrefs:
        url = urljoin(page.url, href)
        assert url.startswith(home) and not url.startswith(other_homes), url
    # The first result shows the matching text, never the review dates.
    snippet = page.locator("[data-site-search] .md-search-result__item").first
    assert snippet.locator("mark").count() > 0
    assert ui.strings(code)["last_reviewed"] not in snippet.inner_text()
    assert any(".pf_index" in url for url in requests)

    # Keyboard: Down reaches the first result, Escape closes, Enter opens the first result.
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.getAttribute('href')") == hrefs[0]
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.keyboard.press("Enter")
    page.wait_for_url(urljoin(page.url, hrefs[0]))


def test_search_uses_the_stemmer_of_the_language(open_page: Page, served_site: str) -> None:
    page = open_page
    page.goto(urljoin(served_site, "es/"))
    # Singular; the pages say "riesgos". The result is the section, found by its plural.
    hrefs = _search(page, "riesgo")
    assert hrefs
    titles = page.locator("[data-site-search] .site-search__section").all_inner_texts()
    assert "Riesgos y efectos adversos" in titles


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_unknown_address_shows_the_404_of_its_language(
    open_page: Page, served_site: str, lang: Language
) -> None:
    page = open_page
    response = page.goto(urljoin(served_site, f"{lang.url_prefix}does-not-exist/"))
    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == lang.html_lang
    assert page.locator("h1").inner_text() == ui.strings(lang.code)["not_found_title"]
    # Its language menu leads to the home pages, not to some other page.
    menu = page.locator(".md-header .md-select__link").evaluate_all(
        "links => links.map(link => [link.getAttribute('hreflang'), link.href])"
    )
    assert dict(menu) == {
        other.code: urljoin(served_site, other.url_prefix) for other in languages()
    }


def test_print_shows_article_disclaimer_and_sources_only(open_page: Page, served_site: str) -> None:
    page = open_page
    page.emulate_media(media="print")
    page.goto(_url(served_site, "treatments/carboxytherapy.md", ""))
    assert page.locator(".disclaimer").is_visible()
    assert page.locator(".footnote").is_visible()
    for chrome in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome


def template_pages() -> list[str]:
    """One page of each kind: the home page, and the first page of each page type in
    the navigation (content model). The tests add the 404 page."""
    site = load_site()
    content = model.load()
    chosen = ["index.md"]
    for kind in content.page_types.values():
        chosen += [
            entry.rel
            for entry in sitenav.entries(mkdocs_config().get("nav"))
            if entry.rel not in chosen and content.type_of(site.english()[entry.rel].meta) == kind
        ][:1]
    return chosen


def test_each_kind_of_page_loads_cleanly_and_passes_axe(browser: Browser, served_site: str) -> None:
    """Each kind of page in every language: local requests only, no failures, no serious
    accessibility issue. The pages open side by side, each in its own tab with its own
    record of requests, so that their loading overlaps; then axe reads each one."""
    axe = Axe()
    problems: list[str] = []
    pages = template_pages()
    context = browser.new_context()
    opened: list[tuple[str, Page, Traffic]] = []
    for lang in languages():
        targets = [_url(served_site, rel, lang.url_prefix) for rel in pages]
        targets.append(urljoin(served_site, f"{lang.url_prefix}does-not-exist/"))
        for target in targets:
            page = context.new_page()
            opened.append((target, page, watch(page, served_site)))
            page.goto(target, wait_until="commit")
    for target, page, traffic in opened:
        page.wait_for_load_state("networkidle")
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in {"serious", "critical"}:
                nodes = ", ".join(node["target"][0] for node in violation["nodes"][:3])
                problems.append(f"{target}: {violation['id']} ({violation['impact']}) at {nodes}")
        problems.extend(f"{target}: request to {url}" for url in traffic.foreign())
        problems.extend(
            f"{target}: unneeded request {url}"
            for url in traffic.requests
            if url.endswith("sitemap.xml") or "/pagefind/" in url
        )
        problems.extend(f"{target}: {failure}" for failure in traffic.failures)
        problems.extend(f"{target}: console: {error}" for error in traffic.console_errors)
    context.close()
    assert problems == [], "\n".join(problems)


def test_the_site_sets_no_cookies(open_page: Page, served_site: str) -> None:
    page = open_page
    page.goto(served_site)
    page.goto(_url(served_site, "glossary.md", "no/"))
    assert page.context.cookies() == []


# --- Reader features on a treatment page: one page load per language ------------------

TREATMENT = "treatments/iv-vitamin-drips.md"


@dataclass
class LoadedPage:
    page: Page
    lang: Language


@pytest.fixture(scope="module", params=languages(), ids=lambda lang: lang.code)
def treatment_page(
    request: pytest.FixtureRequest, browser: Browser, served_site: str
) -> Iterator[LoadedPage]:
    """One treatment page per language, opened once for the tests below."""
    lang: Language = request.param
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    traffic = watch(page, served_site)
    page.goto(_url(served_site, TREATMENT, lang.url_prefix))
    yield LoadedPage(page, lang)
    page.wait_for_load_state("networkidle")
    context.close()
    assert traffic.foreign() == [] and traffic.failures == [] and traffic.console_errors == []


def test_urgent_help_callout_has_tap_to_call_links_on_screen_and_in_print(
    treatment_page: LoadedPage,
) -> None:
    page, lang = treatment_page.page, treatment_page.lang
    callout = page.locator("#urgent-help + .urgent-help-callout")
    assert callout.count() == 1
    title = ui.strings(lang.code)["urgent_help"]["title"]
    assert callout.locator(".urgent-help-callout__title").inner_text() == title
    links = callout.locator("a[href^='tel:']")
    expected = treatment_pages.expected_links(treatment_pages.load(), lang.code)
    assert links.count() == len(expected)
    shown = [(link.get_attribute("href"), link.inner_text()) for link in links.all()]
    assert shown == expected
    callout.scroll_into_view_if_needed()
    assert all(link.is_visible() for link in links.all())
    page.emulate_media(media="print")
    try:
        assert callout.is_visible() and links.first.is_visible()
    finally:
        page.emulate_media(media="screen")


def _skip_to_title(page: Page) -> None:
    page.locator(".md-skip").focus()
    page.keyboard.press("Enter")


def test_skip_link_lands_on_the_page_title(treatment_page: LoadedPage) -> None:
    page = treatment_page.page
    _skip_to_title(page)
    assert page.evaluate("location.hash") == "#page-title"
    focused = page.locator(":focus")
    assert focused.evaluate("element => element.tagName") == "H1"
    title = load_site().pages[treatment_page.lang.code][TREATMENT].meta["title"]
    assert focused.inner_text() == title
    # The disclaimer comes right after the title: it is not skipped.
    assert page.evaluate(
        "document.querySelector('h1').compareDocumentPosition("
        "document.querySelector('.disclaimer')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )


def test_glossary_terms_are_reached_by_keyboard_and_explained(
    treatment_page: LoadedPage,
) -> None:
    page = treatment_page.page
    # The build numbers the explanations in the order the terms first appear.
    first_term = page.locator("article abbr[tabindex='0']").first
    explanation = page.locator("#glossary-term-1").text_content()
    assert explanation
    _skip_to_title(page)
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "ABBR":
            break
    focused = page.locator(":focus")
    assert focused.evaluate("element => element.tagName") == "ABBR"
    assert focused.inner_text() == first_term.inner_text()
    expect(focused).to_have_accessible_description(explanation)
    # Sighted keyboard users see the explanation too, and Escape closes it.
    tooltip = page.locator(".site-tooltip")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(explanation)
    page.keyboard.press("Escape")
    expect(tooltip).to_be_hidden()
    expect(focused).to_have_attribute("title", explanation)
    # Moving the focus away closes it, and so does moving the pointer away.
    title = page.locator("h1")
    title.focus()
    first_term.focus()
    expect(tooltip).to_have_text(explanation)
    title.focus()
    expect(tooltip).to_be_hidden()
    expect(first_term).to_have_attribute("title", explanation)
    first_term.hover()
    expect(tooltip).to_have_text(explanation)
    page.mouse.move(0, 0)
    expect(tooltip).to_be_hidden()
    expect(first_term).to_have_attribute("title", explanation)


def test_footnote_reference_shows_its_note_on_hover(treatment_page: LoadedPage) -> None:
    page = treatment_page.page
    reference = page.locator("article a.footnote-ref").first
    note_id = (reference.get_attribute("href") or "").removeprefix("#")
    note = page.locator(f"[id='{note_id}'] > p").first
    back_link = note.locator(".footnote-backref").first.inner_text()
    expected = note.inner_text().replace(back_link, "").strip()
    tooltip = page.locator(".site-tooltip")
    reference.hover()
    expect(tooltip).to_be_visible()
    expect(tooltip).to_have_text(expected)
    # The pointer can move onto the note (to follow its links) without losing it.
    tooltip.hover()
    expect(tooltip).to_be_visible()
    page.mouse.move(0, 0)
    expect(tooltip).to_be_hidden()
    # The reference still leads to the note.
    reference.click()
    expect(page.locator(f"[id='{note_id}']")).to_be_in_viewport()


def test_structured_data_parses_and_has_the_fields(treatment_page: LoadedPage) -> None:
    page, lang = treatment_page.page, treatment_page.lang
    blocks = page.locator("script[type='application/ld+json']")
    assert blocks.count() == 1
    data = json.loads(blocks.text_content() or "")
    source = load_site().pages[lang.code][TREATMENT].meta
    assert data["@type"] == "MedicalWebPage"
    assert data["inLanguage"] == lang.html_lang
    assert data["name"] == source["title"]
    assert data["description"] == " ".join(source["description"].split())
    assert data["lastReviewed"] == source["last_reviewed"].isoformat()
    assert data["about"] == {"@type": "MedicalProcedure", "name": source["title"]}
    assert data["publisher"]["@type"] == "Organization" and data["publisher"]["name"]
    assert data["url"] == page.url.split("#")[0]


# --- The comparison table ----------------------------------------------------------

# The right edge of the cells, the boxes that could clip the table (its scroll
# containers), and the right edge of the article.
_TABLE_FIT = """() => {
  const table = document.querySelector('article .row-labels table');
  const boxes = [];
  for (let e = table; e.tagName !== 'ARTICLE'; e = e.parentElement) {
    if (getComputedStyle(e).overflowX !== 'visible') {
      boxes.push({scroll: e.scrollWidth, client: e.clientWidth,
                  right: e.getBoundingClientRect().right});
    }
  }
  boxes.push({scroll: 0, client: 0,
              right: table.closest('article').getBoundingClientRect().right});
  const cells = [...table.querySelectorAll('th, td')].map(c => c.getBoundingClientRect().right);
  return {boxes, cellsRight: Math.max(...cells),
          headers: [...table.querySelectorAll('thead th')].map(th => th.innerText.trim()),
          texts: [...table.querySelectorAll('th, td')].map(cell => cell.innerText)};
}"""


def _pdf_text(pdf: bytes) -> str:
    """The text of a PDF as a reader sees it on paper, without any white space.

    Chromium prints only the part of a text that is inside its clip: a column
    cut off at the paper's edge leaves truncated or missing words.
    """
    text = "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(pdf)).pages)
    return "".join(unicodedata.normalize("NFKC", text).split())


def test_comparison_table_shows_every_treatment_at_1280_px_and_on_a4(
    browser: Browser, served_site: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    traffic = watch(page, served_site)
    for lang in languages():
        page.goto(_url(served_site, "compare.md", lang.url_prefix))
        fit = page.evaluate(_TABLE_FIT)
        assert len(fit["headers"]) > markup.WIDE_FROM_COLUMNS, fit["headers"]  # a wide table
        for box in fit["boxes"]:
            assert box["scroll"] <= box["client"], (lang.code, box)
        assert fit["cellsRight"] <= min(box["right"] for box in fit["boxes"]) + 1, lang.code
        assert fit["cellsRight"] <= 1280
        # Printed on A4 (portrait, the browser's default margins), every cell is
        # on paper in full: every treatment, every row.
        printed = _pdf_text(page.pdf(format="A4"))
        for cell in fit["texts"]:
            assert "".join(unicodedata.normalize("NFKC", cell).split()) in printed, (
                lang.code,
                cell,
            )
    context.close()
    assert traffic.foreign() == [] and traffic.failures == [] and traffic.console_errors == []


def test_comparison_table_keeps_its_row_labels_in_view_on_a_phone(
    open_page: Page, served_site: str
) -> None:
    page = open_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(_url(served_site, "compare.md", "no/"))
    table = page.locator("article .row-labels table")
    label = table.locator("tbody tr").first.locator("> :first-child")
    last = table.locator("tbody tr").first.locator("> :last-child")
    before = label.bounding_box()
    scrolled = table.evaluate(
        """table => {
          let e = table;
          while (e && e.scrollWidth <= e.clientWidth) e = e.parentElement;
          e.scrollLeft = e.scrollWidth;
          return e.scrollLeft;
        }"""
    )
    assert scrolled > 200, "the table should scroll sideways on a phone"
    page.wait_for_timeout(100)  # one frame for the scroll to be painted
    after, end = label.bounding_box(), last.bounding_box()
    assert before is not None and after is not None and end is not None
    assert abs(after["x"] - before["x"]) < 1, "the row labels scrolled away"
    assert end["x"] + end["width"] <= 390, "the last treatment is out of reach"
