"""The safety disclaimer is on every page, in the page's own language (sources).

Each language's include is pinned in data/disclaimers.yml. The built pages are
checked again by sitekit.built_site: the block must be visible, right after
the title.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.disclaimers import (
    PINS_FILE,
    SNIPPET,
    disclaimer_file,
    expected_text,
    include_line,
    pin_problems,
)
from sitekit.paths import display_path
from sitekit.project import Language, english_name
from sitekit.report import Problem, error


def check(context: Context) -> Iterator[Problem]:
    site = context.site
    for lang in site.languages:
        path = disclaimer_file(lang.code, context.includes)
        try:
            text = expected_text(lang.code, context.includes)
        except (OSError, ValueError) as exc:
            yield error(
                display_path(path),
                0,
                "disclaimer",
                f"the {english_name(lang.code)} disclaimer cannot be used: {exc}.",
                'restore the file: a <div class="admonition disclaimer" ... markdown> '
                "block with the disclaimer text in that language.",
            )
            continue
        if len(text) < 80:
            yield error(
                display_path(path),
                1,
                "disclaimer",
                f"the {english_name(lang.code)} disclaimer is too short to be a disclaimer.",
                "restore the full text (see the other languages).",
            )
        yield from include_problems(context, lang)
    codes = {lang.code for lang in site.languages}
    for page in site.all_pages():
        wanted = include_line(page.lang)
        masked = page.masked
        found = (
            [
                (page.line_at(match.start()), match.group(1))
                for match in SNIPPET.finditer(masked)
                if match.group(1).endswith("disclaimer.md")
            ]
            if "8<" in masked
            else []
        )
        if not found:
            yield error(
                page.display,
                page.body_start,
                "disclaimer",
                "the page has no safety disclaimer.",
                f"add the line {wanted} right after the front matter.",
            )
            continue
        for number, target in found:
            other = target.split("/", 1)[0]
            if target != f"{page.lang}/disclaimer.md":
                shown = f"the {other} disclaimer" if other in codes else f"'{target}'"
                yield error(
                    page.display,
                    number,
                    "disclaimer",
                    f"the page shows {shown}, not the one in its own language.",
                    f"replace the line with {wanted}",
                )
        if len(found) > 1:
            yield error(
                page.display,
                found[1][0],
                "disclaimer",
                "the disclaimer is included more than once.",
                f"keep only the first {wanted}",
            )
        sections = [h.line for h in page.headings if h.level > 1]
        first_heading = sections[0] if sections else None
        if first_heading is not None and found[0][0] > first_heading:
            yield error(
                page.display,
                found[0][0],
                "disclaimer",
                "the disclaimer must come before the first section, near the top.",
                "move the line to just after the front matter.",
            )


def include_problems(context: Context, lang: Language) -> list[Problem]:
    """A language's include against its pin in the site's data/disclaimers.yml."""
    return pin_problems(
        lang,
        context.site.languages,
        context.includes,
        context.data / PINS_FILE.name,
        marker=context.model.markers.unfinished,
    )
