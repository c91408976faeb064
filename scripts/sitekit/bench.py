"""Benchmark: a realistic synthetic site of any size.

N pages per language, 800 to 1,500 words each, in the site's real page format
and navigation shape, and a plain English-only configuration of the same
English pages for comparison. ``bench_run.py`` builds and measures them.
"""

from __future__ import annotations

import copy
import os
import random
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from sitekit import model
from sitekit.content import load_site
from sitekit.freshness import updated_record, write_record
from sitekit.project import MKDOCS_YML, ROOT, mkdocs_config
from sitekit.sources import load_registry
from sitekit.ui import strings

GENERAL_PAGES = ("compare", "safety", "glossary", "about")
SHARED = ("overrides", "includes", "scripts", "data")

# Parallel sentence templates: the same numbers in the same places in every language.
TEMPLATES: dict[str, list[str]] = {
    "en": [
        "In a study of {a} adults, {p}% of the people who had the treatment said that they "
        "felt better after {b} weeks, against {q}% of those who had a placebo.",
        "The clinic says that a course takes {a}–{b} sessions of {c} minutes, but no study has "
        "tested this plan or shown that more sessions give a better result.",
        "Tell the doctor about all your medicines before the treatment, and never stop a "
        "medicine without asking the person who prescribed it.",
        "Side effects such as pain, swelling and bruising are common, and they usually go away "
        "within {a} days without any treatment.",
        "The regulator has not approved any product for this use, and only health personnel "
        "may give these injections in a health centre.",
        "If you have trouble breathing, chest pain or a swollen face after the treatment, call "
        "112 or the emergency number of your country at once.",
        "A review of {a} studies with {t} people found that most of them were small and short, "
        "and that the results were not the same from one study to another.",
    ],
    "es": [
        "En un estudio con {a} adultos, el {p} % de las personas tratadas dijo sentirse mejor "
        "al cabo de {b} semanas, frente al {q} % de las que recibieron un placebo.",
        "La clínica afirma que un tratamiento completo son de {a} a {b} sesiones de {c} minutos, "
        "pero ningún estudio ha probado esta pauta ni ha demostrado que más sesiones "
        "sirvan de algo.",
        "Antes del tratamiento, informe al médico de todos los medicamentos que toma y no deje "
        "nunca ninguno sin consultar a quien se lo recetó.",
        "Los efectos adversos como el dolor, la hinchazón y los moratones son frecuentes y "
        "suelen desaparecer en {a} días sin ningún tratamiento.",
        "La autoridad sanitaria no ha autorizado ningún producto para este uso, y solo los "
        "profesionales sanitarios pueden poner estas inyecciones en un centro sanitario.",
        "Si le cuesta respirar, tiene dolor en el pecho o se le hincha la cara después del "
        "tratamiento, llame enseguida al 112 o al número de emergencias de su país.",
        "Una revisión de {a} estudios con {t} personas concluyó que la mayoría eran pequeños y "
        "breves, y que los resultados no coincidían de un estudio a otro.",
    ],
    "no": [
        "I en studie med {a} voksne sa {p} prosent av dem som fikk behandlingen, at de følte seg "
        "bedre etter {b} uker, mot {q} prosent av dem som fikk placebo.",
        "Klinikken sier at en kur består av {a}–{b} behandlinger på {c} minutter, men ingen studie "
        "har prøvd ut denne planen eller vist at flere behandlinger gir bedre resultat.",
        "Fortell legen om alle legemidlene du bruker før behandlingen, og ikke slutt med et "
        "legemiddel uten å spørre den som skrev det ut.",
        "Bivirkninger som smerte, hevelse og blåmerker er vanlige, og de går som regel over i "
        "løpet av {a} dager uten noen behandling.",
        "Myndighetene har ikke godkjent noe produkt til denne bruken, og bare helsepersonell kan "
        "sette disse injeksjonene på et helsesenter.",
        "Hvis du får pustevansker, brystsmerter eller hevelse i ansiktet etter behandlingen, må du "
        "ringe 112 eller nødnummeret i landet ditt med en gang.",
        "En oversikt over {a} studier med {t} personer fant at de fleste var små og korte, og at "
        "resultatene ikke var de samme fra den ene studien til den andre.",
    ],
}
TABLE_HEADER = {
    "en": "| Measure | Treatment | Placebo |",
    "es": "| Medida | Tratamiento | Placebo |",
    "no": "| Mål | Behandling | Placebo |",
}
TABLE_ROWS = {
    "en": ["Felt better", "Side effects", "Stopped early"],
    "es": ["Se sintió mejor", "Efectos adversos", "Abandonó antes"],
    "no": ["Følte seg bedre", "Bivirkninger", "Sluttet tidlig"],
}
NOTE = {
    "en": '!!! note "Good to know"\n\n    Ask for written information about the product '
    "and its price before you agree.",
    "es": '!!! note "Conviene saber"\n\n    Pida información por escrito sobre el producto '
    "y su precio antes de aceptar.",
    "no": '!!! note "Verdt å vite"\n\n    Be om skriftlig informasjon om produktet og '
    "prisen før du sier ja.",
}
SEE_ALSO = {"en": "See also", "es": "Vea también", "no": "Se også"}
TITLES = {"en": "Treatment", "es": "Tratamiento", "no": "Behandling"}
DESCRIPTIONS = {
    "en": "What treatment {n} is, what is claimed, what the evidence says, risks and rules.",
    "es": "Qué es el tratamiento {n}, qué se promete, qué dicen los estudios, riesgos y ley.",
    "no": "Hva behandling {n} er, hva som blir lovet, hva forskningen viser, risiko og regler.",
}
GLOSSARY_TERMS = {
    "en": [("Placebo", "A dummy treatment used in trials."), ("Subcutaneous", "Under the skin.")],
    "es": [
        ("Placebo", "Un tratamiento simulado que se usa en los ensayos."),
        ("Subcutáneo", "Debajo de la piel."),
    ],
    "no": [("Placebo", "En narrebehandling som brukes i studier."), ("Subkutan", "Under huden.")],
}


def _numbers(rng: random.Random) -> dict[str, Any]:
    a = rng.randint(2, 60)
    return {
        "a": a,
        "b": a + rng.randint(1, 20),
        "c": rng.choice([10, 15, 20, 30, 40, 45]),
        "p": f"{rng.randint(10, 90)}.{rng.randint(1, 9)}",
        "q": rng.randint(5, 60),
        "t": rng.randint(1000, 9999),
    }


def _sentence(lang: str, index: int, values: dict[str, Any]) -> str:
    formatted = dict(values)
    if lang != "en":
        formatted["p"] = str(values["p"]).replace(".", ",")
    elif values["t"] >= 1000:
        formatted["t"] = f"{values['t']:,}"
    return TEMPLATES[lang][index].format(**formatted)


@dataclass
class PagePlan:
    rel: str
    number: int
    treatment: bool
    sections: list[tuple[str, int]]  # (id, number of paragraphs)
    sentences: list[list[tuple[int, dict[str, Any]]]]  # per paragraph: (template, numbers)
    sources: list[str]
    links: list[str] = field(default_factory=list)


def _treatment_sections() -> list[str]:
    """The sections of a treatment page (content model) before the citation list."""
    content = model.load()
    ids = content.type_for("treatments/x").section_ids
    return [section for section in ids if section != content.last_section]


def _plan_pages(count: int, source_ids: list[str], rng: random.Random) -> list[PagePlan]:
    plans = []
    treatments = max(count - 1 - len(GENERAL_PAGES), 1)
    rels = ["index.md", *(f"{name}.md" for name in GENERAL_PAGES)][: count - treatments]
    rels += [f"treatments/treatment-{i:04d}.md" for i in range(1, treatments + 1)]
    for number, rel in enumerate(rels, start=1):
        treatment = rel.startswith("treatments/")
        ids = _treatment_sections() if treatment else ["overview", "details", "practical"]
        words = rng.randint(800, 1500)
        sentences_needed = max(words // 25, len(ids) * 2)
        per_section = max(sentences_needed // len(ids), 2)
        paragraphs = []
        sections = []
        for section in ids:
            count_paragraphs = max(per_section // 3, 1)
            sections.append((section, count_paragraphs))
            for _ in range(count_paragraphs):
                paragraphs.append(
                    [(rng.randrange(len(TEMPLATES["en"])), _numbers(rng)) for _ in range(3)]
                )
        plans.append(
            PagePlan(
                rel=rel,
                number=number,
                treatment=treatment,
                sections=sections,
                sentences=paragraphs,
                sources=rng.sample(source_ids, k=min(4 if treatment else 3, len(source_ids))),
            )
        )
    treatment_rels = [plan.rel for plan in plans if plan.treatment]
    for plan in plans:
        if plan.treatment and len(treatment_rels) > 1:
            plan.links = rng.sample(
                [r for r in treatment_rels if r != plan.rel], k=min(2, len(treatment_rels) - 1)
            )
    return plans


def _relative(from_rel: str, to_rel: str) -> str:
    return os.path.relpath(to_rel, str(PurePosixPath(from_rel).parent)).replace(os.sep, "/")


def _render(plan: PagePlan, lang: str) -> str:
    ui = strings(lang)
    title = f"{TITLES[lang]} {plan.number}"
    front = [
        "---",
        f'title: "{title}"',
        f'description: "{DESCRIPTIONS[lang].format(n=plan.number)}"',
    ]
    if plan.treatment:
        front.append(f"page_type: {model.load().type_for(plan.rel).name}")
    front += [
        "last_reviewed: 2026-11-01",
        "next_review: 2027-05-01",
        "sources: [" + ", ".join(plan.sources) + "]",
    ]
    front.append("---")
    body = [f'--8<-- "{lang}/disclaimer.md"', ""]
    paragraph_iter = iter(plan.sentences)
    cited = list(plan.sources)
    for index, (section, count) in enumerate(plan.sections):
        heading = (
            ui["sections"].get(section, section.capitalize())
            if plan.treatment
            else f"{section.capitalize()} {index + 1}"
        )
        body += [f"## {heading} {{#{section}}}", ""]
        for paragraph_index in range(count):
            text = " ".join(_sentence(lang, t, values) for t, values in next(paragraph_iter))
            if cited and paragraph_index == 0:
                text += f"[^{cited.pop()}]"
            body += [text, ""]
        if index == 1:
            body += [TABLE_HEADER[lang], "|---|---|---|"]
            for row_index, label in enumerate(TABLE_ROWS[lang]):
                value = 10 + plan.number % 50 + row_index
                body.append(f"| {label} | {value} | {value // 2} |")
            body.append("")
        if index == 2:
            body += [NOTE[lang], ""]
    if plan.links:
        names = [link.split("-")[-1].removesuffix(".md").lstrip("0") for link in plan.links]
        links = ", ".join(
            f"[{TITLES[lang]} {name}]({_relative(plan.rel, link)})"
            for name, link in zip(names, plan.links, strict=True)
        )
        body += [f"{SEE_ALSO[lang]}: {links}.", ""]
    if plan.rel == "glossary.md":
        for term, definition in GLOSSARY_TERMS[lang]:
            body += [term, f":   {definition}", ""]
    body += [f"## {ui['sections']['sources']} {{#sources}}", "", ui["sources_intro"], ""]
    return "\n".join(front) + "\n\n" + "\n".join(body)


def _nav(plans: list[PagePlan]) -> list[Any]:
    top = [plan.rel for plan in plans if not plan.treatment]
    treatments = [plan.rel for plan in plans if plan.treatment]
    return [top[0], {"Treatments": treatments}, *top[1:]]


def _site_config(root: Path, nav: list[Any]) -> str:
    """The real mkdocs.yml with the generated navigation."""
    text = MKDOCS_YML.read_text(encoding="utf-8")
    start = text.index("\nnav:\n") + 1
    end = re.search(r"^\S", text[start + 5 :], flags=re.MULTILINE)
    assert end is not None
    nav_text = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
    return text[:start] + nav_text + "\n" + text[start + 5 + end.start() :]


def _english_only_config(nav: list[Any]) -> str:
    """A plain English-only configuration: the same theme, no i18n plugin, no hooks."""
    config = copy.deepcopy(mkdocs_config())
    config["docs_dir"] = "docs/en"
    config["site_url"] = "https://guide.example.org/"
    config["nav"] = nav
    config["plugins"] = ["search"]
    config.pop("hooks", None)
    # The site's template overrides and stylesheet need its hooks: plain Material instead.
    config["theme"].pop("custom_dir", None)
    config.pop("extra_css", None)
    config.pop("watch", None)
    config.pop("validation", None)
    return yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def generate(root: Path, pages: int, seed: int = 1) -> None:
    """Write a synthetic site with ``pages`` pages per language into ``root``."""
    rng = random.Random(seed)
    source_ids = sorted(load_registry().sources)
    plans = _plan_pages(pages, source_ids, rng)
    for name in SHARED:
        target = root / name
        if not target.exists():
            target.symlink_to(ROOT / name, target_is_directory=True)
    for plan in plans:
        path = root / "docs" / "en" / plan.rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_render(plan, "en"), encoding="utf-8")
    for plan in plans:
        for lang in ("es", "no"):
            path = root / "docs" / lang / plan.rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_render(plan, lang), encoding="utf-8")
    # Translations record the English text they were made from, as --mark-translated does.
    site = load_site(root / "docs")
    for english in site.english().values():
        for language in site.translations:
            page = site.counterpart(english, language.code)
            if page is not None:
                write_record(page, updated_record(page, english))
    nav = _nav(plans)
    (root / "mkdocs.yml").write_text(_site_config(root, nav), encoding="utf-8")
    (root / "mkdocs-en.yml").write_text(_english_only_config(nav), encoding="utf-8")
