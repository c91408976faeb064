"""Benchmark: a realistic synthetic site of any size.

N pages per language, 800 to 1,500 words each, in the site's real page format
and navigation shape, and a plain English-only configuration of the same
English pages for comparison. ``bench_run.py`` builds and measures them.
"""

from __future__ import annotations

import copy
import os
import random
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from sitekit import config_text, datafile, model, sitenav
from sitekit.content import load_site
from sitekit.freshness import updated_record, write_record
from sitekit.numerals import number_style
from sitekit.project import MKDOCS_YML, ROOT, languages, mkdocs_config
from sitekit.sources import load_registry
from sitekit.ui import strings

GENERAL_PAGES = ("compare", "safety", "glossary", "about")
SHARED = ("overrides", "includes", "scripts", "data")

TEMPLATES_FILE = ROOT / "benchmarks" / "templates.yml"


@dataclass(frozen=True)
class Prose:
    """One language's text for the synthetic pages (benchmarks/templates.yml)."""

    lang: str
    title: str
    description: str
    sentences: list[str]
    table_header: str
    table_rows: list[str]
    note: str
    see_also: str
    glossary: dict[str, str]
    query: str
    decimal: str  # as data/numbers.yml has it for the language


def prose(lang: str, path: Path = TEMPLATES_FILE) -> Prose:
    """The language's text; DataError if the file has none for it."""
    node, data = datafile.read(path)
    entry = data.get(lang) if isinstance(data, dict) else None
    if not isinstance(entry, dict):
        raise datafile.fail(path, node, (), f"there are no benchmark templates for '{lang}'.")
    try:
        return Prose(
            lang=lang,
            title=str(entry["title"]),
            description=str(entry["description"]),
            sentences=[str(s) for s in entry["sentences"]],
            table_header=str(entry["table"]["header"]),
            table_rows=[str(row) for row in entry["table"]["rows"]],
            note=f'!!! note "{entry["note"]["title"]}"\n\n    {entry["note"]["text"]}',
            see_also=str(entry["see_also"]),
            glossary={str(k): str(v) for k, v in entry["glossary"].items()},
            query=str(entry["query"]),
            decimal=number_style(lang).decimal,
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise datafile.fail(path, node, (lang,), f"'{lang}' lacks {exc}.") from None


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


def _sentence(text: Prose, index: int, values: dict[str, Any]) -> str:
    formatted = dict(values)
    if text.decimal != ".":
        formatted["p"] = str(values["p"]).replace(".", text.decimal)
    elif values["t"] >= 1000:
        formatted["t"] = f"{values['t']:,}"
    return text.sentences[index].format(**formatted)


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


def treatment_folder() -> tuple[str, str]:
    """The folder of treatment pages (content model) and its section title in the nav."""
    folder = next(kind.folder for kind in model.load().page_types.values() if kind.folder)
    titles = [
        entry.sections[-1]
        for entry in sitenav.entries(mkdocs_config().get("nav"))
        if entry.rel.startswith(f"{folder}/") and entry.sections
    ]
    return folder, titles[0] if titles else folder.capitalize()


def _plan_pages(
    count: int, source_ids: list[str], rng: random.Random, sentences: int
) -> list[PagePlan]:
    plans = []
    folder, _ = treatment_folder()
    treatments = max(count - 1 - len(GENERAL_PAGES), 1)
    rels = ["index.md", *(f"{name}.md" for name in GENERAL_PAGES)][: count - treatments]
    rels += [f"{folder}/treatment-{i:04d}.md" for i in range(1, treatments + 1)]
    for number, rel in enumerate(rels, start=1):
        treatment = rel.startswith(f"{folder}/")
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
                paragraphs.append([(rng.randrange(sentences), _numbers(rng)) for _ in range(3)])
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


def _render(plan: PagePlan, text: Prose) -> str:
    lang = text.lang
    ui = strings(lang)
    front = [
        "---",
        f'title: "{text.title} {plan.number}"',
        f'description: "{text.description.format(n=plan.number)}"',
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
            paragraph = " ".join(_sentence(text, t, values) for t, values in next(paragraph_iter))
            if cited and paragraph_index == 0:
                paragraph += f"[^{cited.pop()}]"
            body += [paragraph, ""]
        if index == 1:
            body += [text.table_header, "|---|---|---|"]
            for row_index, label in enumerate(text.table_rows):
                value = 10 + plan.number % 50 + row_index
                body.append(f"| {label} | {value} | {value // 2} |")
            body.append("")
        if index == 2:
            body += [text.note, ""]
    if plan.links:
        names = [link.split("-")[-1].removesuffix(".md").lstrip("0") for link in plan.links]
        links = ", ".join(
            f"[{text.title} {name}]({_relative(plan.rel, link)})"
            for name, link in zip(names, plan.links, strict=True)
        )
        body += [f"{text.see_also}: {links}.", ""]
    if plan.rel == "glossary.md":
        for term, definition in text.glossary.items():
            body += [term, f":   {definition}", ""]
    body += [f"## {ui['sections']['sources']} {{#sources}}", "", ui["sources_intro"], ""]
    return "\n".join(front) + "\n\n" + "\n".join(body)


def _nav(plans: list[PagePlan]) -> list[Any]:
    top = [plan.rel for plan in plans if not plan.treatment]
    treatments = [plan.rel for plan in plans if plan.treatment]
    return [top[0], {treatment_folder()[1]: treatments}, *top[1:]]


def _english_only_config(nav: list[Any]) -> str:
    """A plain English-only configuration: the same theme, no i18n plugin, no hooks and
    none of the site's own Markdown."""
    config = copy.deepcopy(mkdocs_config())
    config["docs_dir"] = "docs/en"
    config["site_url"] = "https://guide.example.org/"
    config["nav"] = nav
    config["plugins"] = ["search"]
    config.pop("hooks", None)
    config["markdown_extensions"] = [
        entry
        for entry in config.get("markdown_extensions") or []
        if (next(iter(entry)) if isinstance(entry, dict) else entry) != "sitekit.mdext"
    ]
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
    texts = [prose(lang.code) for lang in languages()]
    counts = {len(text.sentences) for text in texts}
    if len(counts) != 1:
        raise datafile.problem_at(
            TEMPLATES_FILE, 1, "the languages have different numbers of sentences.", "align them"
        )
    plans = _plan_pages(pages, source_ids, rng, counts.pop())
    for name in SHARED:
        target = root / name
        if not target.exists():
            target.symlink_to(ROOT / name, target_is_directory=True)
    for lang, text in zip(languages(), texts, strict=True):
        for plan in plans:
            path = root / "docs" / lang.code / plan.rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_render(plan, text), encoding="utf-8")
    # Translations record the English text they were made from, as --mark-translated does.
    site = load_site(root / "docs")
    for english in site.english().values():
        for language in site.translations:
            page = site.counterpart(english, language.code)
            if page is not None:
                write_record(page, updated_record(page, english))
    nav = _nav(plans)
    real = MKDOCS_YML.read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config_text.replace_nav(real, nav), encoding="utf-8")
    (root / "mkdocs-en.yml").write_text(_english_only_config(nav), encoding="utf-8")
