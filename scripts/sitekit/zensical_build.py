"""The experimental Zensical build: one Zensical project per language, one folder.

Zensical builds one language per project and runs no hooks and no i18n plugin.
So, for each language of mkdocs.yml, this writes a configuration generated from
mkdocs.yml (that language's pages, names, navigation, theme language and
interface strings; the site's Markdown extension told the language), builds it
with Zensical into a work folder, and puts the results together at ``/``,
``/es/``, ``/no/``. Then the same post-build step and the same verification as
the production build run on that folder, and only then is it published.

Zensical wants the pages and the output inside the folder of its configuration:
each language's pages are copied into ``.zensical/<code>/docs``.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from sitekit import after_build, markup, publish, report, theme_data
from sitekit.checks import collect_problems
from sitekit.content import load_site
from sitekit.pages import built_path
from sitekit.project import (
    MKDOCS_YML,
    Language,
    display_path,
    i18n_config,
)
from sitekit.wayfinding import relative

WORK = ".zensical"
ENGINE = "zensical"  # its theme's files, in data/html_policy.yml (engines:)
# Zensical's theme puts an empty target for its skip link before the title, in the
# article; the post-build step sends the skip link to the title itself.
_SKIP_TARGET = re.compile(r'\s*<a id="__skip" tabindex="-1"></a>')
# What Zensical writes that the site does not use: the other look (the classic one
# is used), and its search index, which it writes even with its search turned off.
_UNUSED = ("assets/stylesheets/modern", "search.json")
# MkDocs settings that Zensical ignores or that the generated configuration replaces.
_DROPPED = ("hooks", "plugins", "watch", "validation")


class ZensicalError(Exception):
    """The Zensical build failed; the message says where and what to do."""


def language_config(
    config: dict[str, Any], lang: Language, langs: Sequence[Language], root: Path
) -> dict[str, Any]:
    """The Zensical configuration of one language, generated from mkdocs.yml."""
    entry = next(e for e in i18n_config(config)["languages"] if str(e.get("locale")) == lang.code)
    site = copy.deepcopy(config)
    for key in _DROPPED:
        site.pop(key, None)
    for key in ("site_name", "site_description", "copyright"):
        if entry.get(key):
            site[key] = entry[key]
    base = str(config.get("site_url") or "/")
    base = base if base.endswith("/") else base + "/"
    site.update(site_url=base + lang.url_prefix, docs_dir="docs", site_dir="site")
    site["nav"] = _translated_nav(config.get("nav") or [], entry.get("nav_translations") or {})
    site["theme"] = _theme(config["theme"], entry.get("theme") or {}, lang, root)
    prefixes = {other.code: other.url_prefix for other in langs}
    site["extra"] = {
        **(config.get("extra") or {}),
        **theme_data.template_extra(lang, langs, prefixes),
        "alternate": [
            {"name": other.name, "link": urlsplit(base).path + other.url_prefix, "lang": other.code}
            for other in langs
        ],
    }
    site["markdown_extensions"] = _extensions(config, lang, root, base)
    # The site's search is its own (Pagefind, from the post-build step), as with MkDocs.
    site["plugins"] = [{"search": {"enabled": False}}]
    return site


def _translated_nav(nav: Any, translations: dict[str, str]) -> Any:
    if isinstance(nav, list):
        return [_translated_nav(item, translations) for item in nav]
    if isinstance(nav, dict):
        return {
            translations.get(str(key), key): _translated_nav(value, translations)
            for key, value in nav.items()
        }
    return nav


def _theme(
    theme: dict[str, Any], own: dict[str, Any], lang: Language, root: Path
) -> dict[str, Any]:
    result = copy.deepcopy(theme)
    result.pop("name", None)
    result.update(variant="classic", language=lang.html_lang)
    if "custom_dir" not in theme:
        raise ZensicalError(
            f"{display_path(MKDOCS_YML)}: theme.custom_dir is not set. Fix: set it to the "
            "folder of the site's template overrides (overrides)."
        )
    result["custom_dir"] = os.path.relpath(root / str(theme["custom_dir"]), root / WORK / lang.code)
    for palette, override in zip(
        result.get("palette") or [], own.get("palette") or [], strict=False
    ):
        toggle = (override or {}).get("toggle") or {}
        palette.setdefault("toggle", {}).update(toggle)
    return result


def _extensions(config: dict[str, Any], lang: Language, root: Path, site_url: str) -> list[Any]:
    result: list[Any] = []
    for entry in config.get("markdown_extensions") or []:
        name, settings = next(iter(entry.items())) if isinstance(entry, dict) else (entry, None)
        settings = copy.deepcopy(settings)
        if name == "pymdownx.snippets" and isinstance(settings, dict):
            paths = settings.get("base_path", ["."])  # pymdownx takes a path or a list
            paths = [paths] if isinstance(paths, str) else paths
            settings["base_path"] = [str(root / str(path)) for path in paths]
        if name == "sitekit.mdext":
            settings = dict(settings or {}, lang=lang.code, site_url=site_url)
            settings["docs_dir"] = str(root / str(settings.get("docs_dir", "docs")))
        result.append({name: settings} if settings is not None else name)
    return result


def build(zensical: Path, out: Path, config_file: Path = MKDOCS_YML) -> int:
    """Build every language with Zensical, finish and verify the folder, publish it
    to ``out``; the exit status. A failure leaves ``out`` as it was."""
    root = config_file.parent.resolve()
    config, langs = after_build.load_config(config_file)
    work = root / WORK
    target = publish.target_of(out)
    publish.remove_stale(target)
    staging = publish.staging_dir(target)
    try:
        for lang in langs:
            _build_language(zensical, config, lang, langs, root, work / lang.code)
            adapt(work / lang.code / "site")
            shutil.copytree(
                work / lang.code / "site", staging / lang.url_prefix, dirs_exist_ok=True
            )
        settings = after_build.settings_for(staging, config_file)
        menus_to_translations(staging, settings.docs, langs)
        after_build.complete(settings)
        context, _ = collect_problems(docs=settings.docs)
        problems = publish.verify(context, staging, ENGINE)
        if problems:
            sys.stderr.write(report.format_text(problems))
            shown = display_path(out)
            print(
                f"error: the Zensical build failed verification; {shown} was left as it was.",
                file=sys.stderr,
            )
            return 1
        publish.replace_dir(staging, out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(f"Built {len(langs)} languages with Zensical into {display_path(out)} (experimental).")
    return 0


def adapt(folder: Path) -> None:
    """One language's Zensical output made what the post-build step expects: the
    Material markup, without what only Zensical's theme adds."""
    for unused in _UNUSED:
        path = folder / unused
        if path.is_dir():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    for page in folder.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        changed = _SKIP_TARGET.sub("", text, count=1)
        if changed != text:
            page.write_text(changed, encoding="utf-8")


def menus_to_translations(site_dir: Path, docs: Path, langs: Sequence[Language]) -> None:
    """Each page's language menu leads to the same page in the other languages, as the
    i18n plugin makes it under MkDocs (Zensical's leads to each language's home)."""
    site = load_site(docs, langs)
    for lang in langs:
        for rel in site.pages.get(lang.code, {}):
            built = built_path(rel, lang.url_prefix)
            path = site_dir / built
            if not path.is_file():
                continue
            targets = {
                other.code: relative(built, built_path(rel, other.url_prefix))
                for other in langs
                if rel in site.pages.get(other.code, {})
            }
            text = path.read_text(encoding="utf-8")
            path.write_text(markup.point_switcher_at(text, targets), encoding="utf-8")


def extension_warnings(output: str) -> list[str]:
    """The site's Markdown extension's warnings in Zensical's output (each says "Fix:").
    Zensical's --strict does not see Python's warnings; they fail this build as they
    fail MkDocs --strict."""
    return [line for line in output.splitlines() if " Fix: " in line]


def _build_language(
    zensical: Path,
    config: dict[str, Any],
    lang: Language,
    langs: Sequence[Language],
    root: Path,
    folder: Path,
) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(root / str(config.get("docs_dir", "docs")) / lang.code, folder / "docs")
    generated = folder / "mkdocs.yml"
    site = language_config(config, lang, langs, root)
    generated.write_text(
        yaml.safe_dump(site, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    env = dict(os.environ, PYTHONPATH=str(root / "scripts"))
    command = [str(zensical), "build", "--clean", "--strict", "--config-file", str(generated)]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    output = (result.stdout + result.stderr).strip()
    if result.returncode != 0 or not (folder / "site" / "index.html").is_file():
        raise ZensicalError(
            f"{display_path(generated)}: zensical build failed "
            f"(exit status {result.returncode}):\n{output}"
        )
    warnings = extension_warnings(output)
    if warnings:
        raise ZensicalError(
            f"{display_path(generated)}: the site's Markdown extension warned:\n"
            + "\n".join(warnings)
        )
