"""Every failure mode of the content checks is caught, and names the file (and line)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from helpers import FixtureSite, line_of, only
from sitekit.report import Severity

EXAMPLE = "treatments/example.md"


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path)


# --- 1. Translation parity -------------------------------------------------------------


def test_missing_translation_names_the_english_page_and_the_missing_file(site: FixtureSite) -> None:
    site.path("no").unlink()
    [problem] = only(site.problems(), "missing-translation", site.path("en"))
    assert "docs/no/treatments/example.md" in problem.message


def test_translation_without_english_original_is_an_error(site: FixtureSite) -> None:
    extra = site.write("es", site.read("es"), rel="treatments/only-in-spanish.md")
    only(site.problems(), "missing-original", extra)


# --- 2. Disclaimer ---------------------------------------------------------------------


def test_page_without_disclaimer_is_named(site: FixtureSite) -> None:
    site.replace("no", '--8<-- "no/disclaimer.md"', "")
    [problem] = only(site.problems(), "disclaimer", site.path("no"))
    assert "no safety disclaimer" in problem.message


def test_page_showing_another_languages_disclaimer(site: FixtureSite) -> None:
    site.replace("es", '--8<-- "es/disclaimer.md"', '--8<-- "en/disclaimer.md"')
    [problem] = only(site.problems(), "disclaimer", site.path("es"))
    assert "en disclaimer" in problem.message
    assert problem.line == line_of(site.path("es"), "en/disclaimer.md")


def test_disclaimer_below_the_first_section(site: FixtureSite) -> None:
    site.replace("en", '--8<-- "en/disclaimer.md"\n', "")
    site.replace(
        "en", "## Sources {#sources}\n", '## Sources {#sources}\n\n--8<-- "en/disclaimer.md"\n'
    )
    [problem] = only(site.problems(), "disclaimer", site.path("en"))
    assert "before the first section" in problem.message


def test_disclaimer_included_twice(site: FixtureSite) -> None:
    site.replace("en", '--8<-- "en/disclaimer.md"\n', '--8<-- "en/disclaimer.md"\n' * 2)
    [problem] = only(site.problems(), "disclaimer", site.path("en"))
    assert "more than once" in problem.message


def test_broken_disclaimer_file_is_named(site: FixtureSite) -> None:
    include = site.root / "includes" / "es" / "disclaimer.md"
    include.write_text("Consulte a su médico.\n", encoding="utf-8")
    from sitekit.checks import disclaimer

    [problem] = [p for p in disclaimer.check(site.context()) if p.path == include.as_posix()]
    assert "Spanish disclaimer cannot be used" in problem.message


# --- 3. Front matter -------------------------------------------------------------------


def test_missing_required_key(site: FixtureSite) -> None:
    site.replace("en", "last_reviewed: 2026-01-15\n", "")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("no 'last_reviewed'" in p.message for p in problems)


def test_unknown_key_suggests_the_right_one(site: FixtureSite) -> None:
    site.replace("en", "next_review:", "next_reveiw:")
    problems = only(site.problems(), "front-matter", site.path("en"))
    unknown = [p for p in problems if "unknown front-matter key 'next_reveiw'" in p.message]
    assert unknown and "next_review" in unknown[0].hint
    assert unknown[0].line == line_of(site.path("en"), "next_reveiw")


def test_wrong_type(site: FixtureSite) -> None:
    site.replace("en", "sources: [TEST-TRIAL-2020, TEST-REG-2021]", "sources: TEST-TRIAL-2020")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("'sources' should be a list" in p.message for p in problems)


def test_quoted_date_is_explained(site: FixtureSite) -> None:
    site.replace("en", "last_reviewed: 2026-01-15", 'last_reviewed: "2026-01-15"')
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("remove the quotes" in p.hint for p in problems)


def test_bare_no_read_as_false_gets_a_hint_to_quote_it(site: FixtureSite) -> None:
    site.replace("no", "title: Eksempelbehandling", "title: no")
    [problem] = only(site.problems(), "front-matter", site.path("no"))
    assert "false" in problem.message
    assert 'title: "no"' in problem.hint
    assert problem.line == line_of(site.path("no"), "title: no")


def test_yaml_syntax_error_reports_file_and_line(site: FixtureSite) -> None:
    site.replace("es", "description: Qué es", "description: [Qué es")
    [problem] = only(site.problems(), "yaml", site.path("es"))
    assert problem.line == line_of(site.path("es"), "description:")  # where the [ is opened


def test_duplicate_key(site: FixtureSite) -> None:
    site.replace("en", "title: Example therapy\n", "title: Example therapy\ntitle: Again\n")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("given twice" in p.message for p in problems)


def test_page_without_front_matter(site: FixtureSite) -> None:
    text = site.read("en")
    site.write("en", text.split("---\n", 2)[2])
    [problem] = only(site.problems(), "front-matter", site.path("en"))
    assert problem.line == 1 and "does not start with front matter" in problem.message


def test_review_dates_must_make_sense(site: FixtureSite) -> None:
    site.replace("en", "next_review: 2026-12-31", "next_review: 2025-12-31")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("after the last review date" in p.message for p in problems)
    site.replace("en", "last_reviewed: 2026-01-15", "last_reviewed: 2026-09-01")
    problems = only(site.problems(), "front-matter", site.path("en"))
    assert any("in the future" in p.message for p in problems)


def test_translation_must_record_its_english_hash(site: FixtureSite) -> None:
    text = re.sub(r"translated_from:\n(?:  .*\n)+", "", site.read("es"))
    assert "translated_from" not in text
    site.write("es", text)
    problems = only(site.problems(), "front-matter", site.path("es"))
    assert any("--mark-translated" in p.hint for p in problems)


# --- 4. Structure -----------------------------------------------------------------------


def test_heading_without_id(site: FixtureSite) -> None:
    site.replace("en", "## Regulation {#regulation}", "## Regulation")
    problems = only(site.problems(), "heading-id", site.path("en"))
    assert problems[0].line == line_of(site.path("en"), "## Regulation")


def test_level_one_heading_in_the_body(site: FixtureSite) -> None:
    site.replace("en", "## At a glance", "# Example therapy\n\n## At a glance")
    only(site.problems(), "structure", site.path("en"))


def test_translation_missing_a_section(site: FixtureSite) -> None:
    site.replace("no", "### Kvaliteten på studiene {#study-quality}\n", "")
    problems = only(site.problems(), "structure", site.path("no"))
    assert any("{#study-quality}" in p.message for p in problems)


def test_translation_with_an_extra_section(site: FixtureSite) -> None:
    site.replace(
        "es",
        "## Fuentes {#sources}",
        "## Costes {#costs}\n\nEl precio varía mucho.\n\n## Fuentes {#sources}",
    )
    problems = only(site.problems(), "structure", site.path("es"))
    assert any("{#costs} does not exist in the English page" in p.message for p in problems)


def test_translation_with_sections_in_another_order(site: FixtureSite) -> None:
    text = site.read("es")
    claims = text.index("## Qué se promete")
    evidence = text.index("## Qué dicen los estudios")
    risks = text.index("## Riesgos")
    swapped = text[:claims] + text[evidence:risks] + text[claims:evidence] + text[risks:]
    site.write("es", swapped)
    problems = only(site.problems(), "structure", site.path("es"))
    assert any("different order" in p.message for p in problems)


def test_translation_with_a_section_at_another_level(site: FixtureSite) -> None:
    site.replace("no", "### Kvaliteten", "## Kvaliteten")
    problems = only(site.problems(), "structure", site.path("no"))
    assert any("level 2, but level 3" in p.message for p in problems)


def test_treatment_page_missing_a_standard_section(site: FixtureSite) -> None:
    for lang, heading in (
        ("en", "## Questions to ask {#questions}"),
        ("es", "## Preguntas que conviene hacer {#questions}"),
        ("no", "## Spørsmål du bør stille {#questions}"),
    ):
        site.replace(lang, heading, "")
    problems = only(site.problems(), "structure", site.path("en"))
    assert any("needs the section {#questions}" in p.message for p in problems)


def test_translation_citing_other_sources(site: FixtureSite) -> None:
    site.replace(
        "no",
        "personell kan sette disse injeksjonene.[^TEST-REG-2021]",
        "personell kan sette disse injeksjonene.",
    )
    problems = only(site.problems(), "sources-parity", site.path("no"))
    assert any("TEST-REG-2021" in p.message for p in problems)


# --- Sources ---------------------------------------------------------------------------


def test_citation_not_in_the_register(site: FixtureSite) -> None:
    site.replace("en", "[^TEST-REG-2021]", "[^TEST-REG-2012]")
    problems = only(site.problems(), "citation", site.path("en"))
    assert any("TEST-REG-2012] is not in data/sources.yml" in p.message for p in problems)
    assert any("TEST-REG-2021" in p.hint for p in problems)


def test_an_unrelated_id_is_never_suggested(site: FixtureSite) -> None:
    # Another author of the same year: difflib alone (cutoff 0.6) offered TEST-REG-2021.
    site.replace("en", "[^TEST-REG-2021]", "[^TEST-KIM-2021]")
    [problem] = [
        p
        for p in only(site.problems(), "citation", site.path("en"))
        if "is not in data/sources.yml" in p.message
    ]
    assert "did you mean" not in problem.hint
    assert problem.hint.startswith("add the source to data/sources.yml first")


def test_cited_source_missing_from_front_matter(site: FixtureSite) -> None:
    site.replace("en", "sources: [TEST-TRIAL-2020, TEST-REG-2021]", "sources: [TEST-TRIAL-2020]")
    problems = only(site.problems(), "citation", site.path("en"))
    assert any("not listed under 'sources'" in p.message for p in problems)


def test_footnote_text_written_in_the_page(site: FixtureSite) -> None:
    site.replace(
        "en", "The numbered notes", "[^TEST-REG-2021]: My own citation.\n\nThe numbered notes"
    )
    only(site.problems(), "citation", site.path("en"))


def test_grade_d_source_cannot_be_cited(site: FixtureSite) -> None:
    register = site.root / "sources.yml"
    register.write_text(register.read_text().replace("grade: A", "grade: D"))
    problems = site.problems()
    [problem] = [p for p in problems if p.path == register.as_posix()]
    assert "grade D" in problem.message


def test_register_with_a_yaml_error_is_reported_on_its_line(site: FixtureSite) -> None:
    register = site.root / "sources.yml"
    register.write_text(register.read_text().replace("grade: A", "grade: [A", 1))
    [problem] = [p for p in site.problems() if p.path == register.as_posix()]
    assert problem.code == "yaml"
    assert line_of(register, "grade: [A") <= problem.line <= line_of(register, "grade: [A") + 2


# --- 5. Numbers --------------------------------------------------------------------------


def test_changed_range_is_caught_even_if_the_number_appears_elsewhere(site: FixtureSite) -> None:
    site.replace("es", "de 6 a 10 sesiones", "de 5 a 10 sesiones")
    site.replace("es", "Un ensayo con", "Un ensayo (5 centros) con")
    problems = only(site.problems(), "numbers", site.path("es"))
    assert {p.message.split()[2] for p in problems} == {"5", "6"}


def test_decimal_comma_thousands_and_range_styles_are_equivalent(site: FixtureSite) -> None:
    # The fixture already writes 99,9 % / 99,9 prosent, 1022 and "de 6 a 10" for 99.9%, 1,022, 6–10.
    assert [p for p in site.problems() if p.code == "numbers"] == []


def test_changed_decimal_is_caught(site: FixtureSite) -> None:
    site.replace("no", "99,9 prosent", "99 prosent")
    problems = only(site.problems(), "numbers", site.path("no"))
    assert problems[0].line == line_of(site.path("no"), "99 prosent")


def test_number_in_words_is_caught(site: FixtureSite) -> None:
    site.replace("es", "tras 12 semanas", "tras doce semanas")
    problems = only(site.problems(), "numbers", site.path("es"))
    assert "12" in problems[0].message


def test_a_second_process_reports_the_same_problems_in_the_same_order(site: FixtureSite) -> None:
    from sitekit.checks import run

    site.replace("es", "de 6 a 10 sesiones", "de 5 a 10 sesiones")  # numbers: second process
    site.replace("no", '--8<-- "no/disclaimer.md"', "")  # disclaimer: this process
    context = site.context()
    alone = run(context, parallel=False)
    assert {"numbers", "disclaimer"} <= {p.code for p in alone}
    assert run(context, parallel=True) == alone


# --- 6. Language -------------------------------------------------------------------------


def test_untranslated_paragraph_is_caught_on_its_line(site: FixtureSite) -> None:
    english = site.read("en").split("## Risks and side effects {#risks}\n\n")[1].split("\n")[0]
    spanish = site.read("es").split("## Riesgos y efectos adversos {#risks}\n\n")[1].split("\n")[0]
    site.replace("es", spanish, english)
    [problem] = only(site.problems(), "language", site.path("es"))
    assert "reads as English" in problem.message
    assert problem.line == line_of(site.path("es"), "Bruising, pain")


def test_english_page_under_the_norwegian_folder(site: FixtureSite) -> None:
    text = site.read("en").replace('"en/disclaimer.md"', '"no/disclaimer.md"')
    record = 'translated_from:\n  _intro: {en: "x", tr: "y"}\n'
    site.write("no", text.replace("sources: [", record + "sources: ["))
    problems = only(site.problems(), "language", site.path("no"))
    assert any(p.message.startswith("the page reads as English") for p in problems)


def test_danish_is_not_norwegian(site: FixtureSite) -> None:
    danish = (
        "Blå mærker, smerter og hævelse, hvor nålen gik ind, er almindelige, og der er "
        "beskrevet infektioner efter behandlingen hos flere patienter."
    )
    norwegian = site.read("no").split("## Risiko og bivirkninger {#risks}\n\n")[1].split("\n")[0]
    site.replace("no", norwegian, danish)
    [problem] = only(site.problems(), "language", site.path("no"))
    assert "reads as Danish" in problem.message


def test_a_short_gloss_in_another_language_is_not_an_error(site: FixtureSite) -> None:
    spanish = site.read("es").split("## Riesgos y efectos adversos {#risks}\n\n")[1].split("\n")[0]
    gloss = (
        "La FDA (Food and Drug Administration), la agencia del medicamento de Estados "
        "Unidos, no ha aprobado ningún producto para la caída del pelo con esta técnica."
    )
    site.replace("es", spanish, gloss)
    assert [p for p in site.problems() if p.code == "language"] == []


# --- 7. Freshness ------------------------------------------------------------------------


def test_changed_english_section_makes_translations_outdated(site: FixtureSite) -> None:
    site.replace("en", "are common,", "are very common,")  # in {#risks}
    problems = site.problems()
    for lang in ("es", "no"):
        [problem] = only(problems, "outdated", site.path(lang))
        assert problem.severity is Severity.NOTICE
        assert problem.message.startswith("{#risks} has changed in English")
        assert "safety information" in problem.message
        assert f"--mark-translated {site.path(lang).as_posix()}" in problem.hint


def test_each_changed_section_is_named(site: FixtureSite) -> None:
    site.replace("en", "title: Example therapy", "title: Example treatment")
    site.replace("en", "smoother", "softer")  # {#claims}
    site.replace("en", "who will give the injection", "who will give the injections")
    [problem] = only(site.problems(), "outdated", site.path("es"))
    assert problem.message.startswith(
        "the title and introduction, {#claims} and {#questions} changed in English"
    )
    assert "safety" not in problem.message


def test_formatting_only_changes_do_not_outdate_translations(site: FixtureSite) -> None:
    site.replace("en", "are common,", "are common,   \n   ")  # re-wrapped line
    site.replace("en", "## Risks", "\n\n\n## Risks")  # extra blank lines
    assert [p for p in site.problems() if p.code == "outdated"] == []


# --- 8. Content safety -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("snippet", "code"),
    [
        ("<script>alert(1)</script>", "unsafe-html"),
        ('<iframe src="/x"></iframe>', "unsafe-html"),
        ('<object data="x.swf"></object>', "unsafe-html"),
        ('<embed src="x.swf">', "unsafe-html"),
        ('<form action="/x"><input></form>', "unsafe-html"),
        ("<style>body{display:none}</style>", "unsafe-html"),
        ('<span onclick="steal()">click</span>', "unsafe-html"),
        ("[click](javascript:alert(1))", "unsafe-url"),
        ('<a href="javascript:alert(1)">x</a>', "unsafe-url"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "unsafe-url"),
        ("![chart](https://tracker.example/pixel.png)", "remote-content"),
        ('<img src="//cdn.example/x.png" alt="x">', "remote-content"),
        ("![chart][pixel]\n\n[pixel]: https://tracker.example/p.png", "remote-content"),
    ],
)
def test_unsafe_markdown_is_rejected(site: FixtureSite, snippet: str, code: str) -> None:
    site.replace("en", "The numbered notes", f"{snippet}\n\nThe numbered notes")
    [problem] = only(site.problems(), code, site.path("en"))
    assert problem.line == line_of(site.path("en"), snippet.splitlines()[0])


def test_code_is_shown_not_run(site: FixtureSite) -> None:
    site.replace(
        "en",
        "The numbered notes",
        "```html\n<script>alert(1)</script>\n```\n\nUse `<iframe>` never.\n\nThe numbered notes",
    )
    assert [p for p in site.problems() if p.code == "unsafe-html"] == []


def test_ordinary_outbound_links_are_fine(site: FixtureSite) -> None:
    site.replace(
        "en", "The numbered notes", "See [the agency](https://agency.example/). The numbered notes"
    )
    assert all(p.code == "outdated" for p in site.problems())


# --- 9. Review dates ---------------------------------------------------------------------


def test_review_date_passed_is_a_warning(site: FixtureSite) -> None:
    problems = site.problems(today="2027-01-05")
    [problem] = only(problems, "review-due", site.path("en"))
    assert problem.severity is Severity.WARNING
    assert problem.line == line_of(site.path("en"), "next_review:")


# --- Unfinished text ---------------------------------------------------------------------


def test_todo_marker_blocks_publication(site: FixtureSite) -> None:
    site.replace("no", "Studiene er små", "[TODO: translate] Studiene er små")
    [problem] = only(site.problems(), "unfinished", site.path("no"))
    assert "[TODO: translate]" in problem.message


# --- Bad input ---------------------------------------------------------------------------


def test_non_utf8_file(site: FixtureSite) -> None:
    heading = "## Qué es {#what-it-is}"
    line = line_of(site.path("es"), heading)
    data = site.read("es").encode("utf-8").replace(heading.encode(), heading.encode("latin-1"))
    site.path("es").write_bytes(data)
    [problem] = only(site.problems(), "encoding", site.path("es"))
    assert problem.line == line


def test_unreadable_file(site: FixtureSite) -> None:
    folder = site.path("no", "treatments/folder.md")
    folder.mkdir()
    only(site.problems(), "unreadable", folder)


def test_missing_language_folder(site: FixtureSite) -> None:
    import shutil

    shutil.rmtree(site.docs / "no")
    problems = site.problems()
    only(problems, "missing-folder", site.docs / "no")


# --- Navigation --------------------------------------------------------------------------


def test_navigation_entry_without_a_page(site: FixtureSite) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("- treatments/example.md", "- treatments/exemple.md"))
    problems = only(site.problems(), "navigation", nav)
    assert any("treatments/exemple.md" in p.message for p in problems)
    assert problems[0].line == line_of(nav, "exemple.md")


def test_page_missing_from_the_navigation_is_a_warning(site: FixtureSite) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("  - index.md\n", ""))
    [problem] = only(site.problems(), "navigation", site.path("en", "index.md"))
    assert problem.severity is Severity.WARNING


def test_navigation_section_without_a_translated_title(site: FixtureSite) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("            Treatments: Behandlinger\n", ""))
    [problem] = only(site.problems(), "navigation", nav)
    assert "no Norwegian title" in problem.message
    assert problem.line == line_of(nav, "- Treatments:")


def test_broken_mkdocs_yml_is_a_problem_on_its_line(site: FixtureSite, capsys: Any) -> None:
    nav = site.root / "mkdocs.yml"
    nav.write_text(nav.read_text().replace("  - index.md\n", "  - index.md\n - [broken\n", 1))
    status, output = site.check(capsys)
    assert status == 1 and "cannot be read" in output, output
    assert f"{nav.as_posix()}:{line_of(nav, '- [broken')}:" in output


def test_number_problem_points_at_its_line_after_long_links(site: FixtureSite) -> None:
    long_link = "[" + "enlace " * 3 + "](https://example.org/" + "a" * 200 + ")"
    site.replace(
        "es",
        "## Qué dicen los estudios {#evidence}\n",
        f"## Qué dicen los estudios {{#evidence}}\n\n{long_link} {long_link}\n",
    )
    site.replace("es", "con 1022 adultos", "con 1023 adultos")
    problems = {
        p.message.split()[2]: p.line for p in only(site.problems(), "numbers", site.path("es"))
    }
    # The extra number on its own line; the missing one at its section's heading.
    assert problems == {
        "1022": line_of(site.path("es"), "{#evidence}"),
        "1023": line_of(site.path("es"), "1023 adultos"),
    }
