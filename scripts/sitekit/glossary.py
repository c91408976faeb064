"""Glossary terms, explained on hover wherever they appear.

The glossary page of each language (``docs/<lang>/glossary.md``) is the only
source: its definition list becomes Markdown abbreviations (``*[term]: …``)
appended to every other page of that language, which the theme shows as
tooltips.
"""

from __future__ import annotations

import re
from itertools import pairwise
from pathlib import Path

from sitekit.prose import visible_text

GLOSSARY_PAGE = "glossary.md"
_DEFINITION = re.compile(r"^:[ \t]+(.+)$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


def parse_terms(text: str) -> list[tuple[str, str]]:
    """(term, first sentence of its definition) for each entry of the definition lists."""
    lines = text.splitlines()
    terms = []
    for previous, line in pairwise(lines):
        match = _DEFINITION.match(line)
        term = previous.strip()
        if match and term and not term.startswith(("#", ":", "-", "*", "|", ">")):
            definition = visible_text(match.group(1))
            first = _SENTENCE_END.split(definition, maxsplit=1)[0].strip()
            terms.append((term, " ".join(first.split())))
    return terms


def _variants(term: str) -> list[str]:
    """The term as written and, for ordinary words, with a lower-case first letter."""
    variants = [term]
    if len(term) > 1 and term[0].isupper() and term[1].islower():
        variants.append(term[0].lower() + term[1:])
    return variants


def abbreviations(glossary_file: Path) -> str:
    """Markdown abbreviation definitions for every term of a glossary page."""
    if not glossary_file.is_file():
        return ""
    lines: list[str] = []
    for term, definition in parse_terms(glossary_file.read_text(encoding="utf-8")):
        clean = definition.replace("]", ")").replace("[", "(")
        lines.extend(f"*[{variant}]: {clean}" for variant in _variants(term))
    return "\n".join(lines)
