"""Which language a text is written in: the offline identifier (py3langid), choosing
between a site's languages and their close neighbours (data/language.yml).

Used by the language check and by the check of each disclaimer include.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sitekit import datafile
from sitekit.langid_model import rank_many
from sitekit.paths import DATA
from sitekit.project import Language

LANGUAGE_FILE = DATA / "language.yml"


def _tables(path: Path | None = None) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The neighbours of each language, and the identifier's own codes (in ``path``, by
    default this repository's data/language.yml)."""
    path = path or LANGUAGE_FILE
    return _read_tables(path, datafile.version(path))


@cache
def _read_tables(
    path: Path, version: tuple[int, int]
) -> tuple[dict[str, list[str]], dict[str, str]]:
    node, data = datafile.read(path)
    data = data if isinstance(data, dict) else {}
    table, codes = data.get("neighbours"), data.get("identifier_codes", {})
    if not isinstance(table, dict) or not all(isinstance(v, list) for v in table.values()):
        raise datafile.fail(path, node, ("neighbours",), "expected lists of codes.")
    if not isinstance(codes, dict):
        raise datafile.fail(path, node, ("identifier_codes",), "expected tag: code.")
    neighbours = {str(key): [str(code) for code in value] for key, value in table.items()}
    return neighbours, {str(key): str(value) for key, value in codes.items()}


def identifier_code(lang: Language, path: Path | None = None) -> str:
    """The code the identifier uses for a site language (its tag, or data/language.yml's)."""
    tag = lang.html_lang.lower()
    return _tables(path)[1].get(tag, tag.split("-")[0])


def candidates(languages: tuple[Language, ...], path: Path | None = None) -> tuple[str, ...]:
    """The codes the identifier chooses between: the site's languages and neighbours."""
    neighbours = _tables(path)[0]
    codes = {identifier_code(lang, path) for lang in languages}
    for lang in languages:
        codes.update(neighbours.get(lang.code, []))
    return tuple(sorted(codes))


@dataclass
class Judge:
    """The identifier, choosing between ``codes``; texts are judged all at once."""

    codes: tuple[str, ...]
    table: Path | None = None  # data/language.yml of the site
    labels: tuple[str, ...] = ()
    rows: dict[str, int] = field(default_factory=dict)  # text -> row of scores
    scores: list[Any] = field(default_factory=list)  # one row of probabilities per text

    def code_of(self, lang: Language) -> str:
        return identifier_code(lang, self.table)

    def judge(self, texts: Iterable[str]) -> None:
        """Judge every new text in one pass (much faster than one text at a time)."""
        new = [text for text in dict.fromkeys(texts) if text not in self.rows]
        if new:
            self.labels, found = rank_many(self.codes, new)
            self.rows.update((text, len(self.scores) + row) for row, text in enumerate(new))
            self.scores.extend(found)

    def probabilities(self, text: str) -> dict[str, float]:
        """The identifier's probability of each language for a text."""
        if text not in self.rows:
            self.judge([text])
        return dict(zip(self.labels, self.scores[self.rows[text]].tolist(), strict=True))
