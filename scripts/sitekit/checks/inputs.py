"""Every input is read: files besides the pages, titles, and the assets mkdocs.yml loads.

- docs/, includes/ and data/ hold only the file types data/html_policy.yml
  allows for them (under docs/: pages and images, never HTML, SVG or scripts),
  and no symbolic link (it could publish any file of the machine).
- Titles and descriptions are plain text: the theme writes them as HTML.
- mkdocs.yml loads nothing from another host: no remote stylesheet, script,
  favicon or logo, no web fonts, no analytics.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from sitekit import urls
from sitekit.checks.context import Context
from sitekit.html_policy import PolicyError, load_policy
from sitekit.paths import display_path
from sitekit.reading import read_text
from sitekit.report import Problem, error
from sitekit.yamlio import ConfigLoader, load_yaml

_MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
_PLAIN_TEXT_KEYS = ("title", "description")
_ASSET_KEYS = frozenset({"theme.favicon", "theme.logo"})


def check(context: Context) -> Iterator[Problem]:
    try:
        policy = load_policy()
    except PolicyError as exc:
        yield error("data/html_policy.yml", 0, "html-policy", f"{exc}.", "restore the file.")
        return
    folders = {"docs": context.site.docs, "includes": context.includes, "data": context.data}
    for name, folder in folders.items():
        yield from _files(folder, name, policy.input_types.get(name, frozenset()))
    for page in context.site.all_pages():
        for key in _PLAIN_TEXT_KEYS:
            value = page.meta.get(key)
            if isinstance(value, str) and (match := _MARKUP.search(value)):
                yield error(
                    page.display,
                    page.line_of(key),
                    "front-matter",
                    f"the {key} contains markup ('{match.group()}'); it must be plain text.",
                    f"write the {key} without HTML tags or entities (type the character itself).",
                )
    if context.mkdocs_yml is not None:
        yield from _remote_assets(context.mkdocs_yml)


def _files(folder: Path, name: str, allowed: frozenset[str]) -> Iterator[Problem]:
    if not folder.is_dir():
        return
    for root, dirs, files in os.walk(folder):
        base = Path(root)
        for entry in sorted(dirs + files):
            path = base / entry
            shown = f"{display_path(base)}/{entry}"  # the link itself, not where it points
            if path.is_symlink():
                yield error(
                    shown,
                    0,
                    "input-file",
                    "this is a symbolic link; the site publishes only files in the repository.",
                    "replace the link with the file itself.",
                )
            elif entry in files and path.suffix.lower() not in allowed:
                kinds = ", ".join(sorted(allowed))
                yield error(
                    shown,
                    0,
                    "input-file",
                    f"a {path.suffix or 'file without extension'} file cannot be in {name}/ "
                    f"(allowed: {kinds}).",
                    "remove it; images must be .png, .jpg, .gif, .webp or .avif, and pages "
                    "Markdown. Anything else needs a maintainer.",
                )
        dirs[:] = sorted(d for d in dirs if not (base / d).is_symlink())


def _remote_assets(config_path: Path) -> Iterator[Problem]:
    text, _ = read_text(config_path, "data")
    if text is None:
        return  # the navigation check reports an unreadable mkdocs.yml
    try:
        root, _ = load_yaml(text, ConfigLoader)  # aliases and deep nesting refused
    except yaml.YAMLError:
        return  # and a broken one
    shown = display_path(config_path)
    for keys, node in _scalars(root, ()):
        path = ".".join(str(key) for key in keys)
        loads = keys[:1] in {("extra_css",), ("extra_javascript",)} or path in _ASSET_KEYS
        if loads and urls.resolve(str(node.value)).kind is not urls.Kind.LOCAL:
            yield error(
                shown,
                node.start_mark.line + 1,
                "remote-content",
                f"{path} loads {node.value} from another host; the site makes no third-party "
                "requests.",
                "save the file in overrides/ and give its path in the site.",
            )
    for keys, key, value in _mappings(root, ()):
        line = key.start_mark.line + 1
        if keys == ("extra", "analytics"):
            yield error(
                shown,
                line,
                "remote-content",
                "extra.analytics sends every visit to another host.",
                "remove it; the site collects nothing about its readers.",
            )
        no_fonts = isinstance(value, yaml.ScalarNode) and value.value.lower() == "false"
        if keys == ("theme", "font") and not no_fonts:
            yield error(
                shown,
                line,
                "remote-content",
                "theme.font makes every page load fonts from Google's servers.",
                "keep font: false (the system fonts are used).",
            )


def _mappings(
    node: yaml.Node | None, path: tuple[Any, ...]
) -> Iterator[tuple[tuple[Any, ...], yaml.Node, yaml.Node]]:
    """(path, key node, value node) of every mapping entry."""
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield (*path, key.value), key, value
            yield from _mappings(value, (*path, key.value))


def _scalars(
    node: yaml.Node | None, path: tuple[Any, ...]
) -> Iterator[tuple[tuple[Any, ...], yaml.ScalarNode]]:
    if isinstance(node, yaml.ScalarNode):
        yield path, node
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, path)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*path, key.value))
