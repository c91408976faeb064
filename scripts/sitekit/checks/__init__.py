"""The content checks. Each module checks one concern and yields problems."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from sitekit.blockcache import BlockCache
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
from sitekit.pages import Page
from sitekit.project import DOCS, Layout
from sitekit.report import DataError, Problem, escalate
from sitekit.sources import SOURCES_FILE, load_registry
from sitekit.textblocks import Block

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


# Rendering the pages is the costliest part of checking: pages that did not
# change since the last run come from the cache (sitekit.blockcache); with two
# or more cores, a second process renders every other changed page while this
# one renders the rest; the checks then run here, on the shared result.
PARALLEL_FROM_PAGES = 20  # below this, a second process costs more than it saves

_forked_context: Context | None = None  # what a forked worker inherits


def _read_in_child(paths: list[Path]) -> list[tuple[list[Block], Problem | None]]:
    assert _forked_context is not None
    pages = {page.path: page for page in _forked_context.site.all_pages()}
    return [_forked_context.read(pages[path]) for path in paths]


def _to_render(context: Context) -> list[Page]:
    """The pages no earlier run rendered; the others are taken from the cache now."""
    todo = []
    for page in context.site.all_pages():
        kept = context.cache.get(page) if context.cache else None
        if kept is None:
            todo.append(page)
        else:
            context.keep(page, (kept, None))
    return todo


def _can_fork(pages: list[Page]) -> bool:
    return (
        sys.platform.startswith("linux")  # fork is safe and cheap there
        and (os.cpu_count() or 1) > 1
        and len(pages) >= PARALLEL_FROM_PAGES
    )


def _read_in_two_processes(context: Context, pages: list[Page]) -> None:
    global _forked_context
    theirs, ours = pages[::2], pages[1::2]
    _forked_context = context
    try:
        fork = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=1, mp_context=fork) as pool:
            child = pool.submit(_read_in_child, [page.path for page in theirs])
            for page in ours:
                context.read(page)
            for page, read in zip(theirs, child.result(), strict=True):
                context.keep(page, read)
    finally:
        _forked_context = None


def run(context: Context, *, parallel: bool | None = None) -> list[Problem]:
    """Every problem, in the order of source_checks(), whether or not a second process helps."""
    problems = list(context.site.problems) + list(context.registry.problems)
    try:
        context.model  # noqa: B018 - every check reads it; a broken model stops them all
    except DataError as exc:
        return [*problems, exc.problem]
    pages = _to_render(context)
    if _can_fork(pages) if parallel is None else parallel:
        _read_in_two_processes(context, pages)
    for check in source_checks():
        problems.extend(check(context))
    if context.cache is not None:
        context.cache.save()
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
        cache=BlockCache.load(),
    )
    problems = run(context)
    return context, escalate(problems) if strict else problems
