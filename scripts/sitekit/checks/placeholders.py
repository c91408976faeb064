"""Unfinished text: the markers that new_page.py and new_language.py write (the
content model's unfinished marker, "[TODO") must all be replaced.

A translation that still has markers gets one "not yet translated" problem
instead of one per marker and the language, number and source problems that an
untranslated page is bound to have (``fold_unfinished``, run after every check).
"""

from __future__ import annotations

from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.content import Site
from sitekit.model import ContentModel
from sitekit.pages import Page
from sitekit.report import Problem, error

_TEXT = "unfinished text: "


def check(context: Context) -> Iterator[Problem]:
    marker = context.model.markers.unfinished
    for page in context.site.all_pages():
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str) and marker in value:
                yield error(
                    page.display,
                    page.line_of(key),
                    "unfinished",
                    f"the {key} still has a {marker}…] marker.",
                    f"write the {key} in the page's language.",
                )
        text = page.masked
        start = text.find(marker)
        while start != -1:
            line_end = text.find("\n", start)
            line_end = len(text) if line_end == -1 else line_end
            end = text.find("]", start, line_end)
            found = text[start : end + 1] if end != -1 else marker
            yield error(
                page.display,
                page.line_at(start),
                "unfinished",
                f"{_TEXT}{found}",
                "write this part of the page, then delete the marker.",
            )
            start = text.find(marker, start + 1)


# What an untranslated page is sure to get, and that says nothing until it is
# translated: its text reads as English, its numbers and sources differ from the
# English page's, the English page changed since the scaffold.
QUIET_WHILE_UNFINISHED = frozenset({"language", "numbers", "sources-parity", "outdated"})


def _quiet(problem: Problem, page: Page) -> bool:
    if problem.code in QUIET_WHILE_UNFINISHED:
        return True
    # The marked title and description are too long or too short; a page with no
    # text yet cites nothing.
    return (problem.code, problem.line) in {
        ("front-matter", page.line_of("title")),
        ("front-matter", page.line_of("description")),
        ("citation", page.line_of("sources")),
    }


def fold_unfinished(site: Site, problems: list[Problem], model: ContentModel) -> list[Problem]:
    """One "not yet translated" problem per unfinished translation instead of dozens."""
    pages = {
        page.display: page
        for lang in site.translations
        for page in site.pages.get(lang.code, {}).values()
        if model.unfinished(page)
    }
    markers: dict[str, list[Problem]] = {}
    quieted: dict[str, int] = {}
    kept = []
    for problem in problems:
        page = pages.get(problem.path)
        if page is None:
            kept.append(problem)
        elif problem.code == "unfinished":
            markers.setdefault(problem.path, []).append(problem)
        elif _quiet(problem, page):
            quieted[problem.path] = quieted.get(problem.path, 0) + 1
        else:
            kept.append(problem)
    for path, found in markers.items():
        lines = sorted({p.line for p in found})
        shown = ", ".join(map(str, lines[:8])) + (", …" if len(lines) > 8 else "")
        texts = [p.message.removeprefix(_TEXT) for p in found if p.message.startswith(_TEXT)]
        example = texts[0] if texts else f"{model.markers.unfinished}…]"
        hidden = quieted.get(path, 0)
        count = f"{len(found)} markers such as" if len(found) > 1 else "a marker"
        kept.append(
            error(
                path,
                lines[0],
                "unfinished",
                f"not yet translated: {count} {example} (line{'s' * (len(lines) > 1)} {shown}).",
                "translate each marked part and delete its marker; until then this page's "
                "language, number, source and description checks wait"
                + (f" ({hidden} problems not shown)." if hidden else "."),
            )
        )
    return kept
