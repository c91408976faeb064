"""Every page can be read as the build reads it: its snippets exist, and it renders;
and the interface text the build adds (data/ui.yml) can be read.

A missing snippet target (``--8<-- "es/disclaimr.md"``) would stop the build
with a message that does not name the page; here it is a problem on the
page's line. A page that cannot be rendered within the time limit
(``data/limits.yml``), or that is nested too deeply, is named too.
"""

from __future__ import annotations

from collections.abc import Iterator

from sitekit import ui
from sitekit.checks import Context
from sitekit.paths import display_path
from sitekit.rendering import snippet_problem, snippet_references
from sitekit.report import DataError, Problem, error


def check(context: Context) -> Iterator[Problem]:
    for lang in context.site.languages:
        try:
            ui.strings(lang.code)
        except DataError as exc:
            yield exc.problem
            break
        except KeyError:
            yield error(
                display_path(ui.UI_FILE),
                0,
                "ui-strings",
                f"data/ui.yml has no interface text for the language '{lang.code}'.",
                "add its strings under the language's code (see the other languages).",
            )
    for page in context.site.all_pages():
        if "8<" in page.text:
            for index, name in snippet_references(page.body):
                reason = snippet_problem(name, context.includes)
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
