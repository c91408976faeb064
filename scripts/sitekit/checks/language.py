"""6. A translated page is written in its language (offline language identification).

The judge is py3langid, a maintained offline language identifier. It reads
text byte by byte in pure Python, so judging every paragraph of a large site
would take seconds. A cheap screen therefore looks at each paragraph first:
a paragraph full of the common words of its own language, with no telltale
words of English or of a closely related language, is clearly in its
language; every other paragraph goes to py3langid, whose verdict decides.
The model is loaded only when some paragraph needs a verdict.

English pages are the originals and are not checked.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from functools import cache
from typing import Any

from sitekit.checks import Context
from sitekit.pages import Page
from sitekit.project import Language
from sitekit.prose import blocks
from sitekit.report import Problem, error
from sitekit.ui import english_name

# Languages the identifier chooses between: the site's own, and those a
# translation is most often confused with.
CANDIDATES = ("en", "es", "no", "da", "sv", "nn", "de", "fr", "it", "pt", "nl", "ca", "gl")
MIN_WORDS = 12  # shorter paragraphs (names, numbers, titles, table rows) are not judged
MIN_CONFIDENCE = 0.9  # only a confident verdict of another language is an error
SAMPLE_CHARS = 600  # enough text to identify a paragraph
CLEAR_SHARE = 0.2  # at least this share of a paragraph's words are the language's common words

# Common words of each language (the screen's "own language" signal).
COMMON_WORDS = {
    "es": """de la que el en y a los las se del por un una con no su sus para es al lo como
        más pero le ya o este esta porque muy sin sobre también me hasta hay donde desde
        todo nos durante todos les ni otros ese eso ante ellos esto antes algunos qué unos
        otro otras otra él tanto esa estos mucho nada muchos cual poco ella estas algunas
        algo cuando tras entre puede pueden son está están han ha fue ser sea solo cada
        según usted le si""",
    "no": """og i det er som på med for av til ikke en et den de har kan vi du seg om men
        så eller hva hvis etter noen mye mange ble blir blitt også bare når skal må bør fra
        ut opp over under mellom uten mot hvordan hvor denne dette disse dem sin sitt sine
        være vært ved inn før enn nå ingen får fikk""",
}
# Words that give away English or a close neighbour of the page's language.
TELLTALE_WORDS = {
    "es": """the and of to is are was were that this with for from have not but they
        their which what who you your it its be been by on at or if can will would should
        não uma com em ao são mais você pela isso amb els és però perquè també aquest
        això molt més unha tamén máis isto il è gli sono anche della delle questo est
        et une pour dans avec pas elle sont aussi mais""",
    "no": """the and of are was were that this with from has not but they their
        which what who you your it its been would should af efter hvad nogle nogen
        mellem uden blev blevet vores tilbage igen ud op gennem mod ikkje eg kva korleis kven
        ein eit frå berre mykje dei vere vore hjå noko nokon nokre sidan utan""",
}
# ASCII punctuation and digits become spaces, so that splitting finds the words. Done
# on UTF-8 bytes, which translate far faster than str; words are compared as bytes.
_NOT_LETTERS = bytes.maketrans(
    (string.punctuation + string.digits).encode(), b" " * len(string.punctuation + string.digits)
)


@cache
def _word_sets(code: str) -> tuple[frozenset[bytes], frozenset[bytes]]:
    def words(text: str) -> frozenset[bytes]:
        return frozenset(word.encode() for word in text.split())

    return words(COMMON_WORDS.get(code, "")), words(TELLTALE_WORDS.get(code, ""))


# Short glosses and quoted terms: "(FDA, Food and Drug Administration)", «whey
# therapy». Names and terms are often in another language on purpose; the screen
# skips them. A longer quotation stays in, so an untranslated sentence in quotes
# still goes to py3langid, which always reads the whole paragraph.
_GLOSSES = re.compile(r'\([^()\n]{1,80}\)|«[^»\n]{1,80}»|"[^"\n]{1,80}"|“[^”\n]{1,80}”')


def screened_words(text: str) -> list[bytes]:
    """The words the screen looks at: those outside glosses and quotations."""
    return words_of(_GLOSSES.sub(" ", text))


def words_of(text: str) -> list[bytes]:
    """The words of a text, lower-case, without numbers or punctuation (as UTF-8)."""
    return text.lower().encode().translate(_NOT_LETTERS).split()


def clearly_in(words: list[bytes], code: str) -> bool:
    """The screen: True when the words are plainly in language ``code``."""
    common, telltale = _word_sets(code)
    if not common:
        return False
    if not telltale.isdisjoint(words):
        return False
    own = sum(map(common.__contains__, words))
    return own >= CLEAR_SHARE * len(words)


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(CANDIDATES))
    return identifier


def identify(text: str) -> tuple[str, float]:
    """(language code, confidence) for a piece of text, by py3langid."""
    code, confidence = _identifier().classify(text)
    return str(code), float(confidence)


def check(context: Context) -> Iterator[Problem]:
    for lang in context.site.translations:
        for page in context.site.pages.get(lang.code, {}).values():
            yield from check_page(page, lang)


def check_page(page: Page, lang: Language) -> Iterator[Problem]:
    expected = lang.langid_code
    if clearly_in(screened_words(page.visible), expected):
        return  # no telltale word anywhere, and the language's common words throughout
    judged = 0
    foreign: list[tuple[int, str, float]] = []
    for line, text in blocks(page):
        if len(words_of(text)) < MIN_WORDS:
            continue
        judged += 1
        screened = screened_words(text)
        if len(screened) >= MIN_WORDS and clearly_in(screened, expected):
            continue
        code, confidence = identify(text[:SAMPLE_CHARS])
        if code != expected and confidence >= MIN_CONFIDENCE:
            foreign.append((line, code, confidence))
    if judged and len(foreign) * 2 > judged:
        codes = [code for _, code, _ in foreign]
        main = max(set(codes), key=codes.count)
        yield _wrong_language(page, page.body_start, lang, main, None, "the page")
    for line, code, confidence in foreign:
        yield _wrong_language(page, line, lang, code, confidence, "this paragraph")


def _wrong_language(
    page: Page, line: int, lang: Language, code: str, confidence: float | None, what: str
) -> Problem:
    name = english_name(lang.code)
    sure = f" ({confidence:.0%} confidence)" if confidence is not None else ""
    return error(
        page.display,
        line,
        "language",
        f"{what} reads as {english_name(code)}{sure}, not {name}.",
        f"translate it into {name}; a page under docs/{lang.code}/ is published as {name}.",
    )
