"""The content checks. Each module checks one concern and yields problems."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.content import Site
from sitekit.project import INCLUDES, MKDOCS_YML
from sitekit.report import Problem
from sitekit.sources import Registry


@dataclass
class Context:
    site: Site
    registry: Registry
    today: dt.date
    includes: Path = field(default=INCLUDES)
    mkdocs_yml: Path | None = field(default=MKDOCS_YML)


Check = Callable[[Context], Iterable[Problem]]


def source_checks() -> list[Check]:
    """Every check that works on the Markdown sources, in reporting order."""
    from sitekit.checks import (
        citations,
        disclaimer,
        freshness,
        frontmatter,
        language,
        navigation,
        numbers,
        parity,
        placeholders,
        reviews,
        safety,
        structure,
    )

    return [
        parity.check,
        navigation.check,
        frontmatter.check,
        disclaimer.check,
        structure.check,
        citations.check,
        numbers.check,
        language.check,
        freshness.check,
        safety.check,
        reviews.check,
        placeholders.check,
    ]


def run(context: Context) -> list[Problem]:
    problems = list(context.site.problems) + list(context.registry.problems)
    for check in source_checks():
        problems.extend(check(context))
    return problems
