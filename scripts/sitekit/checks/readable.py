"""Every page can be read as the build reads it: its snippets exist, and it renders.
(The interface text the build adds is checked by ``ui_strings``.)

A missing snippet target (``--8<-- "es/disclaimr.md"``) would stop the build
with a message that does not name the page; here it is a problem on the
page's line. A page that cannot be rendered within the time limit
(``data/limits.yml``), or that is nested too deeply, is named too.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.rendering import snippet_problem, snippet_references
from sitekit.report import Problem, error


def check(context: Context) -> Iterator[Problem]:
    reasons: dict[str | None, str | None] = {}  # every page includes its disclaimer
    for page in context.site.all_pages():
        if "8<" in page.text:
            for index, name in snippet_references(page.body):
                if name not in reasons:
                    reasons[name] = snippet_problem(name, context.includes)
                reason = reasons[name]
                if reason is not None:
                    yield error(
                        page.display,
                        page.body_start + index,
                        "snippet",
                        f"the snippet on this line cannot be included: {reason}.",
                        f"name a file under {context.includes.name}/, relative to it "
                        f'(e.g. --8<-- "{page.lang}/disclaimer.md").',
                    )
        _, problem = context.read(page)
        if problem is not None:
            yield problem
