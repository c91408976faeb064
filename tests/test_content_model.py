"""The content model (data/content_model.yml): page types are declared once, and a
new type is one declaration that the checks and the scaffold follow."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from helpers import FixtureSite, problems_of
from sitekit import model, scaffold
from sitekit.datafile import DataError

TODAY = dt.date(2026, 6, 1)

# A third page type, declared as an editor would, with one section no other type has.
COMPARISON = """
  comparison:
    folder: comparisons
    must_cite: true
    sections:
      overview:
        prompt: what is compared, and for whom.
      table:
        prompt: the table of treatments and what the evidence says about each.
      sources: {}
"""
HEADINGS = {"en": "Overview", "es": "Resumen", "no": "Oversikt"}
TABLES = {"en": "Side by side", "es": "Comparación", "no": "Side om side"}


def declare_comparison(site: FixtureSite, *, headings: bool = True) -> None:
    with (site.root / "data" / "content_model.yml").open("a", encoding="utf-8") as handle:
        handle.write(COMPARISON)
    if headings:
        ui = site.root / "data" / "ui.yml"
        text = ui.read_text(encoding="utf-8")
        for lang in HEADINGS:
            block = re.search(rf'^"?{lang}"?:\n', text, re.MULTILINE)
            assert block is not None
            at = text.index("  sections:\n", block.end()) + len("  sections:\n")
            added = f"    overview: {HEADINGS[lang]}\n    table: {TABLES[lang]}\n"
            text = text[:at] + added + text[at:]
        ui.write_text(text, encoding="utf-8")


def comparison_page(site: FixtureSite, lang: str, *, with_table: bool = True) -> str:
    table = f"## {TABLES[lang]} {{#table}}\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n"
    return (
        site.read(lang, "index.md")
        .replace("sources: []", "page_type: comparison\nsources: [TEST-TRIAL-2020]")
        .rstrip()
        + f"[^TEST-TRIAL-2020]\n\n## {HEADINGS[lang]} {{#overview}}\n\nText.\n\n"
        + (table if with_table else "")
        + "## Sources {#sources}\n\nNotes.\n"
    )


def test_the_real_model_declares_the_treatment_sections_in_order() -> None:
    content = model.load()
    treatment = content.page_types["treatment"]
    assert treatment.section_ids[0] == "at-a-glance"
    assert treatment.section_ids[-1] == content.last_section
    assert {"risks", "urgent-help"} <= content.safety_sections
    assert content.default_type.name == "general"
    assert content.type_for("treatments/x").name == "treatment"


def test_a_third_page_type_is_one_declaration(site: FixtureSite) -> None:
    declare_comparison(site)
    site.write("en", comparison_page(site, "en", with_table=False), rel="compare.md")
    problems = problems_of(site, "structure", site.path("en", "compare.md"))
    assert any("a comparison page needs the section {#table}" in p.message for p in problems)
    assert any("#overview, #table, #sources" in p.hint for p in problems)


def test_pages_of_a_declared_type_pass_when_complete(site: FixtureSite) -> None:
    declare_comparison(site)
    for lang in HEADINGS:
        site.write(lang, comparison_page(site, lang), rel="compare.md")
    typed = {"structure", "heading-id", "citation", "front-matter", "ui-strings"}
    assert [p for p in site.problems() if p.code in typed] == []


def test_an_undeclared_page_type_names_the_declared_ones(site: FixtureSite) -> None:
    declare_comparison(site)
    site.replace("en", "page_type: treatment", "page_type: comparision")
    [problem] = [
        p for p in problems_of(site, "front-matter", site.path("en")) if "page_type" in p.message
    ]
    assert "general, treatment, comparison" in problem.hint


def test_a_declared_type_needs_its_headings_in_every_language(site: FixtureSite) -> None:
    declare_comparison(site, headings=False)
    ui = site.root / "data" / "ui.yml"
    problems = problems_of(site, "ui-strings", ui)
    assert len([p for p in problems if "{#table}" in p.message]) == 3
    assert all(p.line > 1 and "under sections" in p.hint for p in problems)


def test_the_scaffold_writes_the_sections_of_a_declared_type(site: FixtureSite) -> None:
    declare_comparison(site)
    planned = scaffold.plan(
        "comparisons/fillers",
        "Fillers compared",
        None,  # the type of the folder
        TODAY,
        site.docs,
        site.root / "mkdocs.yml",
        site.root / "data",
    )
    texts = {path.parent.parent.name: text for path, text in planned.files.items()}
    assert "page_type: comparison" in texts["en"]
    assert "## Oversikt {#overview}" in texts["no"]
    assert texts["es"].index("{#overview}") < texts["es"].index("{#table}")
    assert "[TODO: write] the table of treatments" in texts["en"]
    assert "[TODO: translate] the table of treatments" in texts["es"]


def test_a_broken_model_is_a_data_error_on_its_line(site: FixtureSite) -> None:
    path = site.root / "data" / "content_model.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("    default: true\n", "    default: true\n    folder: 3\n"))
    with pytest.raises(DataError) as caught:
        model.load(path)
    problem = caught.value.problem
    assert problem.line == text.splitlines().index("    default: true") + 2
    assert "'folder'" in problem.message
    [reported] = [p for p in site.problems() if p.path == path.as_posix()]
    assert reported == problem


def test_two_default_types_are_refused(site: FixtureSite) -> None:
    path = site.root / "data" / "content_model.yml"
    path.write_text(path.read_text(encoding="utf-8") + COMPARISON + "    default: true\n")
    with pytest.raises(DataError, match="2 page types are marked 'default: true'"):
        model.load(path)


def test_a_register_entry_is_checked_against_its_schema_on_the_fields_line(
    site: FixtureSite,
) -> None:
    register = site.root / "sources.yml"
    text = register.read_text(encoding="utf-8")
    register.write_text(
        text.replace("doi: 10.1000/example.2020", "doi: doi.org/10.1000/example.2020").replace(
            "  publisher: Example Medicines Agency\n", ""
        ),
        encoding="utf-8",
    )
    problems = {p.message: p for p in problems_of(site, "sources", register)}
    lines = register.read_text(encoding="utf-8").splitlines()
    bad_doi = problems[
        "TEST-TRIAL-2020: 'doi' cannot be 'doi.org/10.1000/example.2020': it should be a DOI."
    ]
    assert lines[bad_doi.line - 1].startswith("  doi:") and "bare DOI" in bad_doi.hint
    missing = problems["TEST-REG-2021: the entry has no 'publisher'."]
    assert lines[missing.line - 1] == "TEST-REG-2021:"
