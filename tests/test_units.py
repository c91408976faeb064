"""Small pieces with logic of their own: navigation groups, search split, citations, sitemaps."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from sitekit import bench, nav_groups, search_index, sitemaps
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


def test_search_entries_are_split_by_language_and_made_relative() -> None:
    entries = [
        {"location": "", "title": "Home"},
        {"location": "es/", "title": "Inicio"},
        {"location": "no/treatments/x/#risks", "title": "Risiko"},
        {"location": "treatments/x/", "title": "X"},
        {"location": "es/", "title": "Inicio"},  # the plugin can hand a page over twice
    ]
    split = search_index.split_entries(entries, {"en": "", "es": "es/", "no": "no/"})
    assert [e["location"] for e in split["en"]] == ["", "treatments/x/"]
    assert [e["location"] for e in split["es"]] == [""]
    assert [e["location"] for e in split["no"]] == ["treatments/x/#risks"]


def test_pages_point_their_search_at_their_language() -> None:
    html = '<script id="__config" type="application/json">{"annotate": null, "base": "../.."}'
    assert '"base": "../../es/"' in search_index.point_page_at_language_root(html, "es/")
    assert search_index.point_page_at_language_root(html, "") == html


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
        sitemaps.SitemapPage("en", "x.md", "x/", "https://s/x/", "2026-01-02", alternates),
        sitemaps.SitemapPage("es", "x.md", "es/x/", "https://s/es/x/", "2026-01-02", alternates),
    ]
    sitemaps.write_all(tmp_path, pages, {"en": "", "es": "es/"})
    root = (tmp_path / "sitemap.xml").read_text()
    assert root.count("<url>") == 2 and "<lastmod>2026-01-02</lastmod>" in root
    assert 'hreflang="x-default"' in root
    assert (tmp_path / "es" / "sitemap.xml").read_text().count("<url>") == 1
    assert (tmp_path / "es" / "x" / "sitemap.xml").read_text().count("<url>") == 2


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
