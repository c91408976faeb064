"""Small pieces with logic of their own: navigation groups, search index, citations, sitemaps."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from sitekit import bench, nav_groups, search, sitemaps
from sitekit.checks import Context, run
from sitekit.content import load_site
from sitekit.sources import load_registry, render_citations


def _page(name: str) -> Page:
    page = Page.__new__(Page)
    page.file = SimpleNamespace(abs_src_path=f"/x/{name}.md")  # type: ignore[assignment]
    page.parent = None
    return page


def test_small_sections_are_left_alone() -> None:
    pages = [_page(f"p{i}") for i in range(nav_groups.GROUP_SIZE)]
    section = Section("Treatments", list(pages))
    nav_groups.group_large_sections([section], lambda page: "title")
    assert section.children == pages


def test_large_sections_are_split_in_order_into_titled_groups() -> None:
    pages = [_page(f"p{i:02d}") for i in range(45)]
    section = Section("Treatments", list(pages))
    nav_groups.group_large_sections([section], lambda page: Path(str(page.file.abs_src_path)).stem)
    groups = [group for group in section.children if isinstance(group, Section)]
    assert [group.title for group in groups] == ["p00 – p19", "p20 – p39", "p40 – p44"]
    assert [p for group in groups for p in group.children] == pages
    assert all(page.parent in section.children for page in pages)


def _html(lang: str, body: str, robots: str = "") -> str:
    meta = f'<meta name="robots" content="{robots}">' if robots else ""
    head = f"<head>{meta}<title>t</title></head>"
    return f'<!doctype html><html lang="{lang}">{head}<body>{body}</body></html>'


def _article(title: str, text: str) -> str:
    return (
        f'<nav>Site menu</nav><article><h1>{title}</h1><p class="page-dates">Last reviewed: '
        f'1 May 2026</p><div class="admonition disclaimer"><p>Not medical advice</p></div>'
        f'<h2 id="risks">Risks</h2><p>{text}</p>'
        '<div role="navigation"><h2 id="related">Related pages</h2><a href="x/">X</a></div>'
        "</article>"
    )


def test_search_indexes_reader_pages_only(tmp_path: Path) -> None:
    site = tmp_path / "site"
    pages = {
        "index.html": _html("en", _article("Home", "Vitamin drips and their risks.")),
        "es/index.html": _html("es", _article("Inicio", "Los riesgos de la sueroterapia.")),
        "404.html": _html("en", _article("Not found", "Nothing here."), robots="noindex"),
        "editors/status/index.html": _html("en", "<article>Status</article>", "noindex, nofollow"),
        "pagefind/old.html": _html("en", "<article>Left over</article>"),
    }
    for rel, text in pages.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(text, encoding="utf-8")
    reader = [p.relative_to(site).as_posix() for p in search.reader_pages(site)]
    assert reader == ["es/index.html", "index.html"]

    indexed = search.build(site)
    assert indexed.pages == 2
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert {code: lang["page_count"] for code, lang in entry["languages"].items()} == {
        "en": 1,
        "es": 1,
    }
    assert not (site / "pagefind" / "old.html").exists()  # the output is written afresh
    assert not (site / "pagefind" / "pagefind-ui.js").exists()
    fragments = [
        gzip.decompress(p.read_bytes()) for p in (site / "pagefind").rglob("*.pf_fragment")
    ]
    text = b" ".join(fragments).decode("utf-8")
    assert "Vitamin drips" in text and "sueroterapia" in text
    for repeated in ("Last reviewed", "Not medical advice", "Site menu", "Related pages"):
        assert repeated not in text
    assert "Nothing here" not in text  # the noindex page
    assert not any(p.name.startswith(".search-") for p in tmp_path.iterdir())


def test_search_without_pages_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text(_html("en", "<article>x</article>", "noindex"))
    with pytest.raises(search.SearchIndexError, match="no page to index"):
        search.build(tmp_path)


def test_search_reports_pages_pagefind_cannot_index(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(_html("en", "<main>No article</main>"))
    with pytest.raises(
        search.SearchIndexError, match=r"could not build the search index.*<article>"
    ):
        search.build(tmp_path)
    assert not (tmp_path / "pagefind").exists()


def test_citations_are_numbered_by_first_use_with_a_back_link_per_use() -> None:
    registry = load_registry()
    text = "A.[^IV-ALI-2009] B.[^OZ-JEM-2020] C.[^IV-ALI-2009] D.[^NOT-A-SOURCE]"
    body, notes = render_citations(text, "no", registry)
    assert (
        '<sup id="fnref:IV-ALI-2009"><a class="footnote-ref" href="#fn:IV-ALI-2009">1</a>' in body
    )
    assert '<sup id="fnref2:IV-ALI-2009">' in body and ">2</a></sup>" in body
    assert "[^NOT-A-SOURCE]" in body  # left for the checker to report
    assert notes.count("footnote-backref") == 3
    assert "Tilbake til note 1 i teksten" in notes
    assert "(på engelsk)" in notes
    assert 'href="https://doi.org/10.1089/acm.2008.0410"' in notes


def test_only_references_side_by_side_get_a_comma_between_them() -> None:
    text = "One.[^IV-ALI-2009][^OZ-JEM-2020] Two,[^IV-BECKERS] three.[^IV-ELPAIS]"
    body, _ = render_citations(text, "en", load_registry())
    assert body.count('class="footnote-sep"') == 1
    assert '>2</a></sup><sup class="footnote-sep" aria-hidden="true">,</sup>' not in body
    assert '>1</a></sup><sup class="footnote-sep" aria-hidden="true">,</sup><sup id=' in body


def test_sitemaps_list_alternates_and_review_dates(tmp_path: Path) -> None:
    (tmp_path / "es" / "x").mkdir(parents=True)
    (tmp_path / "x").mkdir()
    alternates = (("en", "https://s/x/"), ("es", "https://s/es/x/"), ("x-default", "https://s/x/"))
    pages = [
        sitemaps.SitemapPage("en", "x/", "https://s/x/", "2026-01-02", alternates),
        sitemaps.SitemapPage("es", "es/x/", "https://s/es/x/", "2026-01-02", alternates),
    ]
    sitemaps.write_all(tmp_path, pages, {"en": "", "es": "es/"})
    root = (tmp_path / "sitemap.xml").read_text()
    assert root.count("<url>") == 2 and "<lastmod>2026-01-02</lastmod>" in root
    assert 'hreflang="x-default"' in root
    assert (tmp_path / "es" / "sitemap.xml").read_text().count("<url>") == 1
    # No sitemap next to each page: the language menu does not look for one.
    assert not (tmp_path / "es" / "x" / "sitemap.xml").exists()


def test_the_benchmark_generates_a_valid_site(tmp_path: Path) -> None:
    bench.generate(tmp_path, 12)
    import datetime as dt

    context = Context(
        site=load_site(tmp_path / "docs"),
        registry=load_registry(),
        today=dt.date(2026, 11, 23),
        mkdocs_yml=tmp_path / "mkdocs.yml",
    )
    assert run(context) == []
    assert len(context.site.english()) == 12


def test_the_template_cache_compiles_an_edited_template_afresh() -> None:
    from jinja2 import DictLoader, Environment

    from sitekit.template_cache import MemoryBytecodeCache

    cache = MemoryBytecodeCache()
    first = Environment(loader=DictLoader({"page.html": "old {{ x }}"}), bytecode_cache=cache)
    assert first.get_template("page.html").render(x=1) == "old 1"
    assert len(cache) == 1
    again = Environment(loader=DictLoader({"page.html": "old {{ x }}"}), bytecode_cache=cache)
    assert again.get_template("page.html").render(x=2) == "old 2"  # from the cache
    edited = Environment(loader=DictLoader({"page.html": "new {{ x }}"}), bytecode_cache=cache)
    assert edited.get_template("page.html").render(x=3) == "new 3"
    assert len(cache) == 1  # the same template, its new code
