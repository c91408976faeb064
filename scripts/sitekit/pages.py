"""Reading the Markdown sources: front matter with line numbers, body, headings.

Nothing here judges the content; the checks do. Reading problems (unreadable
file, not UTF-8, YAML syntax) are returned as problems, never raised.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from sitekit.paths import display_path
from sitekit.prose import visible_text
from sitekit.report import Problem, error
from sitekit.yamlio import load_yaml, yaml_error

# YAML 1.1 booleans that are easy to write by accident ("no" is Norwegian).
BARE_BOOLEANS = {"no", "yes", "on", "off", "y", "n"}

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*)$", re.MULTILINE)
_ID_IN_ATTRS = re.compile(r"(?:^|\s)#([^\s}]+)")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\[\s]+)\](?!:)")
_FOOTNOTE_DEF = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)


class Heading(NamedTuple):
    level: int
    text: str  # without the attribute list
    id: str | None  # explicit {#id}, if any
    line: int


@dataclass
class Page:
    """One Markdown source file of one language."""

    path: Path
    lang: str
    rel: str  # relative to docs/<lang>/, e.g. "treatments/mesotherapy.md"
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)  # key -> line of the key
    bare_booleans: dict[str, int] = field(default_factory=dict)  # key -> line of a bare no/yes
    body_start: int = 1  # line number of the first body line
    usable: bool = True  # False when the front matter cannot be read: nothing else is checked

    @cached_property
    def display(self) -> str:
        return display_path(self.path)

    def line_of(self, key: str) -> int:
        """Line of a front-matter key, or of the front matter's start."""
        return self.meta_lines.get(key, 1)

    @cached_property
    def body(self) -> list[str]:
        return self.text.splitlines()[self.body_start - 1 :]

    @cached_property
    def masked(self) -> str:
        """The body, line for line, with fenced code and HTML comments blanked out.

        Checks run their patterns over this one string; ``line_at`` turns an
        offset back into a line number of the file.
        """
        joined = "\n".join(self.body)
        if "```" not in joined and "~~~" not in joined and "<!--" not in joined:
            return joined  # nothing to blank out: most pages
        lines: list[str] = []
        fence: str | None = None
        in_comment = False
        for line in self.body:
            if fence is not None:
                if line.strip().startswith(fence):
                    fence = None
                lines.append("")
                continue
            match = _FENCE.match(line)
            if match:
                fence = match.group(1)[0] * 3
                lines.append("")
                continue
            if in_comment:
                if "-->" not in line:
                    lines.append("")
                    continue
                in_comment = False
                line = line.split("-->", 1)[1]
            while "<!--" in line:
                before, _, after = line.partition("<!--")
                if "-->" in after:
                    line = before + after.split("-->", 1)[1]
                else:
                    line = before
                    in_comment = True
            lines.append(line)
        return "\n".join(lines)

    def line_at(self, offset: int) -> int:
        """The file's line number of an offset in ``masked``."""
        # Counting line breaks runs at memory speed; a page asks a few dozen times.
        return self.body_start + self.masked.count("\n", 0, offset)

    @cached_property
    def prose(self) -> list[tuple[int, str]]:
        """(line number, text) of every body line; code and comments are blank."""
        return [(self.body_start + i, line) for i, line in enumerate(self.masked.split("\n"))]

    @cached_property
    def visible(self) -> str:
        """What a reader sees of ``masked``, line for line, without markup (an
        approximation, for reading-level scores; the checks that judge the text
        render the page: sitekit.textblocks)."""
        return visible_text(self.masked)

    @cached_property
    def headings(self) -> list[Heading]:
        found = []
        for match in _HEADING.finditer(self.masked):
            text = match.group(2).rstrip().rstrip("#").rstrip()
            heading_id = None
            start = text.rfind("{")
            if start != -1 and text.endswith("}"):  # an attribute list: {#id .class}
                id_match = _ID_IN_ATTRS.search(text[start + 1 : -1].lstrip(":"))
                heading_id = id_match.group(1) if id_match else None
                text = text[:start].rstrip()
            found.append(
                Heading(len(match.group(1)), text, heading_id, self.line_at(match.start()))
            )
        return found

    @cached_property
    def footnote_refs(self) -> list[tuple[str, int]]:
        """(label, line) of every footnote reference, in order of appearance."""
        return [(m.group(1), self.line_at(m.start())) for m in _FOOTNOTE_REF.finditer(self.masked)]

    @cached_property
    def footnote_definitions(self) -> list[tuple[str, int]]:
        return [(m.group(1), self.line_at(m.start())) for m in _FOOTNOTE_DEF.finditer(self.masked)]


def built_path(rel: str, prefix: str) -> str:
    """Where a source page ("treatments/x.md") is published under a language prefix
    ("es/"): "es/treatments/x/index.html"."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return f"{prefix}{stem}index.html"


def parse_page(path: Path, lang: str, rel: str, text: str) -> tuple[Page, list[Problem]]:
    """Split front matter from body and parse the front matter with line numbers."""
    page = Page(path=path, lang=lang, rel=rel, text=text)
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        problem = error(
            page.display,
            1,
            "front-matter",
            "the page does not start with front matter.",
            "begin the file with a line '---', the YAML keys (title, description, "
            "last_reviewed, next_review, sources), and a closing '---'.",
        )
        page.usable = False
        return page, [problem]
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() in {"---", "..."}), None)
    if closing is None:
        problem = error(
            page.display,
            1,
            "front-matter",
            "the front matter is never closed.",
            "add a line '---' after the last front-matter key.",
        )
        page.usable = False
        return page, [problem]
    page.body_start = closing + 2
    source = "\n".join(lines[1:closing])
    return page, _parse_front_matter(page, source)


def _parse_front_matter(page: Page, source: str) -> list[Problem]:
    first_line = 2  # line 1 is the opening ---
    try:
        node, data = load_yaml(source)
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc, first_line)
        page.usable = False
        return [
            error(
                page.display,
                line or first_line,
                "yaml",
                f"the front matter is not valid YAML: {what}.",
                "check indentation and quoting on this line; put text that contains ': ' "
                "or starts with a special character in quotes.",
            )
        ]
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        page.usable = False
        return [
            error(
                page.display,
                first_line,
                "front-matter",
                "the front matter must be a set of 'key: value' lines.",
            )
        ]
    problems = []
    for key_node, value_node in node.value:
        key = str(key_node.value)
        line = first_line + key_node.start_mark.line
        if key in page.meta_lines:
            problems.append(
                error(
                    page.display,
                    line,
                    "front-matter",
                    f"'{key}' is given twice.",
                    f"keep one '{key}' (the first is on line {page.meta_lines[key]}).",
                )
            )
        page.meta_lines[key] = line
        for scalar in _scalars(value_node):
            if not scalar.style and scalar.value.lower() in BARE_BOOLEANS:
                page.bare_booleans.setdefault(key, first_line + scalar.start_mark.line)
    page.meta = {str(key): value for key, value in data.items()}
    return problems


def _scalars(node: yaml.Node) -> list[yaml.ScalarNode]:
    if isinstance(node, yaml.ScalarNode):
        return [node]
    if isinstance(node, yaml.SequenceNode):
        return [scalar for item in node.value for scalar in _scalars(item)]
    if isinstance(node, yaml.MappingNode):
        return [scalar for _, value in node.value for scalar in _scalars(value)]
    return []
