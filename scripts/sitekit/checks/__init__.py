"""The content checks. Each module checks one concern and yields problems."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sitekit.checks import (
    citations,
    disclaimer,
    freshness,
    frontmatter,
    inputs,
    language,
    navigation,
    numbers,
    parity,
    placeholders,
    readable,
    reviews,
    safety,
    structure,
    treatment_data,
    ui_strings,
)
from sitekit.checks.context import Check, Context
from sitekit.content import load_site
from sitekit.project import DOCS, Layout
from sitekit.report import DataError, Problem, escalate
from sitekit.sources import SOURCES_FILE, load_registry

__all__ = ["Check", "Context", "collect_problems", "run", "source_checks"]


def source_checks() -> list[Check]:
    """Every check that works on the Markdown sources, in reporting order."""
    return [
        parity.check,
        navigation.check,
        readable.check,
        frontmatter.check,
        disclaimer.check,
        structure.check,
        citations.check,
        numbers.check,
        language.check,
        freshness.check,
        safety.check,
        inputs.check,
        reviews.check,
        placeholders.check,
        treatment_data.check,
        ui_strings.check,
    ]


def run(context: Context) -> list[Problem]:
    """Every problem, in the order of source_checks()."""
    problems = list(context.site.problems) + list(context.registry.problems)
    try:
        context.model  # noqa: B018 - every check reads it; a broken model stops them all
    except DataError as exc:
        return [*problems, exc.problem]
    for check in source_checks():
        problems.extend(check(context))
    return _folded(context, problems)


def _folded(context: Context, problems: list[Problem]) -> list[Problem]:
    return placeholders.fold_unfinished(context.site, problems, context.model)


def collect_problems(
    *,
    docs: Path = DOCS,
    sources: Path = SOURCES_FILE,
    today: dt.date | None = None,
    strict: bool = False,
) -> tuple[Context, list[Problem]]:
    """Load the pages and the sources and run every content check.

    The configuration, data and includes are those beside ``docs`` (project.Layout).
    """
    layout = Layout.of(docs)
    config = docs.parent / "mkdocs.yml"  # the navigation that goes with these pages
    context = Context(
        site=load_site(docs),
        registry=load_registry(sources),
        today=today or dt.date.today(),
        mkdocs_yml=config if config.is_file() else None,
        includes=layout.includes,
        data=layout.data,
    )
    problems = run(context)
    return context, escalate(problems) if strict else problems
