"""Every translated page is written in its language: each block a reader reads, and the page.

The judge is py3langid, an offline language identifier, choosing between the
site's languages and their close neighbours (``data/language.yml``: Galician,
Portuguese and Catalan for Spanish; Danish, Swedish and Nynorsk for
Norwegian). It reads the rendered page (``sitekit.textblocks``): the title,
the description, headings, paragraphs, list items and table cells.

- A block of at least ``ALONE_WORDS`` words is judged alone.
- Shorter blocks are judged together, in runs of at least ``GROUP_WORDS`` words.
- The page is judged as a whole, from the verdicts on its blocks.

Text reads as another language when the identifier gives the page's own
language a probability below a limit that depends on the length: the
identifier is surer of long texts (``LIMITS``). The limits were set on the
site's pages, whose lowest probability for their own language is about twice
the limit at every length, and on Danish, Swedish, Nynorsk, Galician,
Portuguese and Catalan versions of them, which fall far below it.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from sitekit.checks.context import Context
from sitekit.identify import LANGUAGE_FILE, Judge, candidates
from sitekit.pages import Page
from sitekit.project import Language, english_name
from sitekit.report import Problem, error
from sitekit.textblocks import Block

ALONE_WORDS = 12
GROUP_WORDS = 20
# (at least this many words, below this probability of the page's language)
LIMITS = ((20, 0.3), (12, 0.15), (6, 0.05), (3, 0.02))
PAGE_LIMIT = 0.5


@dataclass(frozen=True)
class Verdict:
    first_line: int
    last_line: int
    words: int
    size: int  # bytes read
    probabilities: dict[str, float]
    what: str  # "this paragraph", "the short texts on lines 3–9"
    run: bool  # short blocks judged together

    def foreign(self, expected: str) -> str | None:
        """The language the text reads as, if not ``expected``."""
        limit = next((limit for words, limit in LIMITS if self.words >= words), None)
        if limit is None or self.probabilities.get(expected, 0.0) >= limit:
            return None
        return _most_likely(self.probabilities, expected)


def _most_likely(probabilities: dict[str, float], expected: str) -> str:
    return max((p, code) for code, p in probabilities.items() if code != expected)[1]


def check(context: Context) -> Iterator[Problem]:
    table = context.data / LANGUAGE_FILE.name
    judge = Judge(candidates(context.site.languages, table), table)
    pages = [
        (page, lang, _to_judge(context.blocks(page)))
        for lang in context.site.translations  # English pages are the originals
        for page in context.site.pages.get(lang.code, {}).values()
    ]
    judge.judge(_text(run) for _, _, parts in pages for run, _ in parts)
    for page, lang, parts in pages:
        verdicts = [_judge(run, judge, what) for run, what in parts]
        yield from _page_problems(page, lang, judge.code_of(lang), verdicts)


def _to_judge(blocks: list[Block]) -> list[tuple[list[Block], str]]:
    """What is judged: each block long enough alone, then runs of short blocks."""
    alone = [
        ([block], _WHAT.get(block.kind, "this paragraph"))
        for block in blocks
        if len(block.text.split()) >= LIMITS[-1][0]
    ]
    return alone + [(run, "") for run in _short_runs(blocks)]


def _page_problems(
    page: Page, lang: Language, expected: str, verdicts: list[Verdict]
) -> Iterator[Problem]:
    counted = [verdict for verdict in verdicts if verdict.words >= ALONE_WORDS or verdict.run]
    if not counted:
        return
    whole = _whole(counted)  # every word once
    if whole.get(expected, 0.0) < PAGE_LIMIT:
        yield _wrong_language(
            page, page.body_start, lang, _most_likely(whole, expected), "the page"
        )
        return
    reported: set[int] = set()
    for verdict in verdicts:
        code = verdict.foreign(expected)
        if code is None or reported & set(range(verdict.first_line, verdict.last_line + 1)):
            continue  # a run whose foreign block is reported already
        reported.add(verdict.first_line)
        yield _wrong_language(page, verdict.first_line, lang, code, verdict.what)


_WHAT = {
    "title": "the title",
    "description": "the description",
    "heading": "this heading",
    "item": "this list item",
    "cell": "this table cell",
}


def _short_runs(blocks: list[Block]) -> Iterator[list[Block]]:
    """Consecutive blocks under ``ALONE_WORDS`` words, in runs of ``GROUP_WORDS`` or more."""
    run: list[Block] = []
    held: list[Block] = []  # the last full run: a short tail at the end joins it
    for block in blocks:
        if len(block.text.split()) >= ALONE_WORDS:
            continue
        run.append(block)
        if sum(len(b.text.split()) for b in run) >= GROUP_WORDS:
            if held:
                yield held
            held, run = run, []
    if held and run:
        held, run = held + run, []
    yield from (group for group in (held, run) if group)


def _text(blocks: list[Block]) -> str:
    return " ".join(block.text for block in blocks)


def _judge(blocks: list[Block], judge: Judge, what: str) -> Verdict:
    text = _text(blocks)
    first, last = blocks[0].line, blocks[-1].line
    run = not what
    if run:
        lines = f"line {first}" if first == last else f"lines {first}–{last}"
        what = f"the short texts on {lines} (title, headings, list items, table cells)"
    size = len(text.encode())
    return Verdict(first, last, len(text.split()), size, judge.probabilities(text), what, run)


def _whole(verdicts: list[Verdict]) -> dict[str, float]:
    """The page's verdict from its blocks' (naive Bayes: the evidence adds up).

    The identifier divides its scores by the square root of the text's length;
    weighting each block's log-probability by the square root of its length and
    dividing by that of the whole page gives the verdict on the whole text.
    """
    total = math.sqrt(sum(verdict.size for verdict in verdicts)) or 1.0
    scores: dict[str, float] = {}
    for verdict in verdicts:
        weight = math.sqrt(verdict.size)
        for code, p in verdict.probabilities.items():
            scores[code] = scores.get(code, 0.0) + weight * math.log(max(p, 1e-12))
    top = max(scores.values())
    exp = {code: math.exp((score - top) / total) for code, score in scores.items()}
    norm = sum(exp.values())
    return {code: value / norm for code, value in exp.items()}


def _wrong_language(page: Page, line: int, lang: Language, code: str, what: str) -> Problem:
    name = english_name(lang.code)
    return error(
        page.display,
        line,
        "language",
        f"{what} reads as {english_name(code)}, not {name}.",
        f"translate it into {name}; a page under docs/{lang.code}/ is published as {name}.",
    )
