"""What the post-build step adds to the real built site, read from the HTML.

Skip link and glossary terms for the keyboard, structured data, breadcrumbs,
related treatments, the error report link and the 404 language menus. The
browser tests prove the same things in Chromium on a few pages; these read
every page.
"""

from __future__ import annotations

import json
import os
import re
from html import unescape
from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import pytest

from helpers import BuiltSite, built_path
from sitekit import sitenav, treatment_pages, ui
from sitekit.content import load_site
from sitekit.htmlscan import scan_html
from sitekit.pages import Page
from sitekit.project import Language, i18n_config, languages, mkdocs_config

pytestmark = pytest.mark.build

_JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def _pages(lang: Language) -> dict[str, Page]:
    return load_site().pages[lang.code]


def _html(built_site: BuiltSite, rel: str, lang: Language) -> str:
    return (built_site.root / built_path(rel, lang.url_prefix)).read_text(encoding="utf-8")


def _site_name(lang: Language) -> str:
    config = mkdocs_config()
    entry = next(e for e in i18n_config(config)["languages"] if str(e["locale"]) == lang.code)
    return str(entry.get("site_name") or config["site_name"])


def _is_treatment(page: Page) -> bool:
    return page.meta.get("page_type") == treatment_pages.load().page_type


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_every_content_page_describes_itself_as_a_medical_web_page(
    built_site: BuiltSite, lang: Language
) -> None:
    for rel, page in _pages(lang).items():
        html = _html(built_site, rel, lang)
        blocks = _JSON_LD.findall(html)
        assert len(blocks) == 1, rel
        data = json.loads(blocks[0])
        scan = scan_html(html)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] == "MedicalWebPage"
        assert data["url"] == scan.canonical
        assert [data["name"]] == [page.meta["title"]] == scan.h1_texts
        assert data["description"] == " ".join(page.meta["description"].split())
        assert data["inLanguage"] == lang.html_lang == scan.html_lang
        assert data["lastReviewed"] == page.meta["last_reviewed"].isoformat()
        assert data["publisher"] == {
            "@type": "Organization",
            "name": _site_name(lang),
            "url": urljoin(built_site.url, lang.url_prefix),
        }
        if _is_treatment(page):
            assert data["about"] == {"@type": "MedicalProcedure", "name": page.meta["title"]}
        else:
            assert "about" not in data, rel


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_treatment_pages_show_the_urgent_help_callout_of_their_language(
    built_site: BuiltSite, lang: Language
) -> None:
    settings = treatment_pages.load()
    title = ui.strings(lang.code)["urgent_help"]["title"]
    treatments = [rel for rel, page in _pages(lang).items() if _is_treatment(page)]
    assert treatments
    for rel in treatments:
        html = _html(built_site, rel, lang)
        (callout,) = scan_html(html).urgent_help
        assert title in callout.text
        assert callout.links == treatment_pages.expected_links(settings, lang.code)
        # At the top of the urgent-help section: right after its heading.
        heading_end = re.search(rf'<h2 id="{settings.urgent_section}".*?</h2>', html, re.S)
        assert heading_end is not None
        assert html[heading_end.end() :].startswith('<div class="urgent-help-callout"')
    hrefs = {href for href, _ in treatment_pages.expected_links(settings, lang.code)}
    assert hrefs == {
        "tel:112",
        "tel:113",
        "tel:911",
        "tel:116117",
        "tel:22591300",
        "tel:18002221222",
    }


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_skip_link_goes_to_the_title_and_glossary_terms_take_the_focus(
    built_site: BuiltSite, lang: Language
) -> None:
    focusable_terms = 0
    for rel in _pages(lang):
        html = _html(built_site, rel, lang)
        assert '<a href="#page-title" class="md-skip">' in html, rel
        assert re.search(r'<h1 id="page-title" tabindex="-1">', html), rel
        explanations = dict(re.findall(r'<span id="(glossary-term-\d+)">(.*?)</span>', html))
        for title, attrs in re.findall(r'<abbr title="([^"]*)"([^>]*)>', html):
            described = re.search(r'aria-describedby="([^"]+)"', attrs)
            if described is None:  # a term inside a link: the link takes the focus
                continue
            assert explanations[described.group(1)] == title, rel
            focusable_terms += 'tabindex="0"' in attrs
    assert focusable_terms > 10


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_section_pages_have_breadcrumbs_and_treatments_related_ones_from_the_navigation(
    built_site: BuiltSite, lang: Language
) -> None:
    nav = sitenav.entries(mkdocs_config()["nav"])
    pages = _pages(lang)
    strings = ui.strings(lang.code)
    for entry in nav:
        if not entry.sections:
            continue
        html = _html(built_site, entry.rel, lang)
        page_dir = (built_site.root / built_path(entry.rel, lang.url_prefix)).parent
        crumbs = re.search(
            r'<nav class="breadcrumbs" aria-label="([^"]+)"><ol>(.*?)</ol></nav>'
            r'<article class="md-content__inner',
            html,
        )
        assert crumbs is not None and unescape(crumbs.group(1)) == strings["breadcrumbs"]
        home_href, home_text = re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs.group(2))[0]
        assert home_text == strings["home"]
        assert (page_dir / home_href / "index.html").resolve() == (
            built_site.root / built_path("index.md", lang.url_prefix)
        ).resolve()
        assert unescape(crumbs.group(2)).endswith(f">{pages[entry.rel].meta['title']}</li>")
        related = re.search(r'<div class="related-pages" role="navigation".*?</div>', html, re.S)
        if not _is_treatment(pages[entry.rel]):
            assert related is None, entry.rel
            continue
        assert related is not None, entry.rel
        assert unescape(related.group(0)).count(strings["related_treatments"]) == 1
        links = re.findall(r'<li><a href="([^"]+)">([^<]+)</a></li>', related.group(0))
        siblings = sitenav.siblings(nav, entry.rel, treatment_pages.load().related_limit)
        assert [unescape(text) for _, text in links] == [
            pages[rel].meta["title"] for rel in siblings
        ]
        for href, _ in links:
            assert (page_dir / href / "index.html").is_file(), href


def test_every_page_links_to_the_error_report_form(built_site: BuiltSite) -> None:
    # mkdocs.yml reads REPORT_URL from the environment (as CI sets it), else its default.
    report_url = os.environ.get("REPORT_URL") or str(mkdocs_config()["extra"]["report_url"])
    section = str(mkdocs_config()["extra"]["report_section"])
    for lang in languages():
        text = ui.strings(lang.code)["report_error"]
        for rel in _pages(lang):
            html = _html(built_site, rel, lang)
            page_url = scan_html(html).canonical or ""
            expected = report_url.replace("{page}", quote(page_url, safe=""))
            link = f'<a href="{expected.replace("&", "&amp;")}">{text}</a>'
            assert html.count(link) == (2 if f'<h2 id="{section}"' in html else 1), rel
    about = _html(built_site, "about.md", languages()[0])
    contact = about.split(f'<h2 id="{section}"', 1)[1].split("<h2", 1)[0]
    assert 'class="report-error"' in contact


def test_404_language_menus_lead_to_the_home_pages(built_site: BuiltSite) -> None:
    root = urlsplit(built_site.url).path
    homes = {lang.code: root + lang.url_prefix for lang in languages()}
    for lang in languages():
        html = (built_site.root / lang.url_prefix / "404.html").read_text(encoding="utf-8")
        menu = {
            code: href
            for href, code in re.findall(
                r'<a href="([^"]*)" hreflang="([^"]+)" class="md-select__link"', html
            )
        }
        assert menu == homes, lang.code


def test_theme_markup_has_no_empty_tabindex(built_site: BuiltSite) -> None:
    offenders = [
        str(path.relative_to(built_site.root))
        for path in built_site.root.rglob("*.html")
        if 'tabindex=""' in path.read_text(encoding="utf-8")
    ]
    assert offenders == []


def test_comparison_tables_are_marked_for_their_layout(built_site: BuiltSite) -> None:
    for lang in languages():
        html = _html(built_site, "compare.md", lang)
        assert html.count('<div class="row-labels row-labels--wide"><table>') == 1
    # A narrower table with row labels keeps the table of contents beside it.
    html = _html(built_site, "treatments/injection-lipolysis.md", languages()[0])
    assert '<div class="row-labels"><table>' in html


def test_the_site_root_has_no_pages_outside_the_sources(built_site: BuiltSite) -> None:
    """The step changes pages; it never adds any."""
    built = {path.relative_to(built_site.root).as_posix() for path in built_site.pages()}
    expected = {
        built_path(rel, lang.url_prefix) for lang in languages() for rel in _pages(lang)
    } | {"editors/status/index.html"}
    assert built == expected
    assert Path(built_site.root / "404.html").is_file()
