"""How easy a page is to read, per language: the scores status.py reports.

The formula and the target of each language are in data/readability.yml (the
style guide states the same targets): Flesch–Kincaid grade for English,
Fernández-Huerta for Spanish, LIX for Norwegian, as textstat computes them.
Only the text a reader sees in paragraphs and lists counts: not headings,
tables, code or the included disclaimer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import textstat

from sitekit import datafile
from sitekit.datafile import fail
from sitekit.pages import Page
from sitekit.project import DATA

READABILITY_FILE = DATA / "readability.yml"

# Formula name in the data file -> (its name for readers, the function).
FORMULAS: dict[str, tuple[str, Callable[[str], float]]] = {
    "flesch_kincaid_grade": ("Flesch–Kincaid grade", textstat.flesch_kincaid_grade),
    "fernandez_huerta": ("Fernández-Huerta", textstat.fernandez_huerta),
    "lix": ("LIX", textstat.lix),
}
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")
_UNIT_END = re.compile(r"[;:,]?\s*$")
_HEADING_ID = re.compile(r"\{#([^}\s]+)\}")


@dataclass(frozen=True)
class Target:
    formula: str
    value: float
    lower_is_better: bool

    @property
    def name(self) -> str:
        return FORMULAS[self.formula][0]

    def met(self, score: float) -> bool:
        return score <= self.value if self.lower_is_better else score >= self.value

    def describe(self) -> str:
        return f"{self.name} {'≤' if self.lower_is_better else '≥'} {self.value:g}"


@dataclass(frozen=True)
class Settings:
    summary_section: str | None
    targets: dict[str, Target]  # language code -> target


def settings() -> Settings:
    """The formulas and targets of data/readability.yml. Raises DataError, saying where,
    when the file is wrong."""
    return _settings(READABILITY_FILE)


@cache
def _settings(path: Path) -> Settings:
    node, data = datafile.read(path)
    entries = data.get("languages") if isinstance(data, dict) else None
    if not isinstance(entries, dict):
        raise fail(path, node, ("languages",), "expected 'languages:' with one entry per language.")
    targets = {}
    for code, entry in entries.items():
        entry = entry if isinstance(entry, dict) else {}
        formula, value, better = entry.get("formula"), entry.get("target"), entry.get("better")
        if (
            formula not in FORMULAS
            or not isinstance(value, int | float)
            or isinstance(value, bool)
            or better not in {"lower", "higher"}
        ):
            raise fail(
                path,
                node,
                ("languages", str(code)),
                f"'{code}' needs a formula ({', '.join(FORMULAS)}), a numeric target and "
                "better: lower or higher.",
            )
        targets[str(code)] = Target(str(formula), float(value), better == "lower")
    summary = data.get("summary_section")
    return Settings(str(summary) if summary else None, targets)


def _units(page: Page, section: str | None) -> Iterator[str]:
    """Sentences-to-be of the page (or of one level-2 section): paragraphs and list items."""
    inside = section is None
    paragraph: list[str] = []
    for (_, raw), shown in zip(page.prose, page.visible.split("\n"), strict=True):
        stripped = raw.lstrip()
        text = " ".join(shown.removeprefix(":").split()) if shown.strip() != ":" else ""
        if stripped.startswith("## ") and section is not None:
            match = _HEADING_ID.search(stripped)
            inside = bool(match and match.group(1) == section)
        if not text or stripped.startswith(("#", "|")) or _LIST_ITEM.match(raw):
            if paragraph:
                yield " ".join(paragraph)
                paragraph = []
            if text and inside and _LIST_ITEM.match(raw):
                yield text
            continue
        if inside:
            paragraph.append(text)
    if paragraph:
        yield " ".join(paragraph)


def readable_text(page: Page, section: str | None = None) -> str:
    """The text that is scored: every paragraph and list item ends a sentence."""
    sentences = []
    for unit in _units(page, section):
        unit = _UNIT_END.sub("", unit)
        sentences.append(unit if unit.endswith((".", "!", "?", "»", '"')) else unit + ".")
    return " ".join(sentences)


def score(text: str, lang: str, html_lang: str) -> float | None:
    """The language's score of ``text``; None for no text or no formula for the language."""
    target = settings().targets.get(lang)
    if target is None or not text.strip():
        return None
    textstat.set_lang(html_lang)
    return round(float(FORMULAS[target.formula][1](text)), 1)
