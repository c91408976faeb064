"""The pieces of the post-build step, on small inputs: markup changes, navigation,
structured data, links, and the treatment-page data file with its errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import FixtureSite
from sitekit import markup, sitenav, structured_data, treatment_pages, ui, wayfinding
from sitekit.datafile import DataError
from sitekit.project import DATA

ARTICLE = '<article class="md-content__inner md-typeset">{}</article>'


def test_skip_link_is_sent_to_the_title() -> None:
    page = '<a href="#at-a-glance" class="md-skip">Skip</a>' + ARTICLE.format("<h1>Title</h1>")
    changed = markup.skip_to_title(page)
    assert '<a href="#page-title" class="md-skip">' in changed
    assert '<h1 id="page-title" tabindex="-1">Title</h1>' in changed
    # No skip link (a page without sections) or no title: nothing to change.
    assert markup.skip_to_title(ARTICLE.format("<h1>Title</h1>")) == ARTICLE.format(
        "<h1>Title</h1>"
    )
    assert markup.skip_to_title('<a href="#x" class="md-skip">') == '<a href="#x" class="md-skip">'


def test_glossary_terms_get_one_tab_stop_each_and_a_described_explanation() -> None:
    body = (
        '<p><abbr title="A dummy.">placebo</abbr> and <abbr title="A dummy.">placebo</abbr>, '
        '<a href="x/"><abbr title="Gas.">ozone</abbr></a>, <abbr title="Into a vein.">IV</abbr></p>'
    )
    changed = markup.focusable_glossary_terms(ARTICLE.format(body))
    terms = re.findall(r"<abbr [^>]*>", changed)
    assert terms == [
        '<abbr title="A dummy." tabindex="0" aria-describedby="glossary-term-1">',
        '<abbr title="A dummy." aria-describedby="glossary-term-1">',
        '<abbr title="Gas.">',  # inside a link: the link takes the focus
        '<abbr title="Into a vein." tabindex="0" aria-describedby="glossary-term-2">',
    ]
    assert (
        '<div class="glossary-definitions" hidden><span id="glossary-term-1">A dummy.</span>'
        '<span id="glossary-term-2">Into a vein.</span></div></article>'
    ) in changed
    plain = ARTICLE.format("<p>No terms.</p>")
    assert markup.focusable_glossary_terms(plain) == plain


def test_tables_with_row_labels_are_wrapped_and_wide_ones_marked() -> None:
    def table(columns: int, first: str = "") -> str:
        head = "".join(f"<th>T{i}</th>" for i in range(1, columns))
        return f"<table>\n<thead>\n<tr>\n<th>{first}</th>{head}</tr></thead><tbody></tbody></table>"

    page = table(6) + table(4) + table(6, first="Name")
    changed = markup.mark_row_label_tables(page)
    assert changed == (
        f'<div class="row-labels row-labels--wide">{table(6)}</div>'
        f'<div class="row-labels">{table(4)}</div>{table(6, first="Name")}'
    )


def test_empty_tabindex_is_dropped_and_the_switcher_repointed() -> None:
    label = '<label class="md-nav__link" for="__nav_2" id="__nav_2_label" tabindex="">'
    assert markup.drop_empty_tabindex(label) == label.replace(' tabindex=""', "")
    switcher = (
        '<a href="/es/treatments/ozone-therapy/" hreflang="es" class="md-select__link">'
        '<a href="/treatments/ozone-therapy/" hreflang="en" class="md-select__link">'
    )
    changed = markup.point_switcher_at(switcher, {"es": "/es/", "en": "/"})
    assert changed == (
        '<a href="/es/" hreflang="es" class="md-select__link">'
        '<a href="/" hreflang="en" class="md-select__link">'
    )


def test_fragments_go_where_they_belong() -> None:
    page = ARTICLE.format(
        '<h1>T</h1><h2 id="a">A</h2><p>a</p><h2 id="contact">C</h2><p>c</p><h2 id="sources">S</h2>'
    )
    assert markup.insert_after_heading(page, "a", "[X]") == page.replace("A</h2>", "A</h2>[X]")
    assert markup.insert_before_heading(page, "sources", "[X]") == page.replace(
        '<h2 id="sources"', '[X]<h2 id="sources"'
    )
    assert markup.insert_at_section_end(page, "contact", "[X]") == page.replace(
        "<p>c</p>", "<p>c</p>[X]"
    )
    assert markup.insert_at_article_end(page, "[X]").endswith("[X]</article>")
    assert markup.insert_before_article(page, "[X]") == "[X]" + page
    assert markup.insert_after_heading(page, "missing", "[X]") is None
    assert markup.insert_at_section_end(page, "missing", "[X]") is None


NAV = [
    "index.md",
    {"Treatments": ["t/a.md", "t/b.md", "t/c.md", "t/d.md"]},
    "compare.md",
    {"About": "about.md"},
]


def test_the_navigation_gives_sections_and_related_pages_in_order() -> None:
    entries = sitenav.entries(NAV)
    assert [(e.rel, e.sections) for e in entries][:2] == [
        ("index.md", ()),
        ("t/a.md", ("Treatments",)),
    ]
    assert sitenav.section_titles(NAV) == ["Treatments"]
    assert sitenav.siblings(entries, "t/c.md", 2) == ["t/d.md", "t/a.md"]  # wraps around
    assert sitenav.siblings(entries, "t/a.md", 8) == ["t/b.md", "t/c.md", "t/d.md"]
    assert sitenav.siblings(entries, "compare.md", 8) == []
    assert sitenav.translated("Treatments", {"Treatments": "Tratamientos"}) == "Tratamientos"
    assert sitenav.translated("Treatments", None) == "Treatments"


def test_links_between_built_pages_are_relative() -> None:
    page = "es/treatments/a/index.html"
    assert wayfinding.relative(page, "es/treatments/b/index.html") == "../b/"
    assert wayfinding.relative(page, "es/index.html") == "../../"
    assert wayfinding.relative("index.html", "compare/index.html") == "compare/"
    assert wayfinding.relative(page, page) == "./"
    link = wayfinding.report_link("https://x.test/new?page={page}&a=1", "https://g.test/a b/", "R")
    assert link == (
        '<p class="report-error"><a href="https://x.test/new?page=https%3A%2F%2Fg.test%2Fa%20b%2F'
        '&amp;a=1">R</a></p>'
    )


def test_structured_data_cannot_end_its_script_element() -> None:
    data = structured_data.medical_web_page(
        url="https://g.test/",
        name="</script><script>alert(1)</script>",
        description="d",
        in_language="nb",
        last_reviewed=None,
        publisher="P",
        home_url="https://g.test/",
        procedure=True,
    )
    tag = structured_data.script_tag(data)
    assert tag.count("</script>") == 1 and tag.endswith("</script>")
    parsed = json.loads(
        tag.removeprefix('<script type="application/ld+json">')[: -len("</script>")]
    )
    assert parsed["name"] == "</script><script>alert(1)</script>"
    assert parsed["about"] == {"@type": "MedicalProcedure", "name": parsed["name"]}
    assert "lastReviewed" not in parsed


def test_the_urgent_help_numbers_are_tap_to_call_links_in_the_language_order() -> None:
    settings = treatment_pages.load()
    norwegian = treatment_pages.callout_html(settings, "no")
    assert re.findall(r'href="(tel:\d+)">([\d -]+)</a>', norwegian) == [
        ("tel:113", "113"),
        ("tel:112", "112"),
        ("tel:911", "911"),
        ("tel:116117", "116 117"),
        ("tel:22591300", "22 59 13 00"),
        ("tel:18002221222", "1-800-222-1222"),
    ]
    assert [href for href, _ in treatment_pages.expected_links(settings, "es")] == [
        "tel:112",
        "tel:113",
        "tel:911",
        "tel:116117",
        "tel:22591300",
        "tel:18002221222",
    ]
    # Each kind under its own heading, in the reader's language.
    words = ui.strings("no")["urgent_help"]
    kinds = re.findall(r'<p class="urgent-help-callout__kind">([^<]+)</p>', norwegian)
    assert kinds == [words["emergency"], words["same-day"], words["poison"]]


def _data(tmp_path: Path, old: str, new: str) -> Path:
    """A copy of data/treatment_pages.yml with one change (a new file each time:
    the file is read once per path)."""
    text = (DATA / "treatment_pages.yml").read_text(encoding="utf-8")
    assert old in text, old
    path = tmp_path / f"treatment_pages-{len(list(tmp_path.glob('treatment_pages-*')))}.yml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message", "line_text"),
    [
        ('dial: "113"', "dial: 113x", "dial must be a quoted number", "no-emergency:"),
        ("kind: same-day", "kind: later", "kind must be one of", "no-out-of-hours:"),
        ("  section: urgent-help", "  part: urgent-help", "needs a section", "urgent_help:"),
        ("  limit: 8", "  limit: many", "related needs a limit", "related:"),
        ("page_type: treatment", "page_type: [x", "not valid YAML", None),
    ],
)
def test_a_wrong_data_file_is_reported_with_its_line(
    tmp_path: Path, old: str, new: str, message: str, line_text: str | None
) -> None:
    path = _data(tmp_path, old, new)
    (problem,) = treatment_pages.problems(("en",), path)
    assert problem.code == "data" and message in problem.message
    assert problem.path == path.as_posix()
    if line_text is not None:
        lines = path.read_text(encoding="utf-8").splitlines()
        assert line_text in lines[problem.line - 1]
    with pytest.raises(DataError):
        treatment_pages.load(path)


def test_a_number_without_words_in_a_language_is_reported(tmp_path: Path) -> None:
    path = _data(
        tmp_path,
        "    no-out-of-hours:",
        '    es-poison: {dial: "915620420", kind: poison, source: EU-112}\n    no-out-of-hours:',
    )
    problems = treatment_pages.problems(("en", "es", "no"), path)
    assert [(p.path, p.code) for p in problems] == [("data/ui.yml", "data")] * 3
    assert all("missing: es-poison" in p.message for p in problems)
    lines = (DATA / "ui.yml").read_text(encoding="utf-8").splitlines()
    assert all(lines[p.line - 1].strip() == "urgent_help:" for p in problems)


def _line_with(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if text in line)


def _broken_site(tmp_path: Path, old: str, new: str) -> tuple[FixtureSite, Path]:
    """The fixture site with one change to its own data/treatment_pages.yml."""
    site = FixtureSite(tmp_path / "site")
    path = site.root / "data" / "treatment_pages.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return site, path


def test_the_checker_reports_a_wrong_data_file(tmp_path: Path) -> None:
    assert treatment_pages.problems(("en", "es", "no")) == []
    site, broken = _broken_site(tmp_path, '"112", kind: emergency', '"112", kind: soon')
    problems = site.problems()
    assert [(p.code, p.line) for p in problems] == [("data", _line_with(broken, "kind: soon"))]


def test_a_number_without_a_citable_source_is_reported(tmp_path: Path) -> None:
    site, broken = _broken_site(tmp_path, "source: US-FCC-911", "source: US-NOT-IN-THE-REGISTER")
    (problem,) = site.problems()
    assert (problem.code, problem.line) == ("data", _line_with(broken, "US-NOT-IN-THE-REGISTER"))
    assert "'US-NOT-IN-THE-REGISTER' of 911 is not a citable source" in problem.message
    missing = _data(tmp_path, ", source: US-FCC-911", "")
    (problem,) = treatment_pages.problems(("en",), missing)
    assert "us-emergency: give the source of the number" in problem.message
