"""The safety disclaimer: one file per language, included by every page.

``includes/<lang>/disclaimer.md`` is the single source of the text. A page
includes it with the snippet line ``--8<-- "<lang>/disclaimer.md"`` just after
its front matter.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import markdown

from sitekit.htmlscan import scan_html
from sitekit.project import INCLUDES

SNIPPET = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"([^"]+)"[ \t]*$', re.MULTILINE)


def include_line(lang: str) -> str:
    """The line a page of language ``lang`` uses to show the disclaimer."""
    return f'--8<-- "{lang}/disclaimer.md"'


def disclaimer_file(lang: str, includes: Path = INCLUDES) -> Path:
    return includes / lang / "disclaimer.md"


@cache
def expected_text(lang: str, includes: Path = INCLUDES) -> str:
    """The disclaimer's visible text, whitespace-normalized, as a built page shows it."""
    source = disclaimer_file(lang, includes).read_text(encoding="utf-8")
    rendered = markdown.markdown(source, extensions=["md_in_html"])
    texts = scan_html(rendered).disclaimers
    if len(texts) != 1:
        raise ValueError(
            f"{disclaimer_file(lang, includes)}: expected one block with class 'disclaimer'"
        )
    return texts[0]
