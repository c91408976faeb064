"""Keep the navigation of a large section small on every page.

Material renders the whole navigation into every page, so a section with
hundreds of pages makes each page larger and the build grow with the square
of the number of pages. A section with more than GROUP_SIZE pages is split,
in its own order, into groups of GROUP_SIZE named after their first and last
page ("Carboxytherapy – Mesotherapy"); with the theme's ``navigation.prune``
only the group of the current page is rendered. Smaller sections (the site's
six treatments today) are left exactly as they are.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from sitekit.pages import parse_page
from sitekit.reading import read_text

GROUP_SIZE = 20


def group_large_sections(items: list[Any], title_of: Callable[[Page], str]) -> None:
    """Split every section with more than GROUP_SIZE pages into titled groups, in place."""
    for item in items:
        if not isinstance(item, Section):
            continue
        group_large_sections(item.children, title_of)
        children = item.children
        pages: list[Any] = [child for child in children if isinstance(child, Page)]
        if len(children) <= GROUP_SIZE or len(pages) != len(children):
            continue
        groups: list[Any] = []
        for start in range(0, len(pages), GROUP_SIZE):
            chunk = pages[start : start + GROUP_SIZE]
            group = Section(f"{title_of(chunk[0])} – {title_of(chunk[-1])}", list(chunk))
            group.parent = item
            for page in chunk:
                page.parent = group
            groups.append(group)
        item.children = groups


def title_from_front_matter(page: Page) -> str:
    """A page's title before MkDocs has read it (navigation labels need it early)."""
    path = Path(page.file.abs_src_path or "")
    text, _ = read_text(path)
    if text is not None:
        parsed, _ = parse_page(path, "", "", text)
        title = parsed.meta.get("title")
        if isinstance(title, str):
            return html.escape(title, quote=False)  # navigation labels are written as HTML
    return path.stem.replace("-", " ").capitalize()
