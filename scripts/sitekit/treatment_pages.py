"""What every treatment page gets besides its Markdown: data/treatment_pages.yml.

The urgent-help call-out (telephone numbers as ``tel:`` links, words from
data/ui.yml in the page's language) and the length of the "related
treatments" list. ``load`` reads and validates the file; ``problems`` reports
what is wrong with it, or with its words in data/ui.yml, as the checker does.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from sitekit import datafile
from sitekit.datafile import DataError, fail, line_of
from sitekit.paths import display_path
from sitekit.project import DATA
from sitekit.report import Problem, error
from sitekit.ui import UI_FILE, strings

TREATMENT_PAGES_FILE = DATA / "treatment_pages.yml"
# The parts of the call-out: call now, see a doctor today, poison information.
KINDS = ("emergency", "same-day", "poison")
_DIAL = re.compile(r"^\d[\d -]*\d$")
CALLOUT_CLASS = "urgent-help-callout"


@dataclass(frozen=True)
class Number:
    key: str
    dial: str  # as written: "116 117"
    kind: str  # one of KINDS
    source: str  # id in data/sources.yml of the source that gives the number

    @property
    def href(self) -> str:
        return "tel:" + self.dial.replace(" ", "").replace("-", "")


@dataclass(frozen=True)
class TreatmentPages:
    page_type: str
    urgent_section: str  # heading id the call-out goes under
    numbers: tuple[Number, ...]
    related_limit: int
    related_before: str | None  # heading id the related list goes before


def load(path: Path | None = None) -> TreatmentPages:
    """The settings of treatment pages (of this repository's data/treatment_pages.yml by
    default). Raises DataError when the file is wrong."""
    path = path or TREATMENT_PAGES_FILE
    return _load(path, datafile.version(path))


@cache
def _load(path: Path, version: tuple[int, int]) -> TreatmentPages:
    node, data = datafile.read(path)
    if not isinstance(data, dict):
        raise fail(path, node, (), "expected a mapping (page_type, urgent_help, related).")
    page_type, urgent, related = data.get("page_type"), data.get("urgent_help"), data.get("related")
    if not isinstance(page_type, str) or not page_type:
        raise fail(path, node, ("page_type",), "page_type must name a page type.")
    if not isinstance(urgent, dict) or not isinstance(urgent.get("section"), str):
        raise fail(path, node, ("urgent_help",), "urgent_help needs a section (a heading id).")
    if not isinstance(urgent.get("numbers"), dict) or not urgent["numbers"]:
        raise fail(path, node, ("urgent_help", "numbers"), "urgent_help needs numbers.")
    numbers = []
    for key, value in urgent["numbers"].items():
        where = ("urgent_help", "numbers", str(key))
        entry = value if isinstance(value, dict) else {}
        dial, kind, source = entry.get("dial"), entry.get("kind"), entry.get("source")
        if not isinstance(dial, str) or not _DIAL.match(dial):
            raise fail(path, node, where, f'{key}: dial must be a quoted number, e.g. "112".')
        if kind not in KINDS:
            raise fail(path, node, where, f"{key}: kind must be one of {', '.join(KINDS)}.")
        if not isinstance(source, str) or not source:
            raise fail(path, node, where, f"{key}: give the source of the number (an id).")
        numbers.append(Number(str(key), dial, str(kind), source))
    related = related if isinstance(related, dict) else {}
    limit, before = related.get("limit"), related.get("before_section")
    if not isinstance(limit, int) or isinstance(limit, bool) or limit < 0:
        raise fail(path, node, ("related",), "related needs a limit (0 or more pages).")
    if before is not None and not isinstance(before, str):
        raise fail(path, node, ("related", "before_section"), "before_section is a heading id.")
    return TreatmentPages(page_type, urgent["section"], tuple(numbers), limit, before)


def _words(lang: str, ui_file: Path | None = None) -> dict[str, Any]:
    words = strings(lang, ui_file or UI_FILE).get("urgent_help")
    return words if isinstance(words, dict) else {}


def problems(
    lang_codes: tuple[str, ...],
    path: Path = TREATMENT_PAGES_FILE,
    citable: Collection[str] | None = None,
    ui_file: Path | None = None,
) -> list[Problem]:
    """What is wrong with the file, or with the call-out's words in data/ui.yml.

    With ``citable`` (the ids of the sources that may be cited), every number's
    source must be one of them: no number without a source that gives it.
    """
    try:
        settings = load(path)
    except DataError as exc:
        return [exc.problem]
    found = []
    node, _ = datafile.read(path)
    for number in settings.numbers:
        if citable is not None and number.source not in citable:
            found.append(
                error(
                    display_path(path),
                    line_of(node, "urgent_help", "numbers", number.key),
                    "data",
                    f"{number.key}: the source '{number.source}' of {number.dial} is not a "
                    "citable source of data/sources.yml.",
                    "give the id of a grade A, B or C source that gives this number, or "
                    "remove the number.",
                )
            )
    ui_file = ui_file or UI_FILE
    try:
        ui_node, all_words = datafile.read(ui_file)
    except DataError:
        return found  # the interface-string check reports the file
    if not isinstance(all_words, dict):
        return found
    for code in lang_codes:
        if code not in all_words:
            continue  # reported by the interface-string check
        words = _words(code, ui_file)
        labels = words.get("numbers")
        labels = labels if isinstance(labels, dict) else {}
        missing = [key for key in ("title", *KINDS) if not isinstance(words.get(key), str)]
        missing += [n.key for n in settings.numbers if not isinstance(labels.get(n.key), str)]
        unknown = sorted(set(labels) - {n.key for n in settings.numbers})
        if missing or unknown:
            what = "; ".join(
                part
                for part in (
                    f"missing: {', '.join(missing)}" if missing else "",
                    f"not in {path.name}: {', '.join(unknown)}" if unknown else "",
                )
                if part
            )
            found.append(
                error(
                    display_path(ui_file),
                    line_of(ui_node, code, "urgent_help"),
                    "data",
                    f"the urgent-help words of '{code}' do not match {path.name} ({what}).",
                    f"give '{code}' under urgent_help a title, {' and '.join(KINDS)}, and one "
                    f"label under numbers for each number of {path.name}.",
                )
            )
    return found


def ordered_numbers(settings: TreatmentPages, lang: str) -> list[Number]:
    """The numbers as the call-out shows them: by kind, then in the language's order."""
    by_key = {number.key: number for number in settings.numbers}
    labels = _words(lang).get("numbers") or {}
    in_order = [by_key[key] for key in labels if key in by_key]
    return [number for kind in KINDS for number in in_order if number.kind == kind]


def callout_html(settings: TreatmentPages, lang: str) -> str:
    """The call-out in language ``lang``: who to call, as tap-to-call links."""
    words = _words(lang)
    labels = words["numbers"]
    parts = [
        f'<div class="{CALLOUT_CLASS}" role="note" aria-labelledby="{CALLOUT_CLASS}-title">',
        f'<p class="{CALLOUT_CLASS}__title" id="{CALLOUT_CLASS}-title">'
        f"{html.escape(words['title'])}</p>",
    ]
    numbers = ordered_numbers(settings, lang)
    for kind in KINDS:
        items = [
            f'<li><a class="{CALLOUT_CLASS}__number" href="{number.href}">'
            f"{html.escape(number.dial)}</a> {html.escape(labels[number.key])}</li>"
            for number in numbers
            if number.kind == kind
        ]
        if items:
            parts.append(f'<p class="{CALLOUT_CLASS}__kind">{html.escape(words[kind])}</p>')
            parts.append(f'<ul class="{CALLOUT_CLASS}__{kind}">' + "".join(items) + "</ul>")
    parts.append("</div>")
    return "\n".join(parts)


def expected_links(settings: TreatmentPages, lang: str) -> list[tuple[str, str]]:
    """(href, visible number) of every link of the call-out, in order."""
    return [(number.href, number.dial) for number in ordered_numbers(settings, lang)]
