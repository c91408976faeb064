"""The safety disclaimer: one file per language, pinned, shown by every page.

``includes/<lang>/disclaimer.md`` is the single source of the text. A page
includes it with the snippet line ``--8<-- "<lang>/disclaimer.md"`` just after
its front matter. data/disclaimers.yml pins each file (its SHA-256 and the
emergency numbers it must give), and a built page must show the block visibly:
a top-level block right after the title, inside nothing that hides or folds it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import markdown
import yaml
from selectolax.lexbor import LexborNode

from sitekit.html_policy import Policy
from sitekit.htmlscan import attributes, classes, elements, scan_html
from sitekit.identify import LANGUAGE_FILE, Judge, candidates, identifier_code
from sitekit.paths import display_path
from sitekit.project import DATA, INCLUDES, Language
from sitekit.reading import read_text
from sitekit.report import Problem, error
from sitekit.yamlio import load_yaml, yaml_error

SNIPPET = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"([^"\n]+)"[ \t]*$', re.MULTILINE)
PINS_FILE = DATA / "disclaimers.yml"
PLACEMENT_HINT = (
    'put the line --8<-- "<lang>/disclaimer.md" alone, right after the front matter, '
    "outside any block (no <details>, admonition, <div> or attribute around it)."
)


def include_line(lang: str) -> str:
    """The line a page of language ``lang`` uses to show the disclaimer."""
    return f'--8<-- "{lang}/disclaimer.md"'


def disclaimer_file(lang: str, includes: Path = INCLUDES) -> Path:
    return includes / lang / "disclaimer.md"


@cache
def expected_text(lang: str, includes: Path = INCLUDES) -> str:
    """The disclaimer's visible text, whitespace-normalized, as a built page shows it."""
    source = disclaimer_file(lang, includes).read_text(encoding="utf-8")
    # As the build renders it: smarty turns straight quotes into typographic ones.
    rendered = markdown.markdown(source, extensions=["md_in_html", "smarty"])
    texts = scan_html(rendered).disclaimers
    if len(texts) != 1:
        raise ValueError(
            f"{disclaimer_file(lang, includes)}: expected one block with class 'disclaimer'"
        )
    return texts[0]


# --- Pins ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Pin:
    sha256: str
    emergency_numbers: tuple[str, ...]
    line: int


def load_pins(path: Path = PINS_FILE) -> tuple[dict[str, Pin], list[Problem]]:
    """The pinned disclaimers by language code, and the problems of the pins file."""
    shown = display_path(path)
    text, problem = read_text(path, "data")
    if text is None:
        return {}, [problem] if problem else []
    try:
        node, data = load_yaml(text)
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc)
        return {}, [error(shown, line, "disclaimer", f"not valid YAML: {what}.")]
    lines = {}
    if isinstance(node, yaml.MappingNode):
        lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    pins: dict[str, Pin] = {}
    problems = []
    for code, entry in (data or {}).items() if isinstance(data, dict) else ():
        numbers = entry.get("emergency_numbers") if isinstance(entry, dict) else None
        digest = entry.get("sha256") if isinstance(entry, dict) else None
        line = lines.get(str(code), 1)
        if not isinstance(digest, str) or not isinstance(numbers, list) or not numbers:
            problems.append(
                error(
                    shown,
                    line,
                    "disclaimer",
                    f"the entry of '{code}' needs sha256 (text) and emergency_numbers (a list).",
                )
            )
            continue
        pins[str(code)] = Pin(digest, tuple(str(number) for number in numbers), line)
    return pins, problems


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def pin_problems(
    lang: Language,
    site_languages: tuple[Language, ...],
    includes: Path,
    pins_file: Path,
    marker: str | None = None,
) -> list[Problem]:
    """An include that is not the pinned one, not in its language or without its numbers.

    An include that still has the unfinished ``marker`` is reported as such, and its
    language is not judged.
    """
    from sitekit.project import english_name

    pins, problems = load_pins(pins_file)
    path = disclaimer_file(lang.code, includes)
    shown, name = display_path(path), english_name(lang.code)
    pin = pins.get(lang.code)
    if pin is None:
        problems.append(
            error(
                display_path(pins_file),
                0,
                "disclaimer",
                f"the {name} disclaimer is not pinned.",
                f'add "{lang.code}" with sha256: "{file_hash(path)}" and its emergency numbers, '
                "after reading the file.",
            )
        )
        return problems
    changed = file_hash(path) != pin.sha256
    if changed:
        problems.append(
            error(
                shown,
                0,
                "disclaimer",
                f"the {name} disclaimer is not the pinned one ({display_path(pins_file)}:"
                f"{pin.line} records sha256 {pin.sha256[:12]}…).",
                "restore the file (git checkout main -- " + shown + "); or, if this change is "
                f'deliberate and reviewed, a maintainer sets sha256: "{file_hash(path)}" for '
                f'"{lang.code}" in {display_path(pins_file)}.',
            )
        )
    text = expected_text(lang.code, includes)
    for number in pin.emergency_numbers:
        if not re.search(rf"(?<![0-9]){re.escape(number)}(?![0-9])", text):
            problems.append(
                error(
                    shown,
                    0,
                    "disclaimer",
                    f"the {name} disclaimer does not give the emergency number {number}.",
                    f"restore it; {display_path(pins_file)} lists the numbers it must give.",
                )
            )
    lines = path.read_text(encoding="utf-8").splitlines()
    if marker is not None and any(marker in line for line in lines):
        problems.append(
            error(
                shown,
                next(n for n, line in enumerate(lines, 1) if marker in line),
                "unfinished",
                f"the {name} disclaimer is still to translate.",
                f"translate it, delete the marker, and have a maintainer pin the new text in "
                f"{display_path(pins_file)} (python scripts/check.py prints its sha256).",
            )
        )
        return problems
    table = pins_file.parent / LANGUAGE_FILE.name
    found = Judge(candidates(site_languages, table)).probabilities(text)
    code = max(found, key=lambda candidate: found[candidate])
    if code != identifier_code(lang, table):
        problems.append(
            error(
                shown,
                0,
                "disclaimer",
                f"the {name} disclaimer reads as {english_name(code)}.",
                f"includes/{lang.code}/disclaimer.md must be written in {name}.",
            )
        )
    return problems


# --- Visible on the built page --------------------------------------------------------


def placement_problems(container: LexborNode, policy: Policy, *, after_title: bool) -> list[str]:
    """Why the disclaimer in ``container`` (the article) could go unseen; [] if it cannot.

    With ``after_title`` the first block of the container is the title.
    """
    blocks = [node for node in elements(container) if policy.disclaimer_class in classes(node)]
    if not blocks:
        return []  # a missing disclaimer is reported with its text
    block = blocks[0]
    found = []
    for node in [*_ancestors(block), *elements(block)]:
        attrs = attributes(node)
        what = f"<{node.tag}>" if node.mem_id != block.mem_id else "the disclaimer"
        if node.tag == "details":
            found.append(f"the disclaimer is inside {what}, which the reader must open")
        if "hidden" in attrs or "inert" in attrs:
            found.append(f"{what} has the attribute 'hidden' or 'inert'")
        if attrs.get("aria-hidden", "").strip().lower() == "true":
            found.append(f"{what} is hidden from screen readers (aria-hidden)")
        if "style" in attrs:
            found.append(f"{what} has an inline style, which can hide it ({attrs['style']})")
    parent = block.parent
    if parent is None or parent.mem_id != container.mem_id:
        found.append("the disclaimer is inside another block, not a top-level block of the page")
        return found
    before = []
    sibling = block.prev
    while sibling is not None:
        if sibling.is_element_node:
            before.append(sibling)
        sibling = sibling.prev
    before.reverse()
    if after_title and (not before or before[0].tag != "h1"):
        found.append("the disclaimer does not follow the page title")
    extra = before[1:] if after_title else before
    if any(not policy.may_precede_disclaimer & set(classes(node)) for node in extra):
        found.append("the disclaimer is not the first block after the title")
    return found


def _ancestors(node: LexborNode) -> list[LexborNode]:
    result = []
    parent = node.parent
    while parent is not None and parent.is_element_node:
        result.append(parent)
        parent = parent.parent
    return result
