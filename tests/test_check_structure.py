"""Structure: heading IDs, the English sections in each translation, each page type's sections.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from helpers import FixtureSite, line_of, only


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
