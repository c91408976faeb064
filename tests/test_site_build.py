"""The real site, built strictly: pages, languages, alternates, hosts, 404 pages."""

from __future__ import annotations

import importlib.resources
from urllib.parse import urljoin, urlsplit

import pytest
from babel import Locale

from helpers import BuiltSite, built_path, english_pages
from sitekit import building, ui
from sitekit.htmlscan import scan_html
from sitekit.project import DOCS, Language, languages

pytestmark = pytest.mark.build


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_every_page_is_built_in_every_language(built_site: BuiltSite, lang: Language) -> None:
    missing = [
        rel
        for rel in english_pages()
        if not (built_site.root / built_path(rel, lang.url_prefix)).is_file()
    ]
    assert english_pages(), "no English pages found"
    assert missing == []


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_html_lang_matches_the_language(built_site: BuiltSite, lang: Language) -> None:
    for rel in english_pages():
        page = built_site.root / built_path(rel, lang.url_prefix)
        assert scan_html(page.read_text(encoding="utf-8")).html_lang == lang.html_lang, page


def test_every_language_is_tagged_as_the_theme_and_babel_know_it() -> None:
    # <html lang> and hreflang take the theme's language ("no" is tagged nb, Bokmål).
    packs = importlib.resources.files("material") / "templates" / "partials" / "languages"
    for lang in languages():
        assert (packs / f"{lang.html_lang}.html").is_file(), lang
        assert Locale.parse(lang.html_lang.replace("-", "_")).language, lang


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_hreflang_alternates_are_absolute_and_resolve(
    built_site: BuiltSite, lang: Language
) -> None:
    expected = {other.html_lang for other in languages()} | {"x-default"}
    for rel in english_pages():
        page = built_site.root / built_path(rel, lang.url_prefix)
        scan = scan_html(page.read_text(encoding="utf-8"))
        alternates = dict(scan.alternates)
        assert set(alternates) == expected, page
        for hreflang, href in scan.alternates:
            assert href.startswith(built_site.url), (page, hreflang, href)
            target = built_site.path_for(href)
            assert target is not None and target.is_file(), (page, hreflang, href)
        english = built_site.root / built_path(rel, "")
        assert built_site.path_for(alternates["x-default"]) == english
        assert alternates[lang.html_lang] == scan.canonical


def test_canonical_follows_site_url_override(built_site: BuiltSite) -> None:
    scan = scan_html((built_site.root / "es" / "index.html").read_text(encoding="utf-8"))
    assert scan.canonical == urljoin(built_site.url, "es/")


def _is_other_host(value: str, site_url: str) -> bool:
    parts = urlsplit(value)
    if parts.scheme in {"", "mailto", "tel"} and not value.startswith("//"):
        return False
    return parts.netloc != urlsplit(site_url).netloc


def test_no_asset_or_link_points_to_another_host_outside_content(built_site: BuiltSite) -> None:
    offenders = []
    for page in sorted(built_site.root.rglob("*.html")):
        for ref in scan_html(page.read_text(encoding="utf-8")).urls:
            if not _is_other_host(ref.value, built_site.url):
                continue
            # Only an ordinary outbound link written in the content is allowed.
            if ref.in_content and ref.tag == "a" and ref.attr == "href":
                continue
            offenders.append(
                f"{page.relative_to(built_site.root)}: <{ref.tag} {ref.attr}={ref.value}>"
            )
    assert offenders == []


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_each_language_has_its_own_404_page(built_site: BuiltSite, lang: Language) -> None:
    page = built_site.root / lang.url_prefix / "404.html"
    scan = scan_html(page.read_text(encoding="utf-8"))
    assert scan.html_lang == lang.html_lang
    assert scan.h1_texts == [ui.strings(lang.code)["not_found_title"]]


def test_two_builds_of_the_same_content_are_identical(
    built_site: BuiltSite, tmp_path_factory: pytest.TempPathFactory
) -> None:
    again = tmp_path_factory.mktemp("again")
    succeeded, log = building.build_in_process(again, site_url=built_site.url)
    assert succeeded, log
    first = {
        p.relative_to(built_site.root): p.read_bytes()
        for p in built_site.root.rglob("*")
        if p.is_file()
    }
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_sitemap_lastmod_is_the_review_date(built_site: BuiltSite) -> None:
    sitemap = (built_site.root / "sitemap.xml").read_text(encoding="utf-8")
    for rel in english_pages():
        page = (DOCS / "en" / rel).read_text(encoding="utf-8")
        reviewed = next(
            line.split(":", 1)[1].strip()
            for line in page.splitlines()
            if line.startswith("last_reviewed:")
        )
        loc = urljoin(built_site.url, built_path(rel, "").removesuffix("index.html"))
        entry = sitemap.split(f"<loc>{loc}</loc>", 1)[1].split("</url>", 1)[0]
        assert f"<lastmod>{reviewed}</lastmod>" in entry, rel


def test_every_page_has_open_graph_metadata(built_site: BuiltSite) -> None:
    html = (built_site.root / "no" / "treatments" / "ozone-therapy" / "index.html").read_text(
        encoding="utf-8"
    )
    assert '<meta property="og:locale" content="nb_NO">' in html
    assert '<meta property="og:locale:alternate" content="en_GB">' in html
    assert '<meta property="og:locale:alternate" content="es_ES">' in html
    assert (
        f'<meta property="og:url" content="{built_site.url}no/treatments/ozone-therapy/">' in html
    )
    assert '<meta property="og:title"' in html and '<meta property="og:description"' in html
