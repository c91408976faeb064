"""A page's Markdown rendered to HTML the way the build renders it, and its snippets.

The checks that judge what a reader reads (language, numbers) work on this
HTML, not on patterns over the Markdown: Python-Markdown with the extensions
listed in mkdocs.yml. What differs from the build changes no word or number:
no permalink anchors, no typographic quotes; no citations (``[^ID]``, which
the build turns into numbered notes); and snippet lines (``--8<--
"es/disclaimer.md"``) are left out, because the included files are checked on
their own.

Snippets are found and resolved with pymdownx.snippets' own patterns and path
rules, so the checker and the build agree on them: a missing target is a
problem on the page's line instead of a build that fails without naming it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, cast

import markdown
from markdown import inlinepatterns
from markdown.treeprocessors import InlineProcessor
from pymdownx.snippets import SnippetMissingError, SnippetPreprocessor

from sitekit.pages import Page
from sitekit.project import mkdocs_config
from sitekit.reading import limits, read_text
from sitekit.sources import CITATION

_SNIPPETS = "pymdownx.snippets"
# Permalinks, includes (checked on their own) and typographic quotes and dashes
# (smarty: it doubles the time to render, and changes no word or number;
# "5--12", its en dash, is read as a range), and the site's own extension
# (citations are left out, and its additions are no words of the page).
_SKIPPED = {"toc", _SNIPPETS, "smarty", "sitekit.mdext"}
MAX_NESTED_SNIPPETS = 4


def plain_markdown() -> markdown.Markdown:
    """Python-Markdown with the site's extensions (as listed in mkdocs.yml)."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for entry in mkdocs_config().get("markdown_extensions") or []:
        name, config = next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        if name not in _SKIPPED:
            names.append(str(name))
            configs[str(name)] = dict(config or {})
    return markdown.Markdown(extensions=names, extension_configs=configs)


@cache
def site_markdown() -> markdown.Markdown:
    """plain_markdown(), whose inline step skips text without inline markup."""
    md = plain_markdown()
    starts = inline_starts(md)
    if starts is not None:
        md.treeprocessors.register(_MarkedTextOnly(md, starts), "inline", 20)
    return md


# What any text that an inline pattern of Python-Markdown (and of its footnotes
# extension) matches contains, by the pattern's regular expression: without it, the
# expression cannot match. The pattern's name is not enough: an extension may register
# another expression under a name Python-Markdown uses.
_NEEDS = {
    inlinepatterns.BACKTICK_RE: "`",
    inlinepatterns.ESCAPE_RE: "\\",
    r"\[\^([^\]]*)\]": "[",  # footnotes
    inlinepatterns.LINK_RE: "[",  # and references
    inlinepatterns.IMAGE_LINK_RE: "[",  # and image references
    inlinepatterns.AUTOLINK_RE: "<",
    inlinepatterns.AUTOMAIL_RE: "<",
    inlinepatterns.LINE_BREAK_RE: "  \n",
    inlinepatterns.HTML_RE: "<",
    inlinepatterns.ENTITY_RE: "&",
}


def inline_starts(md: markdown.Markdown) -> re.Pattern[str] | None:
    """What any text an inline pattern matches contains; None if a pattern is unknown."""
    marks: set[str] = set()
    for pattern in md.inlinePatterns:
        if isinstance(pattern, inlinepatterns.DelimiterProcessor):  # *emphasis*, _this_
            marks.update(pattern.tokens)
        elif isinstance(pattern, inlinepatterns.InlineProcessor) and pattern.pattern in _NEEDS:
            marks.add(_NEEDS[pattern.pattern])
        else:
            return None
    return re.compile("|".join(map(re.escape, sorted(marks))))


class _MarkedTextOnly(InlineProcessor):  # type: ignore[misc]
    """Python-Markdown's inline step, which leaves a text that no inline pattern can
    match as it is: such a text (most of a page) is not searched pattern by pattern."""

    def __init__(self, md: markdown.Markdown, starts: re.Pattern[str]) -> None:
        super().__init__(md)
        self.starts = starts

    def _InlineProcessor__handleInline(self, data: str, patternIndex: int = 0) -> str:
        if self.starts.search(data) is None:
            return data
        handle = InlineProcessor._InlineProcessor__handleInline
        return cast(str, handle(self, data, patternIndex))


@cache
def _snippet_rules(includes: Path) -> SnippetPreprocessor:
    """pymdownx.snippets set up as the build uses it, for its path rules only."""
    md = markdown.Markdown(
        extensions=[_SNIPPETS],
        extension_configs={_SNIPPETS: {"base_path": [str(includes)], "check_paths": True}},
    )
    processor = md.preprocessors["snippet"]
    assert isinstance(processor, SnippetPreprocessor)
    return processor


def snippet_references(lines: list[str]) -> Iterator[tuple[int, str | None]]:
    """(index of the line, file named there) of each snippet in a text.

    Follows pymdownx.snippets: ``--8<-- "file"`` on its own line, or a block of
    file names between two ``--8<--`` lines; ``;--8<--`` is escaped. A block
    that is never closed yields (index of its opening line, None).
    """
    pattern = SnippetPreprocessor.RE_ALL_SNIPPETS
    opened: int | None = None
    inside: list[tuple[int, str | None]] = []
    for index, line in enumerate(lines):
        match = pattern.match(line) if "8<" in line else None
        if match:
            if match.group("escape"):
                continue
            if match.group("inline_marker"):
                if opened is None:  # under a block, pymdownx ignores it
                    yield index, match.group("snippet")[1:-1].strip()
            elif opened is None:
                opened, inside = index, []
            else:
                yield from inside
                opened = None
            continue
        name = line.strip()
        if opened is not None and name and not name.startswith(";"):
            inside.append((index, name))
    if opened is not None:
        yield opened, None


def snippet_problem(name: str | None, includes: Path, depth: int = 0) -> str | None:
    """Why the build could not include the snippet ``name`` (None when it can)."""
    if name is None:
        return (
            "this snippet block is never closed, so every line after it would be read "
            "as the name of a file to include"
        )
    rules = _snippet_rules(includes)
    target = rules.parse_snippet_target(name)
    if target is None:
        return "the snippet names no file"
    if target["path"].lower().startswith(("http://", "https://")):
        return (
            f"'{target['path']}' is an address; only files under {includes.name}/ can be included"
        )
    rules.bases = None
    found = rules.get_snippet_path(target["path"])
    if found is None and not (includes / target["path"]).resolve().is_relative_to(
        includes.resolve()
    ):
        return f"'{target['path']}' is outside {includes.name}/"
    if found is None:
        return f"'{target['path']}' does not exist under {includes.name}/"
    path = Path(found)
    if path.is_symlink() or not path.is_file():
        return f"'{target['path']}' is not a regular file"
    text, problem = read_text(path, "page")
    if problem is not None or text is None:
        return f"'{target['path']}' cannot be used: {problem.message if problem else ''}"
    lines = text.split("\n")
    try:
        lines = rules.select_snippet_lines(lines, target)
    except SnippetMissingError as exc:
        return f"{exc} in '{target['path']}'"
    for _, nested in snippet_references(lines):
        if depth >= MAX_NESTED_SNIPPETS:
            return f"snippets are nested more than {MAX_NESTED_SNIPPETS} deep"
        reason = snippet_problem(nested, includes, depth + 1)
        if reason is not None:
            return f"'{target['path']}' includes a snippet that cannot be included: {reason}"
    return None


def render(page: Page) -> str:
    """The page's body as HTML, without its snippet lines and citations."""
    lines = CITATION.sub("", "\n".join(page.body)).split("\n")
    if "8<" in page.text:
        mask = _snippet_rules(Path()).get_syntax_mask(lines)
        lines = ["" if notation else line for line, notation in zip(lines, mask, strict=True)]
    md = site_markdown()
    md.reset()
    try:
        with limits().deadline(page.display):
            return str(md.convert("\n".join(lines)))
    finally:
        md.reset()
