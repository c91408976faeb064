"""Reading level: what is scored, the scores, the targets, and status.py's report."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import FIXTURE
from sitekit import cli, readability, status_reading
from sitekit.content import load_site
from sitekit.pages import parse_page
from sitekit.project import DATA, ROOT, languages

PAGE = """---
title: Example
---

--8<-- "en/disclaimer.md"

## At a glance {#at-a-glance}

- Short point one
- Short point two;

## What it is {#what-it-is}

| | A | B |
|---|---|---|
| **Row** | cell words here | more cell words |

A first paragraph, written over
two lines. A second sentence[^SRC] with a [link](x.md)

*[term]: explanation
"""


def test_only_paragraphs_and_list_items_are_scored_each_ending_a_sentence() -> None:
    page, _ = parse_page(Path("x.md"), "en", "x.md", PAGE)
    assert readability.readable_text(page) == (
        "Short point one. Short point two. A first paragraph, written over two lines. "
        "A second sentence with a link."
    )
    assert readability.readable_text(page, "at-a-glance") == "Short point one. Short point two."
    assert readability.readable_text(page, "missing") == ""


def test_each_language_has_its_formula_and_target() -> None:
    targets = readability.settings().targets
    formulas = {code: target.formula for code, target in targets.items()}
    assert {"en": "flesch_kincaid_grade", "es": "fernandez_huerta", "no": "lix"}.items() <= (
        formulas.items()
    )
    assert targets["en"].met(8.0) and not targets["en"].met(8.1)
    assert targets["es"].met(70.0) and not targets["es"].met(69.9)
    # Every language of the site is scored.
    assert {lang.code for lang in languages()} <= set(targets)


@pytest.mark.parametrize(
    ("code", "easy", "hard"),
    [
        (
            "en",
            "The cat sat. It was glad.",
            "Intravenous micronutrient supplementation "
            "demonstrated no statistically significant therapeutic superiority.",
        ),
        (
            "es",
            "El gato come. Está feliz.",
            "La administración intravenosa de micronutrientes "
            "no demostró superioridad terapéutica estadísticamente significativa.",
        ),
        (
            "no",
            "Katten sov. Den var glad.",
            "Intravenøs tilførsel av mikronæringsstoffer "
            "viste ingen statistisk signifikant terapeutisk overlegenhet.",
        ),
    ],
)
def test_scores_tell_easy_text_from_hard_text(code: str, easy: str, hard: str) -> None:
    lang = next(lang for lang in languages() if lang.code == code)
    target = readability.settings().targets[code]
    easy_score = readability.score(easy, code, lang.html_lang)
    hard_score = readability.score(hard, code, lang.html_lang)
    assert easy_score is not None and hard_score is not None
    assert target.met(easy_score) and not target.met(hard_score)
    assert readability.score("  ", code, lang.html_lang) is None


def test_the_style_guide_states_the_targets_of_the_data_file() -> None:
    guide = (ROOT / "STYLE_GUIDE.md").read_text(encoding="utf-8")
    section = guide.split("## Reading level", 1)[1].split("\n## ", 1)[0]
    for target in readability.settings().targets.values():
        row = next(line for line in section.splitlines() if f"| {target.name} |" in line)
        assert f"| {target.value:g} or {'lower' if target.lower_is_better else 'higher'} |" in row


def test_status_reports_the_reading_level_and_warns_when_a_target_is_missed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.status_main(["--docs", str(FIXTURE / "docs")]) == 0
    out = capsys.readouterr().out
    reading = out.split("Flesch–Kincaid grade ≤ 8", 1)[1]
    assert "Fernández-Huerta ≥ 70" in reading and "LIX ≤ 40" in reading
    row = next(line for line in reading.splitlines() if line.startswith("treatments/example.md"))
    # Three languages, each with the page's score and its "at a glance" score.
    assert len(re.findall(r"\d+\.\d( !)? / \d+\.\d", row)) == 3, row
    warning = status_reading.reading_warning(
        status_reading.collect_reading(load_site(FIXTURE / "docs"))
    )
    # Pages of the fixture miss their target: the warning must be printed.
    assert warning is not None and f"\n{warning}\n" in out
    assert cli.status_main(["--docs", str(FIXTURE / "docs"), "--format", "markdown"]) == 0
    markdown = capsys.readouterr().out
    assert "## Reading level" in markdown and "| `treatments/example.md` |" in markdown


def test_the_warning_counts_pages_and_summaries_that_miss_their_target() -> None:
    rows = [
        status_reading.Reading("a.md", {"en": (9.0, 7.0), "es": (71.0, None), "no": (40.0, 41.0)}),
        status_reading.Reading("b.md", {"en": (8.0, None), "es": (69.9, 70.0), "no": (30.0, None)}),
    ]
    assert status_reading.reading_warning(rows) == (
        "warning: 2 of 6 pages and 1 of 3 'at-a-glance' sections miss the reading-level "
        "target of their language (STYLE_GUIDE.md)."
    )
    assert (
        status_reading.reading_warning([status_reading.Reading("c.md", {"en": (7.5, 6.0)})]) is None
    )


def test_status_scores_are_those_of_the_pages() -> None:
    site = load_site(FIXTURE / "docs")
    (row,) = [r for r in status_reading.collect_reading(site) if r.rel == "treatments/example.md"]
    for lang in site.languages:
        page = site.pages[lang.code]["treatments/example.md"]
        text = readability.readable_text(page)
        assert text
        assert row.scores[lang.code][0] == readability.score(text, lang.code, lang.html_lang)


def test_a_wrong_readability_file_is_reported_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (DATA / "readability.yml").read_text(encoding="utf-8")
    broken = tmp_path / "readability.yml"
    broken.write_text(text.replace("formula: lix", "formula: smog"), encoding="utf-8")
    monkeypatch.setattr(readability, "READABILITY_FILE", broken)
    assert cli.status_main(["--docs", str(FIXTURE / "docs")]) == 1
    out = capsys.readouterr().out
    lines = broken.read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, 1) if "smog" in text)
    assert f"readability.yml:{line}: error [data]" in out
    assert "needs a formula (flesch_kincaid_grade, fernandez_huerta, lix)" in out
