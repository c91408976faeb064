"""The site's own Markdown: a Python-Markdown extension, so any engine that renders
pages with Python-Markdown (MkDocs, Zensical) writes them the same way.

    markdown_extensions:
      - sitekit.mdext:
          docs_dir: docs   # the folder that holds docs/<lang>/
          lang: ""         # the build's language; empty: the first folder of the page's path

On every page it writes each citation ``[^ID]`` from data/sources.yml and the
list of sources at the end; adds the glossary's terms as abbreviations (tooltips)
except on the glossary itself; names the permalinks in the page's language;
checks the content HTML against data/html_policy.yml (a warning names the
Markdown file) and sanitizes it; then adds the review dates under the title and,
on a translation, a notice at each section that changed in English since it was
translated.

Which page is being rendered: MkDocs and Zensical each say it through an
internal object (``_engine_page``); the ``page`` setting says it where no engine
does (the tests). The front matter is read from the Markdown file itself.
"""

from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from sitekit import glossary, page_dates, sanitize, section_notices, theme_data, ui
from sitekit.freshness import FIELD, parse_record
from sitekit.history import History, file_history
from sitekit.pages import Page, built_path, parse_page
from sitekit.paths import display_path
from sitekit.project import Language, Layout
from sitekit.reading import read_text
from sitekit.sources import Registry, load_registry, render_citations
from sitekit.verify_site import content_problems
from sitekit.wayfinding import page_url, relative

NAME = "sitekit.mdext"
# MkDocs counts the warnings of its own loggers (`--strict` fails on them); other
# engines print them.
log = logging.getLogger("mkdocs.plugins.sitekit")
_H1_END = re.compile(r"</h1>", re.IGNORECASE)
_PERMALINK_TITLE = 'title="Permanent link"'


@dataclass(frozen=True)
class PageInfo:
    """The page being rendered: its language, its path in docs/<lang>/, its source."""

    lang: Language
    english: Language  # the language translations are made from
    rel: str
    source: Page | None  # None when the file cannot be read (the checker says why)
    docs: Path


class _State:
    """What one conversion carries from the first step to the last."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.page: PageInfo | None = None
        self.notes = ""
        self.tree_done = False


@cache
def _registry() -> Registry:
    return load_registry()


@cache
def _abbreviations(glossary_file: Path) -> str:
    return glossary.abbreviations(glossary_file)


@cache
def _source(path: Path, lang: str, rel: str) -> Page | None:
    text, problem = read_text(path)
    if text is None or problem is not None:
        return None
    page, problems = parse_page(path, lang, rel, text)
    return None if problems else page


@cache
def _history(path: Path) -> History:
    """Git history of an English page (read only for pages with outdated translations)."""
    return file_history(path)


def clear_caches() -> None:
    """Read pages and data afresh (a live preview rebuilds in the same process)."""
    for cached in (_registry, _abbreviations, _source, _history):
        cached.cache_clear()


def _engine_page(md: Markdown) -> Any:
    """What the engine says of the page being rendered: MkDocs 1.6 registers a
    ``relpath`` treeprocessor holding the page's file; Zensical a context
    preprocessor holding the page. Both are internal objects of the engine."""
    if "relpath" in md.treeprocessors:
        file = getattr(md.treeprocessors["relpath"], "file", None)
        if isinstance(getattr(file, "src_uri", None), str):
            return file
    for processor in md.preprocessors:
        if type(processor).__name__ == "ContextPreprocessor":
            return getattr(processor, "page", None)
    return None


def page_path(md: Markdown) -> str | None:
    """The path of the page being rendered, below the engine's docs folder."""
    found = _engine_page(md)
    for name in ("src_uri", "path"):
        value = getattr(found, name, None)
        if isinstance(value, str):
            return value.replace("\\", "/")
    return None


class SiteMarkdown(Extension):  # type: ignore[misc]
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "docs_dir": ["docs", "the folder that holds one folder per language"],
            "lang": ["", "the language of the build; empty: the page path's first folder"],
            "page": ["", "the page's path below docs_dir, where the engine does not say it"],
            "site_url": ["", "the site's address: the head's data goes into the page's metadata"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        state = _State()
        # Before snippets (32), on what the page itself says, as MkDocs' page hook did.
        md.preprocessors.register(_Sources(md, self, state), "sitekit_sources", 35)
        md.treeprocessors.register(_TreeDone(md, state), "sitekit_tree_done", -100)
        md.postprocessors.register(_Finish(md, state), "sitekit_finish", -100)
        md.registerExtension(self)

    def page_info(self, md: Markdown) -> PageInfo | None:
        path = str(self.getConfig("page")) or page_path(md)
        if not path:  # an engine (or a version of one) that this module does not know
            log.warning(
                "the Markdown engine does not say which page it renders, so citations, "
                f"dates and notices are not written. Fix: teach {NAME}._engine_page this "
                "engine, or set `page` in its settings."
            )
            return None
        docs = Path(str(self.getConfig("docs_dir")))
        langs = {lang.code: lang for lang in Layout.of(docs).languages()}
        code = str(self.getConfig("lang"))
        rel = path
        if not code:
            code, _, rel = path.partition("/")
        lang = langs.get(code)
        if lang is None:
            log.warning(
                f"{path}: the page is in no language folder of {docs} ({', '.join(langs)}), "
                "so its citations, dates and notices are not written. Fix: move it into "
                f"its language's folder, or set `lang` in the {NAME} settings of the "
                "configuration."
            )
            return None
        english = next(iter(langs.values()))
        file = docs / code / rel
        if not file.is_file():  # e.g. a relative docs_dir read from another folder
            log.warning(
                f"{file}: not found, so the page's review dates, glossary terms and notices "
                f"are not written. Fix: build from the project's folder, or give {NAME} the "
                "docs folder's absolute path as docs_dir."
            )
        return PageInfo(lang, english, rel, _source(file.resolve(), code, rel), docs)


class _Sources(Preprocessor):  # type: ignore[misc]
    """Citations, their notes (kept for the end), and the glossary's abbreviations."""

    def __init__(self, md: Markdown, extension: SiteMarkdown, state: _State) -> None:
        super().__init__(md)
        self.extension = extension
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        self.state.reset()  # a Markdown instance may convert more than one page
        page = self.state.page = self.extension.page_info(self.md)
        if page is None:
            return lines
        site_url = str(self.extension.getConfig("site_url"))
        meta = getattr(_engine_page(self.md), "meta", None)
        if site_url and isinstance(meta, dict):  # an engine without page hooks (Zensical)
            meta["seo"] = _seo(page, site_url)
        text, self.state.notes = render_citations("\n".join(lines), page.lang.code, _registry())
        if page.rel != glossary.GLOSSARY_PAGE:
            terms = _abbreviations((page.docs / page.lang.code / glossary.GLOSSARY_PAGE).resolve())
            text += "\n\n" + terms + "\n" if terms else ""
        return text.split("\n")


class _TreeDone(Treeprocessor):  # type: ignore[misc]
    """Marks the end of the tree steps: the table of contents also runs the
    postprocessors on each heading, and the last step must run on the page only."""

    def __init__(self, md: Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: Any) -> None:
        self.state.tree_done = True


class _Finish(Postprocessor):  # type: ignore[misc]
    """The page's HTML: notes, checks, sanitizer, then the site's own notices."""

    def __init__(self, md: Markdown, state: _State) -> None:
        super().__init__(md)
        self.state = state

    def run(self, text: str) -> str:
        page = self.state.page
        if not self.state.tree_done or page is None:
            return text
        strings = ui.strings(page.lang.code)
        html_text = text.strip().replace(
            _PERMALINK_TITLE, f'title="{html.escape(strings["permalink"])}"'
        )
        html_text += self.state.notes
        shown = display_path(page.docs / page.lang.code / page.rel)
        for problem in content_problems(html_text, shown):
            log.warning(
                f"{problem.location}: [{problem.code}] {problem.message} Fix: {problem.hint}"
            )
        html_text = sanitize.clean(html_text)  # what the page adds: the allowlist only
        # The site's own notices are added after the clean-up, like the page dates.
        html_text, notices = _outdated_notices(html_text, page)
        meta = page.source.meta if page.source else {}
        banner = page_dates.header(meta, page.lang.code) + notices
        if _H1_END.search(html_text):
            return _H1_END.sub(lambda match: match.group(0) + banner, html_text, count=1)
        return banner + html_text  # the theme writes the title just before the content


def _outdated_notices(html_text: str, page: PageInfo) -> tuple[str, str]:
    """A notice at each section of a translation that changed in English since it was
    made; returns the content and the notices that go under the title."""
    if page.lang.code == page.english.code or page.source is None:
        return html_text, ""
    file = (page.docs / page.english.code / page.rel).resolve()
    original = _source(file, page.english.code, page.rel)
    if original is None:
        return html_text, ""
    record = parse_record(page.source.meta.get(FIELD))
    if not section_notices.notices_for(record, original):
        return html_text, ""  # up to date: Git is not asked
    notices = section_notices.notices_for(record, original, _history(original.path))
    href = relative(
        built_path(page.rel, page.lang.url_prefix), built_path(page.rel, page.english.url_prefix)
    )
    return section_notices.place(html_text, notices, page.lang.code, href, page.english.html_lang)


def _seo(page: PageInfo, site_url: str) -> dict[str, Any]:
    """The head's canonical, hreflang and Open Graph data (the MkDocs hooks write the
    same from MkDocs' pages)."""
    base = site_url if site_url.endswith("/") else site_url + "/"
    langs = Layout.of(page.docs).languages()

    def address(lang: Language) -> str:
        return urljoin(base, page_url(built_path(page.rel, lang.url_prefix)))

    alternates = [
        (other.html_lang, address(other))
        for other in langs
        if (page.docs / other.code / page.rel).is_file()
    ]
    data = theme_data.seo(address(page.lang), alternates, page.lang, langs)
    data["alternates"] = [list(pair) for pair in alternates]  # the engine takes lists only
    return data


def makeExtension(**kwargs: Any) -> SiteMarkdown:
    return SiteMarkdown(**kwargs)
