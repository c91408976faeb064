"""The language of every block a reader reads, and of the page: close languages included."""

from __future__ import annotations

import pytest

from helpers import FixtureSite, line_of, only

RISKS = {
    "es": (
        "Los moratones, el dolor y la hinchazón en la zona del pinchazo son frecuentes, y se "
        "han descrito infecciones después del tratamiento."
    ),
    "no": (
        "Blåmerker, smerte og hevelse der nålen gikk inn er vanlig, og det er rapportert "
        "infeksjoner etter behandlingen."
    ),
}
# The same paragraph in the languages a translation is most easily mistaken for.
NEIGHBOURS = [
    (
        "no",
        "Danish",
        "Blå mærker, smerter og hævelse, hvor nålen gik ind, er almindelige, og der er "
        "beskrevet infektioner efter behandlingen hos flere patienter.",
    ),
    (
        "no",
        "Swedish",
        "Blåmärken, smärta och svullnad där nålen gick in är vanliga, och infektioner efter "
        "behandlingen har rapporterats hos flera patienter.",
    ),
    (
        "no",
        "Norwegian Nynorsk",
        "Blåmerke, smerte og hevelse der nåla gjekk inn er vanleg, og det er rapportert "
        "infeksjonar etter behandlinga hjå fleire pasientar.",
    ),
    (
        "es",
        "Galician",
        "As mazaduras, a dor e o inchazo na zona da picada son frecuentes, e describíronse "
        "infeccións despois do tratamento en varios pacientes.",
    ),
    (
        "es",
        "Portuguese",
        "As nódoas negras, a dor e o inchaço na zona da picada são frequentes, e foram "
        "descritas infeções depois do tratamento em vários doentes.",
    ),
    (
        "es",
        "Catalan",
        "Els blaus, el dolor i la inflor a la zona de la punxada són freqüents, i s'han descrit "
        "infeccions després del tractament en diversos pacients.",
    ),
]


@pytest.mark.parametrize(("lang", "name", "paragraph"), NEIGHBOURS)
def test_a_paragraph_in_a_close_language_is_named(
    site: FixtureSite, lang: str, name: str, paragraph: str
) -> None:
    site.replace(lang, RISKS[lang], paragraph)
    [problem] = only(site.problems(), "language", site.path(lang))
    assert problem.message == f"this paragraph reads as {name}, not " + (
        "Norwegian." if lang == "no" else "Spanish."
    )
    assert problem.line == line_of(site.path(lang), paragraph[:20])


NYNORSK_PAGE = """
--8<-- "no/disclaimer.md"

## Kort samandrag {#at-a-glance}

- Klinikkane seier at ei kur er 6–10 behandlingar på 15 til 30 minutt, éin eller to gonger i veka.
- Gassen som vert sprøyta inn, vert seld av produsentane med ein reinleik på 99,9 prosent.

## Kva det er {#what-it-is}

Eksempelbehandling er ei innsprøyting av gass under huda, og ho vert gjeven på ei klinikk av ein \
sjukepleiar eller ein lege.[^TEST-TRIAL-2020]

## Kva som vert lova {#claims}

Klinikkane hevdar at behandlinga gjer huda glattare og fjernar feitt frå låra og magen.

## Kva forskinga viser {#evidence}

Ei studie med 1022 vaksne fann ingen skilnad mellom behandlinga og placebo etter 12 veker med \
behandling.[^TEST-TRIAL-2020]

### Kvaliteten på studiane {#study-quality}

Studiane er små og korte, og dei fleste av dei er betalte av selskapa som sel maskinene.

## Risiko og biverknader {#risks}

Blåmerke, smerte og hevelse der nåla gjekk inn er vanleg, og det er rapportert infeksjonar etter \
behandlinga.

## Kven bør ikkje ta behandlinga {#who-should-not}

Ikkje ta behandlinga om du er gravid eller ammar, eller om du har ein infeksjon der nåla skal \
stikkast inn.

## Regelverk {#regulation}

Styresmaktene har ikkje godkjent noko produkt til denne bruken, og berre helsepersonell kan setje \
desse injeksjonane.[^TEST-REG-2021]

## Før og etter {#before-after}

Unngå sol i 24–48 timar etter ei behandling, og fortel klinikken om alle legemiddel du brukar.

## Spørsmål du bør stille {#questions}

Spør kven som skal setje injeksjonen, kva som vert sprøyta inn, og kva klinikken gjer om noko \
går gale.

## Varselteikn etter behandlinga {#warning-signs}

Ein raud, varm eller øm kul som kjem 1 til 12 veker etter ei behandling, kan vere ein infeksjon: \
gå til lege.

## Når du bør søkje hjelp straks {#urgent-help}

Ring 112 med ein gong om du får pustevanskar, brystsmerter eller hevelse i andletet eller halsen \
etter ei behandling.

## Kjelder {#sources}

Dei nummererte notane i teksten viser til desse kjeldene.
""".replace("\\\n", "")


def test_a_whole_page_in_a_close_language_is_one_problem(site: FixtureSite) -> None:
    front_matter = site.read("no").split("\n---\n", 1)[0] + "\n---\n"
    site.write("no", front_matter + NYNORSK_PAGE)
    problems = only(site.problems(), "language", site.path("no"))
    assert [p.message for p in problems] == ["the page reads as Norwegian Nynorsk, not Norwegian."]


@pytest.mark.parametrize(
    ("lang", "old", "new", "what"),
    [
        ("es", "## Riesgos y efectos adversos", "## Risks and side effects", "this heading"),
        (
            "es",
            "description: Qué es la terapia de ejemplo, qué se promete, qué dicen los "
            "estudios y qué puede salir mal.",
            "description: What example therapy is, what is claimed, what the evidence says "
            "and what can go wrong.",
            "the description",
        ),
        (
            "no",
            "- Gassen som sprøytes inn, selges av produsentene med en renhet på 99,9 prosent.",
            "- The gas that is injected is sold as 99,9 prosent pure.",
            "this list item",
        ),
    ],
)
def test_short_english_text_is_caught(
    site: FixtureSite, lang: str, old: str, new: str, what: str
) -> None:
    site.replace(lang, old, new)
    [problem] = only(site.problems(), "language", site.path(lang))
    assert problem.message.startswith(f"{what} reads as English")
    assert problem.line == line_of(site.path(lang), new.split(":")[0])


def test_short_english_texts_are_caught_together(site: FixtureSite) -> None:
    # Each too short to judge alone (under 3 words); together clearly English.
    english = [
        "Summary", "Overview", "Claims", "Evidence", "Study quality", "Risks",
        "Contraindications", "Regulation", "Aftercare", "Questions", "Warning signs",
        "Emergencies", "Sources",
    ]  # fmt: skip
    text = site.read("es")
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert len(headings) == len(english)
    for heading, new in zip(headings, english, strict=True):
        marks, _, rest = heading.partition(" ")
        text = text.replace(heading, f"{marks} {new} {{{rest.rsplit('{', 1)[1]}")
    site.write("es", text.replace("title: Terapia de ejemplo", "title: Example therapy"))
    problems = only(site.problems(), "language", site.path("es"))
    assert all(p.message.startswith("the short texts on lines") for p in problems)
    assert problems[0].line == line_of(site.path("es"), "title:")


def test_the_real_pages_read_as_their_languages() -> None:
    import datetime as dt

    from sitekit.checks import Context, language
    from sitekit.content import load_site
    from sitekit.sources import load_registry

    context = Context(site=load_site(), registry=load_registry(), today=dt.date.today())
    assert list(language.check(context)) == []


# --- From the fixture site's pages --------------------------------------------------


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
