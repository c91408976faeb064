"""What the site's templates (overrides/) read, whatever engine renders them.

The templates read ``config.extra.site_ui`` and the rest of ``template_extra``
(MkDocs: set by the hooks for each language; Zensical: written into each
language's generated configuration), and ``seo`` from the page context
(MkDocs) or ``page.meta.seo`` (Zensical, set by the Markdown extension).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sitekit import ui
from sitekit.project import Language


def _plain(value: Any) -> Any:
    """Interface strings as plain data (a generated YAML file holds them)."""
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def template_extra(
    lang: Language, langs: Sequence[Language], prefixes: Mapping[str, str]
) -> dict[str, Any]:
    """The interface strings of ``lang``, and the other built languages' home pages
    (``prefixes``: built language code -> URL prefix) for the 404 page of the root,
    the only one some hosts serve."""
    return {
        "site_ui": _plain(ui.strings(lang.code)),
        "site_other_languages": [
            {
                "prefix": prefix or "./",
                "html_lang": other.html_lang,
                "ui": _plain(ui.strings(other.code)),
            }
            for other in langs
            if other.code != lang.code and (prefix := prefixes.get(other.code)) is not None
        ],
        "site_is_root_language": not prefixes.get(lang.code),
    }


def seo(
    canonical: str, alternates: Sequence[tuple[str, str]], lang: Language, langs: Sequence[Language]
) -> dict[str, Any]:
    """The head's canonical, ``hreflang`` and Open Graph data of a page
    (``alternates``: (hreflang, absolute URL) of the page in every language it has)."""
    present = dict(alternates)
    return {
        "canonical": canonical,
        "alternates": list(alternates),
        "x_default": present.get(langs[0].html_lang),
        "og_locale": ui.strings(lang.code)["locale"],
        "og_locale_alternates": [
            ui.strings(other.code)["locale"]
            for other in langs
            if other.code != lang.code and other.html_lang in present
        ],
    }
