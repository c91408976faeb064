"""Number parity: a translation states the same numbers as the English page.

Numbers are read from the rendered text (``sitekit.textblocks``) and compared
section by section (by heading ID): ``99.9%`` = «99,9 %» = «99,9 prosent»,
``two sessions`` = «2 sesiones» = «to behandlinger» (``sitekit.numerals``).
A percentage is a different number from the same value without ``%``; other
units may be added or left out («18 år» for "under 18"), but not changed
(``12 weeks`` is not «12 meses»). For each number:

- digits and number words count, so a changed number is caught however either
  language writes it;
- words that are often not numbers («una», "first", «andre») may stand for a
  number the other language writes, but are never required;
- a number written in words may be repeated, or not, where one language
  repeats it («to klinikker … to behandlinger»), as long as both languages
  have it and its digits match;
- a number in words that only the translation has («la campaña las resume en
  tres palabras») is accepted, unless the section lacks one of the English
  numbers: then it stands for a changed number.

The same pass reports hyphen ranges (5-12) and numbers above ten in words
(which are not counted: they must be written in digits).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

from sitekit import datafile
from sitekit.checks.context import Context
from sitekit.numerals import (
    HYPHEN_RANGE,
    HYPHENS,
    NUMBERS_FILE,
    NumberStyle,
    Numeral,
    number_style,
    numerals,
)
from sitekit.pages import Page
from sitekit.paths import display_path
from sitekit.report import Problem, error
from sitekit.textblocks import Block

Key = tuple[str, str, str]  # section, value, "%" or ""


@dataclass
class _Tally:
    """The numbers of one page, by section, value and unit."""

    certain: Counter[Key] = field(default_factory=Counter)  # digits and number words
    digits: Counter[Key] = field(default_factory=Counter)
    maybe: Counter[Key] = field(default_factory=Counter)
    lines: dict[Key, list[int]] = field(default_factory=dict)
    units: dict[Key, Counter[str]] = field(default_factory=dict)  # units other than %
    headings: dict[str, int] = field(default_factory=dict)  # section -> line
    pending: list[tuple[str, str, Numeral, int]] = field(default_factory=list)  # ambiguous

    def settle(self, english: _Tally | None) -> None:
        """Give each ambiguous number («801.415») the value the English page has more of."""
        for section, percent, numeral, line in self.pending:
            keys = [(section, value, percent) for value in numeral.values]
            if english is not None:  # the first of the most wanted values
                keys.sort(key=lambda key: self.certain[key] - english.certain[key])
            self.add(keys[0], numeral, line)
        self.pending.clear()

    def add(self, key: Key, numeral: Numeral, line: int) -> None:
        if numeral.unit and numeral.unit != "%":
            units = self.units.get(key)
            if units is None:
                units = self.units[key] = Counter()
            units[numeral.unit] += 1
        if numeral.how == "maybe":
            self.maybe[key] += 1
            return
        self.certain[key] += 1
        if numeral.how == "digits":
            self.digits[key] += 1
        self.lines.setdefault(key, []).append(line)

    def accepts(self, other: _Tally, key: Key) -> bool:
        mine, theirs = self.certain[key], other.certain[key]
        if max(mine, theirs) <= min(mine + self.maybe[key], theirs + other.maybe[key]):
            return True  # the same count, with some of the maybe-words
        both_have_it = (mine + self.maybe[key]) > 0 and (theirs + other.maybe[key]) > 0
        return both_have_it and self.digits[key] == other.digits[key]

    def lacks(self, other: _Tally, key: Key) -> bool:
        """This page has the number less often than ``other`` requires."""
        return other.certain[key] > self.certain[key] + self.maybe[key] or (
            other.maybe[key] > 0 and self.certain[key] + self.maybe[key] == 0
        )

    def only_words_added(self, other: _Tally, key: Key) -> bool:
        """This page has the number more often than ``other``, only in words."""
        return (
            self.certain[key] > other.certain[key] + other.maybe[key]
            and self.digits[key] <= other.certain[key]
        )


def check(context: Context) -> Iterator[Problem]:
    site = context.site
    yield from _words_to_write(context)
    tallies: dict[str, _Tally] = {}
    marker = context.model.markers.unfinished
    for page in site.all_pages():
        style = number_style(page.lang, context.data / NUMBERS_FILE.name)
        tally = _Tally()
        tallies[page.display] = tally
        for block in context.blocks(page):
            yield from _read_block(page, block, style, tally, marker)
    for _, english in sorted(site.english().items()):
        tallies[english.display].settle(None)
        for lang in site.translations:
            translation = site.counterpart(english, lang.code)
            if translation is not None:
                tallies[translation.display].settle(tallies[english.display])
                yield from _compare(
                    english, tallies[english.display], translation, tallies[translation.display]
                )


def _words_to_write(context: Context) -> Iterator[Problem]:
    """A language without number words (new_language.py leaves them to write): until
    they are written, a number a page gives in words is not counted."""
    path = context.data / NUMBERS_FILE.name
    for lang in context.site.languages:
        if not number_style(lang.code, path).words:
            node, _ = datafile.read(path)
            yield error(
                display_path(path),
                datafile.line_of(node, lang.code),
                "unfinished",
                f"the number words of '{lang.code}' are still to write (words, maybe, "
                "above_ten and units are empty).",
                "write them as the other languages' blocks do (the comments at the top "
                "of the file say what each holds): until then, numbers written in words "
                "are not compared.",
            )


def _read_block(
    page: Page, block: Block, style: NumberStyle, tally: _Tally, marker: str
) -> Iterator[Problem]:
    section = block.kind if block.kind in ("title", "description") else block.section
    if block.kind == "heading":
        tally.headings.setdefault(section, block.line)
    if marker in block.text:
        return  # unfinished text: reported as such, not compared
    for numeral in numerals(block.text, style):
        line = _line_of(page, block, numeral.text)
        if numeral.how == "above_ten":  # not counted: it must be written in digits
            yield error(
                page.display,
                line,
                "number-style",
                f"'{numeral.text}' is a number above ten written in words.",
                f"write it in digits: {numeral.value}.",
            )
            continue
        percent = "%" if numeral.unit == "%" else ""
        if len(numeral.values) > 1:
            tally.pending.append((section, percent, numeral, line))
        else:
            tally.add((section, numeral.value, percent), numeral, line)
    if any(hyphen in block.text for hyphen in HYPHENS):
        for match in HYPHEN_RANGE.finditer(block.text):
            first, last = match.group(1), match.group(2)
            yield error(
                page.display,
                _line_of(page, block, match.group()),
                "number-style",
                f"the range '{match.group()}' is written with a hyphen.",
                "write it " + style.range.format(a=first, b=last) + ".",
            )


def _line_of(page: Page, block: Block, text: str) -> int:
    """The line of the source where ``text`` is written, searching from the block's line."""
    if block.kind in ("title", "description"):
        return block.line
    start = block.line - page.body_start
    for index in range(max(0, start), min(len(page.body), start + 40)):
        if text in page.body[index]:
            return page.body_start + index
    return block.line


def _compare(english: Page, theirs: _Tally, translation: Page, ours: _Tally) -> Iterator[Problem]:
    keys = theirs.certain.keys() | ours.certain.keys()
    # Sections where the translation lacks a number of the English page: there, a
    # number only the translation has is a changed number, even in words.
    lacking = {key[0] for key in keys | theirs.maybe.keys() if ours.lacks(theirs, key)}
    for key in sorted(keys, key=_sort_key):
        if not theirs.accepts(ours, key):
            if key[0] in lacking or not ours.only_words_added(theirs, key):
                yield _mismatch(english, theirs, translation, ours, key)
            continue  # «en tres palabras»: a number in words that adds, not changes
        english_units, own_units = theirs.units.get(key), ours.units.get(key)
        if not english_units or not own_units:
            continue  # a unit only one language writes («18 år» for "under 18")
        changed, instead = english_units - own_units, own_units - english_units
        if changed and instead:
            unit, other = min(changed), min(instead)
            yield error(
                translation.display,
                _first(ours.lines.get(key), _section_line(translation, ours, key[0])),
                "numbers",
                f"the number {key[1]} is given in {unit} in English but in {other} here"
                f"{_where(key[0])}.",
                "check it against the English page: a changed unit is a changed fact.",
            )


def _sort_key(key: Key) -> tuple[str, float, str]:
    section, value, percent = key
    return (section, float(value), percent)


def _lines(lines: list[int]) -> str:
    shown = ", ".join(str(line) for line in lines[:5])
    return shown + (", …" if len(lines) > 5 else "")


def _mismatch(english: Page, theirs: _Tally, translation: Page, ours: _Tally, key: Key) -> Problem:
    section, value, percent = key
    number = f"{value} {percent}" if percent else value
    where_section = _where(section)
    there, here = theirs.lines.get(key, []), ours.lines.get(key, [])
    count_there, count_here = theirs.certain[key], ours.certain[key]
    if count_here < count_there:
        line = here[-1] if here else _section_line(translation, ours, section)
        message = (
            f"the number {number} appears {count_there} time(s) in English "
            f"(line {_lines(there)}) but {count_here} time(s) here{where_section}."
        )
        hint = (
            "write the same numbers as the English page: in digits with your language's "
            "separators (99,9 %, 1022, de 6 a 10), or as words up to ten (dos, to)."
        )
    else:
        line = here[count_there] if count_there < len(here) else here[0]
        shown = f"line {_lines(there)}" if there else "nowhere"
        message = (
            f"the number {number} appears {count_here} time(s) here (line {_lines(here)}) "
            f"but {count_there} time(s) in English ({shown}){where_section}."
        )
        hint = (
            "check it against the English page: a changed number or unit is a changed fact; "
            "chemical formulas are written CO₂, O₃."
        )
    return error(translation.display, line, "numbers", message, hint)


def _where(section: str) -> str:
    if section in ("title", "description"):
        return f" in the {section}"
    return f" in the section {{#{section}}}" if section else ""


def _first(lines: list[int] | None, default: int) -> int:
    return lines[0] if lines else default


def _section_line(page: Page, tally: _Tally, section: str) -> int:
    if section in ("title", "description"):
        return page.line_of(section)
    return tally.headings.get(section, page.body_start)
