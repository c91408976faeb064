"""5. Number parity: a translation has the same numbers as the English page.

Numbers are compared as values, so each language writes them its own way:
``99.9%`` = ``99,9 %``; ``1,022`` = ``1022`` = ``1 022``; ``6–10`` = ``6 a 10``
= ``6 til 10`` (a range is its two numbers). Each number must occur as often
in the translation as in English, so ``5–10`` for ``6–10`` is caught even when
a 5 appears elsewhere on the page.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation

from sitekit.checks import Context
from sitekit.pages import Page
from sitekit.report import Problem, error

# Digits joined by "." or ",", or by a space before a group of exactly three digits.
# ([0-9] rather than \d: written numbers are ASCII, and the scan is faster.)
_TOKEN = re.compile(r"[0-9]+(?:(?:[.,]|[ \u00a0\u202f](?=[0-9]{3}(?![0-9])))[0-9]+)*")
_THOUSANDS_COMMA = re.compile(r"^[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?$")
_SPACES = re.compile(r"[ \u00a0\u202f]")


def _canonical(number: str) -> str:
    try:
        value = Decimal(number)
    except InvalidOperation:  # pragma: no cover - the token pattern only yields digits
        return number
    text = format(value.normalize(), "f")
    return text


def _values(token: str, *, decimal_comma: bool) -> list[str]:
    """The numbers one token stands for ("1,022" is one number, "1,2" two in English)."""
    if token.isdigit():  # most numbers: no separator at all
        return [token.lstrip("0") or "0"]
    token = _SPACES.sub("", token)
    if decimal_comma:
        parts = token.split(",") if token.count(",") > 1 else [token.replace(",", ".")]
    elif _THOUSANDS_COMMA.match(token):
        parts = [token.replace(",", "")]
    else:
        parts = token.split(",")
    found = []
    for part in parts:
        # "801.415" is one value; "1.2.3" (a version, a section) is three numbers.
        found.extend([part] if part.count(".") <= 1 else part.split("."))
    return [_canonical(part) for part in found if part]


def numbers_in(text: str, *, decimal_comma: bool) -> list[str]:
    """Every number in a piece of text, as canonical values ("99.9", "1022")."""
    return [
        value
        for token in _TOKEN.findall(text)
        for value in _values(token, decimal_comma=decimal_comma)
    ]


def _page_values(page: Page, *, decimal_comma: bool) -> list[str]:
    """Every number a reader sees on the page (title, description, body), in order."""
    texts = [str(page.meta.get(key, "")) for key in ("title", "description")]
    tokens = _TOKEN.findall("\n".join(texts)) + _TOKEN.findall(page.visible)
    # Most numbers have no separator at all: a quick path for them.
    values = [token.lstrip("0") or "0" for token in tokens if token.isdigit()]
    for token in tokens:
        if not token.isdigit():
            values.extend(_values(token, decimal_comma=decimal_comma))
    return values


def lines_of(page: Page, value: str, *, decimal_comma: bool) -> list[int]:
    """The lines where a number appears (only needed to report a difference)."""
    lines = []
    for key in ("title", "description"):
        text = page.meta.get(key)
        if isinstance(text, str) and value in numbers_in(text, decimal_comma=decimal_comma):
            lines.append(page.line_of(key))
    for match in _TOKEN.finditer(page.visible):
        if value in _values(match.group(), decimal_comma=decimal_comma):
            lines.append(page.visible_line_at(match.start()))
    return lines


def check(context: Context) -> Iterator[Problem]:
    site = context.site
    for _, english in sorted(site.english().items()):
        wanted = Counter(_page_values(english, decimal_comma=False))
        for lang in site.translations:
            translation = site.counterpart(english, lang.code)
            if translation is None:
                continue
            have = Counter(_page_values(translation, decimal_comma=True))
            if have == wanted:
                continue
            for value in sorted(wanted.keys() | have.keys(), key=_sort_key):
                if wanted[value] != have[value]:
                    theirs = lines_of(english, value, decimal_comma=False)
                    ours = lines_of(translation, value, decimal_comma=True)
                    yield _mismatch(english, translation, value, theirs, ours)


def _sort_key(value: str) -> tuple[float, str]:
    return (float(value), value)


def _same_section(english: Page, translation: Page, line: int) -> int:
    """The translation's line of the section that holds ``line`` of the English page."""
    section = next((h.id for h in reversed(english.headings) if h.line <= line and h.id), None)
    found = next((h.line for h in translation.headings if section and h.id == section), None)
    return found or translation.body_start


def _lines(lines: list[int]) -> str:
    shown = ", ".join(str(line) for line in lines[:5])
    return shown + (", …" if len(lines) > 5 else "")


def _mismatch(
    english: Page, translation: Page, value: str, theirs: list[int], ours: list[int]
) -> Problem:
    if len(ours) < len(theirs):
        where = ours[-1] if ours else _same_section(english, translation, theirs[0])
        message = (
            f"the number {value} appears {len(theirs)} time(s) in English "
            f"(line {_lines(theirs)}) but {len(ours)} time(s) here."
        )
        hint = (
            "write the same numbers as the English page; each language's decimal comma and "
            "range style are fine (99,9 %, 6 a 10), numbers in words are not."
        )
    else:
        where = ours[len(theirs)] if len(ours) > len(theirs) else ours[0]
        message = (
            f"the number {value} appears {len(ours)} time(s) here (line {_lines(ours)}) "
            f"but {len(theirs)} time(s) in English."
        )
        hint = (
            "check it against the English page: a changed number is a changed fact; "
            "chemical formulas are written CO₂, O₃."
        )
    return error(translation.display, where, "numbers", message, hint)
