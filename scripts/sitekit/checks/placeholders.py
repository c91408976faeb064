"""Unfinished text: the "[TODO" markers that new_page.py writes must all be replaced."""

from __future__ import annotations

from collections.abc import Iterator

from sitekit.checks import Context
from sitekit.report import Problem, error

MARKER = "[TODO"


def check(context: Context) -> Iterator[Problem]:
    for page in context.site.all_pages():
        for key in ("title", "description"):
            value = page.meta.get(key)
            if isinstance(value, str) and MARKER in value:
                yield error(
                    page.display,
                    page.line_of(key),
                    "unfinished",
                    f"the {key} still has a {MARKER}…] marker.",
                    f"write the {key} in the page's language.",
                )
        text = page.masked
        start = text.find(MARKER)
        while start != -1:
            line_end = text.find("\n", start)
            line_end = len(text) if line_end == -1 else line_end
            end = text.find("]", start, line_end)
            marker = text[start : end + 1] if end != -1 else MARKER
            yield error(
                page.display,
                page.line_at(start),
                "unfinished",
                f"unfinished text: {marker}",
                "write this part of the page, then delete the marker.",
            )
            start = text.find(MARKER, start + 1)
