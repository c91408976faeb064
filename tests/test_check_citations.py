"""Citations: every citation is in the register, listed, and the same in every language.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from helpers import FixtureSite, line_of, only


def test_translation_citing_other_sources(site: FixtureSite) -> None:
    site.replace(
        "no",
        "personell kan sette disse injeksjonene.[^TEST-REG-2021]",
        "personell kan sette disse injeksjonene.",
    )
    problems = only(site.problems(), "sources-parity", site.path("no"))
    assert any("TEST-REG-2021" in p.message for p in problems)


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
