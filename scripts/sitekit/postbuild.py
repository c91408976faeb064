"""The post-build step: what the site adds to the pages the engine has written.

It reads the built HTML and the Markdown sources' front matter, never the
engine's objects, so it runs after any build that writes Material's markup
(MkDocs calls it from its last hook; another engine's build script can call
``run`` the same way). On every page of every built language it:

* sends the skip link to the page title and makes glossary terms focusable;
* marks tables whose first column labels the rows (the comparison table);
* removes the theme's ``tabindex=""`` (invalid HTML);
* adds schema.org ``MedicalWebPage`` data, breadcrumbs for pages inside a
  navigation section (before the article, where the theme's own path would
  go: the article starts with the title and the disclaimer), and a "report
  an error" link (``extra.report_url``);
* on treatment pages (data/treatment_pages.yml): the urgent-help call-out and
  a list of related treatments taken from the navigation;
* names each language of the language menu in its own language (lang=…), and
  points the menu of each 404 page at the home pages.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

from sitekit import markup, sitenav, structured_data, treatment_pages, ui, wayfinding
from sitekit.content import load_site
from sitekit.pages import Page, built_path
from sitekit.project import Language, i18n_config, languages_from, mkdocs_config

HOME = "index.md"


@dataclass(frozen=True)
class Settings:
    site_dir: Path
    docs: Path
    config: Path  # mkdocs.yml: navigation, languages, site names
    prefixes: Mapping[str, str]  # built language code -> URL prefix ("" or "es/")
    site_url: str
    report_url: str | None = None  # "{page}" in it becomes the page's address
    report_section: str | None = None  # heading id of the section that also gets the link


@dataclass(frozen=True)
class _Language:
    lang: Language
    prefix: str
    site_name: str
    site_description: str
    nav_translations: Mapping[str, Any]
    pages: Mapping[str, Page]
    strings: Mapping[str, Any] = field(default_factory=dict)
    html_langs: Mapping[str, str] = field(default_factory=dict)  # code -> BCP 47 tag


def run(settings: Settings) -> int:
    """Change every built page in place; return how many pages were changed."""
    config = mkdocs_config(settings.config)
    entries = {str(entry["locale"]): entry for entry in i18n_config(config)["languages"] if entry}
    langs = languages_from(config)
    nav = sitenav.entries(config.get("nav"))
    treatments = treatment_pages.load()
    site = load_site(settings.docs, langs)
    changed = 0
    for lang in langs:
        prefix = settings.prefixes.get(lang.code)
        if prefix is None:
            continue
        entry = entries.get(lang.code, {})
        context = _Language(
            lang=lang,
            prefix=prefix,
            site_name=str(entry.get("site_name") or config.get("site_name", "")),
            site_description=" ".join(
                str(entry.get("site_description") or config.get("site_description", "")).split()
            ),
            nav_translations=entry.get("nav_translations") or {},
            pages=site.pages.get(lang.code, {}),
            strings=ui.strings(lang.code),
            html_langs={other.code: other.html_lang for other in langs},
        )
        for rel, page in context.pages.items():
            path = settings.site_dir / built_path(rel, prefix)
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                path.write_text(
                    _page(text, rel, page, context, nav, treatments, settings), encoding="utf-8"
                )
                changed += 1
        _not_found_page(settings.site_dir / prefix / "404.html", settings, context.html_langs)
    return changed


def _page(
    text: str,
    rel: str,
    page: Page,
    context: _Language,
    nav: list[sitenav.NavEntry],
    treatments: treatment_pages.TreatmentPages,
    settings: Settings,
) -> str:
    built = built_path(rel, context.prefix)
    title = str(page.meta.get("title") or "")
    is_treatment = page.meta.get("page_type") == treatments.page_type
    text = markup.name_switcher_languages(text, context.html_langs)
    text = markup.skip_to_title(text)
    text = markup.focusable_glossary_terms(text)
    text = markup.mark_row_label_tables(text)
    text = markup.drop_empty_tabindex(text)
    text = _add_breadcrumbs(text, rel, built, title, context, nav)
    if is_treatment:
        callout = treatment_pages.callout_html(treatments, context.lang.code)
        text = markup.insert_after_heading(text, treatments.urgent_section, callout) or text
        text = _add_related(text, rel, built, context, nav, treatments)
    address = urljoin(settings.site_url, wayfinding.page_url(built))
    reviewed = page.meta.get("last_reviewed")
    if settings.report_url:
        link = wayfinding.report_link(settings.report_url, address, context.strings["report_error"])
        if settings.report_section:
            text = markup.insert_at_section_end(text, settings.report_section, link) or text
        text = markup.insert_at_article_end(text, link)
    data = structured_data.medical_web_page(
        url=address,
        name=title,
        description=" ".join(str(page.meta.get("description") or "").split())
        or context.site_description,
        in_language=context.lang.html_lang,
        last_reviewed=reviewed if isinstance(reviewed, dt.date) else None,
        publisher=context.site_name,
        home_url=urljoin(settings.site_url, context.prefix),
        procedure=is_treatment,
    )
    return text.replace("</head>", structured_data.script_tag(data) + "\n</head>", 1)


def _add_breadcrumbs(
    text: str,
    rel: str,
    built: str,
    title: str,
    context: _Language,
    nav: list[sitenav.NavEntry],
) -> str:
    entry = next((entry for entry in nav if entry.rel == rel), None)
    if entry is None or not entry.sections or HOME not in context.pages:
        return text
    home = wayfinding.relative(built, built_path(HOME, context.prefix))
    trail: list[tuple[str, str | None]] = [(str(context.strings["home"]), home)]
    trail += [(sitenav.translated(s, context.nav_translations), None) for s in entry.sections]
    crumbs = wayfinding.breadcrumbs(str(context.strings["breadcrumbs"]), trail, title)
    return markup.insert_before_article(text, crumbs)


def _add_related(
    text: str,
    rel: str,
    built: str,
    context: _Language,
    nav: list[sitenav.NavEntry],
    treatments: treatment_pages.TreatmentPages,
) -> str:
    links = [
        (
            str(context.pages[other].meta.get("title") or other),
            wayfinding.relative(built, built_path(other, context.prefix)),
        )
        for other in sitenav.siblings(nav, rel, treatments.related_limit)
        if other in context.pages
    ]
    block = wayfinding.related(str(context.strings["related_treatments"]), links)
    if not block:
        return text
    if treatments.related_before:
        placed = markup.insert_before_heading(text, treatments.related_before, block)
        if placed is not None:
            return placed
    return markup.insert_at_article_end(text, block)


def _not_found_page(path: Path, settings: Settings, html_langs: Mapping[str, str]) -> None:
    """The language menu of a 404 page leads to each language's home page.

    A 404 page is served at any address, so its links start at the site root.
    """
    if not path.is_file():
        return
    root = urlsplit(settings.site_url).path or "/"
    root = root if root.endswith("/") else root + "/"
    homes = {code: root + prefix for code, prefix in settings.prefixes.items()}
    text = path.read_text(encoding="utf-8")
    text = markup.point_switcher_at(text, homes)
    text = markup.drop_empty_tabindex(markup.name_switcher_languages(text, html_langs))
    path.write_text(text, encoding="utf-8")
