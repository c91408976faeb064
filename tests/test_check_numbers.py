"""Number parity on the rendered page: separators, units, words, sections, ranges."""

from __future__ import annotations

import pytest

from helpers import FixtureSite, line_of, only
from sitekit.numerals import Numeral, digit_values, number_style, numerals


def numbers(site: FixtureSite) -> list[object]:
    return [p for p in site.problems() if p.code in ("numbers", "number-style")]


# --- Reading numbers ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "written", "values"),
    [
        ("en", "1,022", [("1022",)]),
        ("en", "99.9", [("99.9",)]),
        ("en", "1,022.5", [("1022.5",)]),
        ("en", "1,2", [("1",), ("2",)]),  # a list, not a decimal
        ("en", "10 000", [("10000",)]),
        ("es", "1022", [("1022",)]),
        ("es", "1.022", [("1022", "1.022")]),  # thousands, or a section number (CFR 801.415)
        ("es", "10 000", [("10000",)]),
        ("es", "10\u00a0000", [("10000",)]),
        ("es", "10\u202f000", [("10000",)]),
        ("es", "99,9", [("99.9",)]),
        ("es", "1.022,5", [("1022.5",)]),
        ("no", "1\u00a0022", [("1022",)]),
        ("no", "99,9", [("99.9",)]),
        ("no", "801.415", [("801.415",)]),
        ("en", "1.2.3", [("1",), ("2",), ("3",)]),
    ],
)
def test_each_languages_separators(lang: str, written: str, values: list[tuple[str, ...]]) -> None:
    assert digit_values(written, number_style(lang)) == values


@pytest.mark.parametrize(
    ("lang", "text", "found"),
    [
        ("en", "99.9% pure", [("99.9", "%", "digits")]),
        ("es", "una pureza del 99,9 %", [("1", "", "maybe"), ("99.9", "%", "digits")]),
        ("no", "en renhet på 99,9 prosent", [("1", "", "maybe"), ("99.9", "%", "digits")]),
        ("es", "tras 12 semanas", [("12", "weeks", "digits")]),
        ("no", "etter 12 uker", [("12", "weeks", "digits")]),
        ("en", "a 6-month course", [("6", "months", "digits")]),
        ("no", "minst 1 måneds mellomrom", [("1", "months", "digits")]),
        ("en", "the 1930s and under-18s", [("1930", "", "digits"), ("18", "", "digits")]),
        ("en", "air at \u2212110 °C", [("-110", "°C", "digits")]),
        (
            "no",
            "mellom minus 110 og minus 170 °C",
            [("-110", "", "digits"), ("-170", "°C", "digits")],
        ),
        ("es", "al menos 2 semanas", [("2", "weeks", "digits")]),
        ("en", "two sessions, twice", [("2", "", "word"), ("2", "", "maybe")]),
        ("es", "dos sesiones", [("2", "", "word")]),
        ("no", "to behandlinger", [("2", "", "word")]),
        ("es", "en los dos ojos", [("2", "", "maybe")]),
        ("en", "the first and the third session", [("1", "", "maybe"), ("3", "", "word")]),
        ("es", "la primera y la tercera sesión", [("1", "", "maybe"), ("3", "", "word")]),
        ("no", "den første og den tredje behandlingen", [("1", "", "maybe"), ("3", "", "word")]),
        ("es", "doce semanas", [("12", "weeks", "above_ten")]),
        ("en", "İzmir had two cases", [("2", "", "word")]),  # lower case is longer here
    ],
)
def test_numbers_as_written(lang: str, text: str, found: list[tuple[str, str, str]]) -> None:
    read = numerals(text, number_style(lang))
    assert [(n.value, n.unit, n.how) for n in read] == found
    assert all(isinstance(n, Numeral) for n in read)


# --- Parity -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("es", "de 6 a 10 sesiones", "de seis a diez sesiones"),
        ("es", "una o dos veces", "1 o 2 veces"),
        ("no", "én eller to ganger", "1 eller 2 ganger"),
        ("es", "con 1022 adultos", "con 1.022 adultos"),  # Spanish thousands separator
        ("no", "med 1022 voksne", "med 1\u00a0022 voksne"),
        ("es", "99,9 %", "99,9\u00a0%"),
        ("es", "99,9 %", "99,9 por ciento"),
        ("no", "6–10 behandlinger", "6--10 behandlinger"),  # -- is an en dash in Markdown
        ("es", "tras 12 semanas", "al cabo de 12 semanas"),
        # A number in words that adds to the English text, and changes none of it.
        ("es", "Las empresas que fabrican", "Las tres empresas que fabrican"),
    ],
)
def test_the_same_numbers_written_the_languages_way_are_accepted(
    site: FixtureSite, lang: str, old: str, new: str
) -> None:
    site.replace(lang, old, new)
    assert numbers(site) == []


def test_small_numbers_in_words_on_both_sides_are_accepted(site: FixtureSite) -> None:
    site.replace("en", "6–10 sessions", "six to ten sessions")
    site.replace("es", "de 6 a 10 sesiones", "de seis a diez sesiones")
    site.replace("en", "Example therapy is", "The third session is free. Example therapy is")
    site.replace("es", "La terapia de", "La tercera sesión es gratis. La terapia de")
    site.replace(
        "no", "Eksempelbehandling er", "Den tredje behandlingen er gratis. Eksempelbehandling er"
    )
    assert numbers(site) == []


@pytest.mark.parametrize(
    ("lang", "old", "new", "values"),
    [
        ("es", "una o dos veces", "una o tres veces", {"3"}),  # a word; "twice" is a maybe
        ("no", "én eller to ganger", "én eller tre ganger", {"3"}),
        ("es", "de 6 a 10 sesiones", "de 6 a 10 sesiones, 4 al mes", {"4"}),  # added digits
        ("es", "de 6 a 10 sesiones", "de 6 a 8 sesiones, cuatro al mes", {"4", "8", "10"}),
        ("es", "de 6 a 10 sesiones", "de seis a nueve sesiones", {"9", "10"}),  # into words
        ("en", "once or twice a week", "once or three times a week", {"2", "3"}),  # in English
        ("es", "99,9 %", "99,9", {"99.9"}),  # the percent sign dropped
        ("no", "99,9 prosent", "99 prosent", {"99", "99.9"}),
        ("es", "con 1022 adultos", "con 1.023 adultos", {"1022", "1023"}),
    ],
)
def test_a_changed_number_is_caught_however_it_is_written(
    site: FixtureSite, lang: str, old: str, new: str, values: set[str]
) -> None:
    site.replace(lang, old, new)
    if lang == "en":  # the English page changed: both translations differ now
        found = only(site.problems(), "numbers", site.path("es"))
    else:
        found = only(site.problems(), "numbers", site.path(lang))
    assert {p.message.split()[2] for p in found} == values


def test_a_changed_unit_is_caught(site: FixtureSite) -> None:
    site.replace("es", "tras 12 semanas", "tras 12 meses")
    [problem] = only(site.problems(), "numbers", site.path("es"))
    assert "weeks in English but in months here" in problem.message
    assert problem.line == line_of(site.path("es"), "12 meses")


def test_a_number_moved_to_another_section_is_caught(site: FixtureSite) -> None:
    site.replace("no", " etter 12 uker med behandling", "")
    site.replace("no", "er vanlig,", "er vanlig etter 12 uker,")
    problems = only(site.problems(), "numbers", site.path("no"))
    assert {p.message.rsplit("{#", 1)[1] for p in problems} == {"evidence}.", "risks}."}
    assert {p.line for p in problems} == {
        line_of(site.path("no"), "{#evidence}"),
        line_of(site.path("no"), "etter 12 uker,"),
    }


# --- Style --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "old", "new", "fix"),
    [
        ("en", "6–10 sessions", "6-10 sessions", "6–10"),
        ("es", "de 6 a 10 sesiones", "6-10 sesiones", "de 6 a 10"),
        ("no", "6–10 behandlinger", "6 - 10 behandlinger", "6–10"),
        ("es", "24–48 horas", "24\u201048 horas", "de 24 a 48"),  # U+2010 HYPHEN
    ],
)
def test_a_hyphen_range_is_reported_with_its_line_and_fix(
    site: FixtureSite, lang: str, old: str, new: str, fix: str
) -> None:
    site.replace(lang, old, new)
    [problem] = only(site.problems(), "number-style", site.path(lang))
    assert problem.line == line_of(site.path(lang), new)
    assert fix in problem.hint


@pytest.mark.parametrize("text", ["2026-12-01", "COVID-19", "LOV-1999-07-02-64", "ISBN 978-3-16"])
def test_dates_and_codes_are_not_ranges(site: FixtureSite, text: str) -> None:
    for lang in ("en", "es", "no"):
        site.replace(lang, "[^TEST-REG-2021]", f" ({text})[^TEST-REG-2021]")
    assert [p for p in site.problems() if p.code == "number-style"] == []


def test_a_number_above_ten_in_words_is_reported(site: FixtureSite) -> None:
    site.replace("es", "tras 12 semanas", "tras doce semanas")
    problems = site.problems()
    [style] = only(problems, "number-style", site.path("es"))
    assert "write it in digits: 12" in style.hint
    [missing] = only(problems, "numbers", site.path("es"))  # and it does not count as 12
    assert "12 appears 1 time(s) in English" in missing.message


# --- From the fixture site's pages --------------------------------------------------


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
