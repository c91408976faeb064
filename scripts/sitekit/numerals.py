"""Numbers as each language writes them: digits, small numbers in words, units.

The decimal and thousands separators, the words and the units are data
(``data/numbers.yml``); a space before a group of three digits (10 000) is a
thousands separator in every language. Every number is reduced to a
value and a unit, so ``99.9%`` = «99,9 %» = «99,9 prosent», ``1,022`` = «1022»
= «1.022» (Spanish), and ``two weeks`` = «2 semanas».
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

from sitekit import datafile
from sitekit.paths import DATA

NUMBERS_FILE = DATA / "numbers.yml"
How = Literal["digits", "word", "maybe", "above_ten"]

_SPACE = " \u00a0\u202f\u2009"  # a space, no-break, narrow no-break, thin
# A number, with a % or ° right after it. Each character is read once: no pattern
# here can backtrack over a long line. It starts with a digit, so that the search
# skips quickly from one digit to the next; a minus sign before it is read apart.
_NUMBER = re.compile(
    rf"(?P<digits>[0-9]+(?:(?:[.,]|[{_SPACE}](?=[0-9]{{3}}(?![0-9])))[0-9]+)*)"
    rf"(?P<sign>[{_SPACE}]?(?:%|°C|°))?"
)
_MINUS = ("-", "\u2212")
_NO_MINUS_AFTER = re.compile(r"[\w.,\-\u2010\u2011]")  # 5-12 and COVID-19 are not negative
# The word after a number (its unit?), and the word before one («minus», «los»).
_NEXT_WORDS = re.compile(rf"([{_SPACE}\-]?)([^\W\d_]+)(?: ([^\W\d_]+))?")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]\Z")
HYPHENS = ("-", "\u2010", "\u2011")
# A range written with a hyphen: 5-12, 5 - 12 (not a date: 2026-12-01).
HYPHEN_RANGE = re.compile(
    r"(?<![\w.,\-\u2010\u2011/])([0-9]+(?:[.,][0-9]+)?)"
    r" ?[\-\u2010\u2011] ?"
    r"([0-9]+(?:[.,][0-9]+)?)(?![\w\-\u2010\u2011/]|[.,][0-9])"
)


class Numeral(NamedTuple):
    values: tuple[str, ...]  # canonical ("99.9", "1022", "-110"); more than one if ambiguous
    unit: str  # canonical: "%", "weeks", "mg", or ""
    how: How
    text: str  # as written
    start: int  # offset in the text it was found in

    @property
    def value(self) -> str:
        return self.values[0]


@dataclass(frozen=True)
class NumberStyle:
    """How one language writes numbers."""

    decimal: str
    group: str
    words: dict[str, int]
    maybe: dict[str, int]
    above_ten: dict[str, int]
    both: frozenset[str]  # «los dos ojos» is "both eyes"
    pattern: re.Pattern[str]  # any of the words, in lower case
    any_case: re.Pattern[str]  # the same, for a text whose lower case is longer
    minus: frozenset[str]  # «minus 110»
    units: dict[str, str]  # lower-case unit words, and symbols as written
    range: str  # "{a}–{b}"


@cache
def _data(path: Path, version: tuple[int, int]) -> tuple[Any, dict[str, Any]]:
    node, data = datafile.read(path)
    if not isinstance(data, dict) or not isinstance(data.get("symbols"), dict):
        raise datafile.fail(path, node, (), "expected 'symbols' and one entry per language.")
    return node, data


def number_style(lang: str, path: Path | None = None) -> NumberStyle:
    """The number style of a site language (in ``path``, by default this repository's
    data/numbers.yml); DataError if the file lacks it."""
    path = path or NUMBERS_FILE
    return _number_style(lang, path, datafile.version(path))


@cache
def _number_style(lang: str, path: Path, version: tuple[int, int]) -> NumberStyle:
    node, data = _data(path, version)
    entry = data.get(lang)
    keys = ("words", "maybe", "above_ten", "units")
    if (
        not isinstance(entry, dict)
        or not all(isinstance(entry.get(k), dict) for k in keys)
        or not all(entry.get(k) in (".", ",", " ") for k in ("decimal", "group"))
    ):
        raise datafile.fail(
            path,
            node,
            (lang,),
            f"'{lang}' needs decimal and group ('.', ',' or ' '), {', '.join(keys)} and range.",
        )
    units = {str(key).lower(): str(value) for key, value in entry["units"].items()}
    words = [str(word).lower() for key in ("words", "maybe", "above_ten") for word in entry[key]]
    # No words yet (a new language): a pattern that matches nothing, not the empty word.
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True)) or "(?!)"
    units.update({str(key): str(value) for key, value in data["symbols"].items()})
    return NumberStyle(
        decimal=str(entry["decimal"]),
        group=str(entry["group"]),
        words={str(k).lower(): int(v) for k, v in entry["words"].items()},
        maybe={str(k).lower(): int(v) for k, v in entry["maybe"].items()},
        above_ten={str(k).lower(): int(v) for k, v in entry["above_ten"].items()},
        both=frozenset(str(phrase).lower() for phrase in entry.get("both") or []),
        minus=frozenset(str(word).lower() for word in entry.get("minus") or []),
        units=units,
        range=str(entry.get("range") or "{a}–{b}"),
        pattern=re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])"),
        any_case=re.compile(rf"(?<![^\W\d_])(?:{alternatives})(?![^\W\d_])", re.IGNORECASE),
    )


def _canonical(number: str) -> str:
    try:
        return format(Decimal(number).normalize(), "f")
    except InvalidOperation:  # pragma: no cover - only digits reach here
        return number


def digit_values(token: str, style: NumberStyle) -> list[tuple[str, ...]]:
    """The numbers one written token stands for, each with its possible values.

    "1,022" is one number in English, "1,2" two; in Spanish "1.022" is 1022,
    but "801.415" may also be a section number (21 CFR 801.415): both values.
    """
    if token.isdigit():  # most numbers: no separator at all
        return [(token.lstrip("0") or "0",)]
    token = "".join(char for char in token if char not in _SPACE)
    other = "." if style.decimal == "," else ","
    groups = token.split(style.group) if style.group not in _SPACE else [token]
    if len(groups) > 1 and 1 <= len(groups[0]) <= 3:
        last, _, fraction = groups[-1].partition(style.decimal)
        if all(len(g) == 3 and g.isdigit() for g in [*groups[1:-1], last]):
            whole = "".join(groups[:-1]) + last
            grouped = _canonical(f"{whole}.{fraction}" if fraction else whole)
            if len(groups) == 2 and not fraction and style.decimal == "," and style.group == ".":
                return [(grouped, _canonical(token.replace(style.group, ".")))]
            return [(grouped,)]
    parts = token.split(style.decimal)
    if len(parts) == 2 and other not in token:  # one decimal separator: 99,9 / 99.9
        return [(_canonical(f"{parts[0]}.{parts[1]}"),)]
    if style.decimal == "," and token.count(".") == 1 and "," not in token:
        return [(_canonical(token),)]  # 1.5 in Spanish or Norwegian: read as written
    # A list or a version (1,2 / 1.2.3): each part is a number.
    return [(_canonical(part),) for part in re.split(r"[.,]", token) if part]


def numerals(text: str, style: NumberStyle) -> list[Numeral]:
    """Every number in a text: in digits, or as a word the language's data lists."""
    found = [numeral for match in _NUMBER.finditer(text) for numeral in _digits(match, text, style)]
    lowered = text.lower()  # a case-sensitive search is three times faster
    words = (
        style.pattern.finditer(lowered)
        if len(lowered) == len(text)
        else style.any_case.finditer(text)  # "İ" has two characters in lower case
    )
    for match in words:
        lower = match.group().lower()
        how: How = "word"
        if lower in style.words:
            value = style.words[lower]
            if f"{_word_before(text, match.start())} {lower}" in style.both:
                how = "maybe"
        elif lower in style.maybe:
            value, how = style.maybe[lower], "maybe"
        else:
            value, how = style.above_ten[lower], "above_ten"
        unit = _unit_after(text, match.end(), style)
        written = text[match.start() : match.end()]
        found.append(Numeral((str(value),), unit, how, written, match.start()))
    return sorted(found, key=lambda numeral: numeral.start)


def _digits(match: re.Match[str], text: str, style: NumberStyle) -> Iterator[Numeral]:
    start = match.start()
    minus = text[start - 1 : start] in _MINUS and not (
        start >= 2 and _NO_MINUS_AFTER.match(text, start - 2)
    )
    start -= minus
    negative = minus or (bool(style.minus) and _word_before(text, start) in style.minus)
    unit = (match.group("sign") or "").strip(_SPACE) or _unit_after(text, match.end(), style)
    for values in digit_values(match.group("digits"), style):
        if negative:
            values = tuple(value if value == "0" else f"-{value}" for value in values)
        yield Numeral(values, unit, "digits", text[start : match.end()], start)


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` (one space between), lower-case; or ""."""
    if not start or text[start - 1] not in " \u00a0":
        return ""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before.group(1).lower() if before else ""


def _unit_after(text: str, end: int, style: NumberStyle) -> str:
    """The unit written right after a number ("12 weeks", «99,9 prosent», "6-month")."""
    following = _NEXT_WORDS.match(text, end)
    if following is None:
        return ""
    gap, word, second = following.groups()
    if len(word) == 1 and not gap:
        return ""  # "1930s", "18s": a one-letter unit is written apart (5 s, 2 g)
    unit = style.units.get(word) or style.units.get(word.lower())
    if unit is None and second:  # "per cent", «por ciento»
        unit = style.units.get(f"{word} {second}".lower())
    return unit or ""
