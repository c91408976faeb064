"""The checker's shortcuts read exactly what the slow way reads.

The language of many texts is judged at once (sitekit.langid_model.rank_many), the
inline step of Python-Markdown skips text without inline markup (sitekit.rendering),
and a number's minus sign is read apart from its digits (sitekit.numerals): each
must give what py3langid, Python-Markdown and the checker's data say, text for text.
"""

from __future__ import annotations

import pytest
from markdown.inlinepatterns import SimpleTextInlineProcessor

from sitekit import rendering
from sitekit.content import load_site
from sitekit.identify import candidates
from sitekit.langid_model import identifier, rank_many
from sitekit.numerals import number_style, numerals
from sitekit.project import INCLUDES, languages
from sitekit.textblocks import read_page

# Texts py3langid reads in unusual ways: no features, upper case, combining marks,
# other scripts, very long, and the byte the batch walk uses as a separator.
AWKWARD = [
    "",
    "12",
    "A",
    "LOS MORATONES SON FRECUENTES",
    "Cafe\u0301 con lec\u0327he",
    "Это не испанский текст",
    "ÿ\u00ff bytes \udcff",
    "Blåmerker og hevelse er vanlig. " * 200,
    "Los moratones y el dolor son frecuentes. " * 400,  # longer than a lane takes
]


def test_many_texts_get_py3langids_probabilities() -> None:
    codes = candidates(languages())
    site = load_site()
    texts = [block.text for page in site.all_pages() for block in read_page(page)[0]]
    texts += AWKWARD
    single = identifier(codes)
    labels, rows = rank_many(codes, texts)
    for text, row in zip(texts, rows.tolist(), strict=True):
        expected = dict(single.rank(text))
        assert set(labels) == expected.keys()
        assert all(abs(p - expected[code]) < 1e-5 for code, p in zip(labels, row, strict=True)), (
            text[:60]
        )


def test_no_text_is_no_verdict() -> None:
    labels, rows = rank_many(candidates(languages()), [])
    assert len(rows) == 0 and labels


# One shape per inline pattern, nested and escaped ones, and text without markup.
INLINE = [
    "plain text, 99,9 % and 5–12 sessions",
    "`code` and ``co`de``",
    "an escaped \\*star\\* and a \\",
    "a note[^1] and\n\n[^1]: its text",
    "[a link](https://example.org) and [a reference][ref]\n\n[ref]: https://example.org",
    "![an image](x.png) ![a reference image][ref]\n\n[ref]: x.png",
    "<https://example.org> and <someone@example.org>",
    "two spaces  \nbreak the line",
    "<span>html</span>, <!-- a comment --> and &amp; &#49; &#x31;",
    "*em*, **strong**, _em_, __strong__ and ***both***",
    "*[HTML]: Hyper Text\n\nHTML and more HTML",
    '!!! note "A *title*"\n\n    Body with `code` and [a link](x.md).',
    "Term\n:   A definition with *emphasis*",
    "| A | B |\n|---|---|\n| *1* | `2` |",
    "<div markdown>\n*inside* html\n</div>",
    "## Heading *one* {#one}\n\nText {: .class }",
]


def _plain(text: str) -> str:
    md = rendering.plain_markdown()
    return str(md.convert(text))


@pytest.mark.parametrize("text", INLINE)
def test_the_inline_shortcut_renders_what_python_markdown_renders(text: str) -> None:
    md = rendering.site_markdown()
    md.reset()
    assert isinstance(md.treeprocessors["inline"], rendering._MarkedTextOnly)
    assert md.convert(text) == _plain(text)


def test_every_real_page_renders_as_python_markdown_renders_it() -> None:
    md = rendering.site_markdown()
    for path in [page.path for page in load_site().all_pages()] + sorted(INCLUDES.rglob("*.md")):
        text = path.read_text(encoding="utf-8")
        md.reset()
        assert md.convert(text) == _plain(text), path


@pytest.mark.parametrize("name", ["new_pattern", "link"])  # a new name, or a known one
def test_an_inline_pattern_the_shortcut_does_not_know_turns_it_off(name: str) -> None:
    md = rendering.plain_markdown()
    assert rendering.inline_starts(md) is not None
    md.inlinePatterns.register(SimpleTextInlineProcessor(r"(@@)"), name, 5)
    assert rendering.inline_starts(md) is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("-5 °C", [("-5", "-5 °C")]),
        ("a \u22125 and (-5)", [("-5", "\u22125"), ("-5", "-5")]),
        ("5-12", [("5", "5"), ("12", "12")]),
        ("COVID-19", [("19", "19")]),
        ("--5", [("5", "5")]),
        ("5 %-3", [("5", "5 %"), ("-3", "-3")]),
        ("- 5", [("5", "5")]),
    ],
)
def test_a_minus_sign_is_read_only_where_it_is_one(text: str, found: list[tuple[str, str]]) -> None:
    assert [(n.value, n.text) for n in numerals(text, number_style("en"))] == found
