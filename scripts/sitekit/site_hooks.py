"""MkDocs hooks: the wiring between MkDocs and the site's engine-neutral pieces.

Registered through ``scripts/mkdocs_hooks.py``. The site's own work is done by
the Markdown extension (``sitekit.mdext``, every page's content) and the
post-build step (``sitekit.after_build``, the built folder). What is left here
is what only MkDocs needs: the theme's globals, the navigation's grouping, the
page context of the head (canonical, ``hreflang``, Open Graph), one 404 page
per language, the preview's live checks, and calling the post-build step once
every language is built (the i18n plugin runs one build per language; the 404
page of the default language is kept in ``_STATE`` meanwhile).
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from sitekit import (
    after_build,
    live_checks,
    mdext,
    nav_groups,
    postbuild,
    search,
    template_cache,
    theme_data,
)
from sitekit.datafile import DataError
from sitekit.project import Language, languages


@dataclass
class _BuildState:
    """What the per-language builds keep for the last one."""

    default_404: str | None = None


_STATE = _BuildState()


# --- Helpers -------------------------------------------------------------------


def _i18n(config: MkDocsConfig) -> Any:
    return config.plugins["i18n"]


def _current(config: MkDocsConfig) -> Language:
    """The language being built, with its URL prefix for this build."""
    plugin = _i18n(config)
    code = plugin.current_language
    for lang in languages():
        if lang.code == code:
            # With build_only_locale (one-language preview) that language is served at /.
            is_default = code == plugin.default_language
            return Language(lang.code, lang.name, lang.html_lang, is_default)
    raise KeyError(code)


def _prefixes(config: MkDocsConfig) -> dict[str, str]:
    plugin = _i18n(config)
    return {
        code: ("" if code == plugin.default_language else f"{code}/")
        for code in plugin.build_languages
    }


def _absolute(config: MkDocsConfig, url: str) -> str:
    site_url = config.site_url or "/"
    return urljoin(
        site_url if site_url.endswith("/") else site_url + "/", "" if url == "./" else url
    )


def _meta_date(page: Page, key: str) -> dt.date | None:
    value = page.meta.get(key)
    return value if isinstance(value, dt.date) else None


def _alternates(page: Page, config: MkDocsConfig) -> list[tuple[str, str]]:
    """(hreflang, absolute URL) for the page in every language it exists in."""
    files = getattr(page.file, "alternates", {}) or {}
    result = []
    for lang in languages():
        alternate = files.get(lang.code)
        if alternate is not None:
            result.append((lang.html_lang, _absolute(config, alternate.url)))
    return result


# --- Events --------------------------------------------------------------------


def on_pre_build(config: MkDocsConfig) -> None:
    if not _i18n(config).building:  # the first (default-language) build of a run
        global _STATE
        _STATE = _BuildState()
        # A preview rebuilds in the same process: read pages and data afresh.
        mdext.clear_caches()
        if live_checks.enabled():  # make serve: the checks run on every rebuild
            live_checks.before_build(Path(config.docs_dir))


def on_env(env: Any, config: MkDocsConfig, files: Any) -> Any:
    env.bytecode_cache = template_cache.CACHE  # compile the theme once per process
    # What the templates read: the language being built (Zensical gets the same
    # from its generated configuration).
    config.extra.update(theme_data.template_extra(_current(config), languages(), _prefixes(config)))
    return env


@event_priority(-150)  # after the i18n plugin has made the navigation of this language
def on_nav(nav: Any, config: MkDocsConfig, files: Any) -> Any:
    nav_groups.group_large_sections(nav.items, nav_groups.title_from_front_matter)
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Any) -> str:
    title = page.meta.get("title")
    if isinstance(title, str):
        # The theme writes the title as HTML (heading, navigation, search): text only.
        page.meta["title"] = html.escape(title, quote=False)
    reviewed = _meta_date(page, "last_reviewed")
    if reviewed is not None:
        # Sitemap lastmod and the gzip timestamp follow the content, not the clock.
        page.update_date = reviewed.isoformat()
    return markdown  # the rest is the Markdown extension's work (sitekit.mdext)


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any) -> Any:
    alternates = _alternates(page, config)
    canonical = page.canonical_url or ""
    context["seo"] = theme_data.seo(canonical, alternates, _current(config), languages())
    return context


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Keep one 404 page per language instead of the last language's only."""
    if template_name != "404.html":
        return output
    lang = _current(config)
    if not lang.url_prefix:
        _STATE.default_404 = output
        return output
    target = Path(config.site_dir) / lang.url_prefix / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    # MkDocs writes the returned text to the root 404.html: keep the default language there.
    return _STATE.default_404 if _STATE.default_404 is not None else output


@event_priority(-200)  # after the i18n plugin (-100) has built every language
def on_post_build(config: MkDocsConfig) -> None:
    plugin = _i18n(config)
    if plugin.building:
        return  # a nested language build; the outer one writes everything at the end
    site_dir = Path(config.site_dir)
    prefixes = _prefixes(config)
    settings = postbuild.Settings(
        site_dir=site_dir,
        docs=Path(config.docs_dir),
        config=Path(config.config_file_path),
        prefixes=prefixes,
        site_url=_absolute(config, ""),
        report_url=config.extra.get("report_url"),
        report_section=config.extra.get("report_section"),
    )
    try:
        after_build.complete(settings)  # the engine-neutral post-build step
    except (DataError, after_build.AlreadyFinished, search.SearchIndexError) as exc:
        raise PluginError(str(exc)) from None
    if live_checks.enabled():  # make serve: each page's problems, on the page
        live_checks.after_build(site_dir, prefixes)
