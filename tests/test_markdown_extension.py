"""The site's Markdown extension (sitekit.mdext), in process on Markdown strings:
what every page's content gets from it, in MkDocs or in any other engine."""

from __future__ import annotations

import html
import logging
import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import markdown
import pytest
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from helpers import FixtureSite
from sitekit import glossary, mdext, ui
from sitekit.pages import parse_page
from sitekit.project import DOCS, mkdocs_config
from sitekit.sources import load_registry

PAGE = "es/treatments/mesotherapy.md"


def site_markdown(docs: Path = DOCS, **settings: Any) -> markdown.Markdown:
    """Python-Markdown with the extensions of mkdocs.yml, the site's own told ``settings``."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in mkdocs_config().get("markdown_extensions") or []:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name != "pymdownx.snippets":  # the includes are not these tests' business
            names.append(str(name))
            configs[str(name)] = dict(config or {})
    assert mdext.NAME in names, "mkdocs.yml lists the site's extension"
    configs[mdext.NAME] = {"docs_dir": str(docs), **settings}
    mdext.clear_caches()
    return markdown.Markdown(extensions=names, extension_configs=configs)


def convert(text: str, page: str = PAGE, docs: Path = DOCS, **settings: Any) -> str:
    return str(site_markdown(docs, page=page, **settings).convert(text))


def source_ids(count: int) -> list[str]:
    return sorted(load_registry().sources)[:count]


def test_citations_are_numbered_and_their_sources_listed_once_at_the_end() -> None:
    first, second = source_ids(2)
    text = (
        f"## One {{#one}}\n\nA claim.[^{first}]\n\n## Two {{#two}}\n\n"
        f"Another.[^{second}] Again.[^{first}]\n"
    )
    md = site_markdown(page=PAGE)
    out = md.convert(text)
    assert re.findall(r'class="footnote-ref" href="#fn:([^"]+)">(\d+)<', out) == [
        (first, "1"),
        (second, "2"),
        (first, "1"),
    ]
    # One list of sources, at the very end, in the page's language; none in the
    # table of contents, which runs the last steps on every heading too.
    assert out.count('<div class="footnote">') == 1
    assert [token["html"] for token in md.toc_tokens] == ["One", "Two"]
    assert out.rstrip().endswith("</ol></div>")
    back = ui.strings("es")["footnote_back"].format(n=1)
    assert f'title="{html.escape(back)}"' in out


def test_glossary_terms_become_tooltips_except_on_the_glossary_itself() -> None:
    term, definition = glossary.parse_terms((DOCS / "es" / "glossary.md").read_text())[0]
    text = f"Un texto sobre el {term.lower()} y el {term}.\n"
    assert f'<abbr title="{definition}">{term}</abbr>' in convert(text)
    assert "<abbr" not in convert(text, page="es/" + glossary.GLOSSARY_PAGE)


def test_permalinks_are_named_in_the_page_language() -> None:
    out = convert("## Riesgos {#risks}\n\nTexto.\n")
    assert f'title="{ui.strings("es")["permalink"]}"' in out
    assert "Permanent link" not in out


def test_content_is_sanitized_and_the_problem_named_for_the_build(
    caplog: pytest.LogCaptureFixture,
) -> None:
    text = 'Texto.\n\n<script>alert(1)</script>\n\n<p onclick="alert(2)">Pulse.</p>\n'
    with caplog.at_level(logging.WARNING, logger=mdext.log.name):
        out = convert(text)
    assert "<script" not in out and "alert(1)" not in out and "onclick" not in out
    assert "<p>Pulse.</p>" in out
    warnings = [record.getMessage() for record in caplog.records]
    assert any(message.startswith("docs/" + PAGE) for message in warnings), warnings


def test_the_review_dates_go_under_the_title() -> None:
    source, _ = parse_page(DOCS / PAGE, "es", PAGE, (DOCS / PAGE).read_text(encoding="utf-8"))
    day = html.escape(ui.format_date(source.meta["last_reviewed"], "es"))
    assert convert("Texto.\n").startswith('<p class="page-dates">')
    assert day in convert("Texto.\n")
    with_title = convert("# Mesoterapia\n\nTexto.\n")
    assert re.match(r'<h1 id="mesoterapia">Mesoterapia.*</h1><p class="page-dates">', with_title)


def test_a_translation_gets_a_notice_at_each_section_that_changed_in_english(
    site: FixtureSite,
) -> None:
    rel = "treatments/example.md"
    body = "## Qué es {#what-it-is}\n\nTexto.\n\n## Riesgos {#risks}\n\nTexto.\n"
    before = convert(body, page=f"es/{rel}", docs=site.docs)
    assert "translation-outdated" not in before  # up to date: no notice
    english = site.read("en")
    section = english.index("{#risks}")
    paragraph = english.index("\n\n", section) + 2
    site.write("en", english[:paragraph] + "A new first sentence. " + english[paragraph:])
    after = convert(body, page=f"es/{rel}", docs=site.docs)
    notice = re.search(r'<div class="admonition danger translation-outdated[^"]*"', after)
    assert notice is not None and "changed-section-risks" in notice.group(0)
    assert after.index("changed-section-risks") > after.index('id="risks"')
    assert 'href="../../../treatments/example/#risks" hreflang="en"' in after
    assert "changed-section-what-it-is" not in after


def test_a_page_in_no_language_folder_is_named_and_left_as_it_is(
    caplog: pytest.LogCaptureFixture,
) -> None:
    (first,) = source_ids(1)
    with caplog.at_level(logging.WARNING, logger=mdext.log.name):
        out = convert(f"A claim.[^{first}]\n", page="stray.md")
    assert "footnote-ref" not in out and "page-dates" not in out
    assert any("stray.md" in r.getMessage() and "lang" in r.getMessage() for r in caplog.records)


def test_a_page_whose_file_is_not_found_is_named(
    caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    docs = tmp_path / "docs"  # the real site's languages (no mkdocs.yml here), no pages
    docs.mkdir()
    (first,) = source_ids(1)
    with caplog.at_level(logging.WARNING, logger=mdext.log.name):
        out = convert(f"A claim.[^{first}]\n", docs=docs)
    assert "page-dates" not in out
    assert any(
        r.getMessage().startswith(str(docs / PAGE)) and "not found" in r.getMessage()
        for r in caplog.records
    ), [r.getMessage() for r in caplog.records]


class _MkDocsFile(Treeprocessor):  # type: ignore[misc]
    """What MkDocs 1.6 registers on every page's Markdown: the page's file."""

    def __init__(self, md: markdown.Markdown, src_uri: str) -> None:
        super().__init__(md)
        self.file = SimpleNamespace(src_uri=src_uri)

    def run(self, root: Any) -> None:
        return None


class ContextPreprocessor(Preprocessor):  # type: ignore[misc]
    """What Zensical registers on every page's Markdown: the page, with its metadata."""

    def __init__(self, md: markdown.Markdown, path: str) -> None:
        super().__init__(md)
        self.page = SimpleNamespace(path=path, meta={})

    def run(self, lines: list[str]) -> list[str]:
        return lines


def test_the_page_comes_from_mkdocs_or_from_zensical(caplog: pytest.LogCaptureFixture) -> None:
    mkdocs = site_markdown()
    mkdocs.treeprocessors.register(_MkDocsFile(mkdocs, PAGE), "relpath", 0)
    assert mdext.page_path(mkdocs) == PAGE
    assert 'class="page-dates"' in mkdocs.convert("Texto.\n")

    zensical = site_markdown(lang="es", site_url="https://guide.test/")
    context = ContextPreprocessor(zensical, "treatments/mesotherapy.md")
    zensical.preprocessors.register(context, "rendering_context", 0)
    assert 'class="page-dates"' in zensical.convert("Texto.\n")
    seo = context.page.meta["seo"]  # the head's data, for the templates
    assert seo["canonical"] == "https://guide.test/es/treatments/mesotherapy/"
    assert ["en", "https://guide.test/treatments/mesotherapy/"] in seo["alternates"]
    assert seo["x_default"] == "https://guide.test/treatments/mesotherapy/"
    assert seo["og_locale"] == ui.strings("es")["locale"]

    unknown = site_markdown()  # no engine that says the page, no `page` setting
    assert mdext.page_path(unknown) is None
    with caplog.at_level(logging.WARNING, logger=mdext.log.name):
        assert "page-dates" not in unknown.convert("Texto.\n")
    assert any("does not say which page" in r.getMessage() for r in caplog.records)
