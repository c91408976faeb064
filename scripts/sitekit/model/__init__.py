"""The content model: what the site's pages and data files may hold.

data/content_model.yml says what the site's pages are (page types, their
sections, the markers of unfinished text); this package declares its schema
(``page_types``) and those of a page's front matter (``front_matter``) and of
data/sources.yml and data/ui.yml (``data_files``), as pydantic models. The
checks, the scaffolds, status.py and bench.py read page types and sections from
here; ``explain`` words what a schema rejects for editors.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from sitekit import datafile
from sitekit.model.base import SLUG, Schema, Slug, Text
from sitekit.model.data_files import (
    CITABLE_GRADES,
    REQUIRED_SOURCE_FIELDS,
    SOURCE_ID,
    SourceEntry,
    UiStrings,
    UrgentHelpWords,
)
from sitekit.model.explain import Finding, Wanted, findings, problem
from sitekit.model.front_matter import (
    DESCRIPTION_RANGE,
    HIDE_VALUES,
    REQUIRED_FRONT_MATTER,
    TITLE_MAX,
    TRANSLATION_FIELD,
    FrontMatter,
)
from sitekit.model.page_types import ContentModel, Markers, PageType, Section
from sitekit.project import DATA

__all__ = [
    "CITABLE_GRADES",
    "CONTENT_MODEL_FILE",
    "DESCRIPTION_RANGE",
    "HIDE_VALUES",
    "REQUIRED_FRONT_MATTER",
    "REQUIRED_SOURCE_FIELDS",
    "SLUG",
    "SOURCE_ID",
    "TITLE_MAX",
    "TRANSLATION_FIELD",
    "ContentModel",
    "Finding",
    "FrontMatter",
    "Markers",
    "PageType",
    "Schema",
    "Section",
    "Slug",
    "SourceEntry",
    "Text",
    "UiStrings",
    "UrgentHelpWords",
    "Wanted",
    "findings",
    "load",
    "problem",
]

CONTENT_MODEL_FILE = DATA / "content_model.yml"


def load(path: Path = CONTENT_MODEL_FILE) -> ContentModel:
    """The content model of the site whose data folder holds ``path``. Raises DataError."""
    return _load(path, datafile.version(path))


@cache
def _load(path: Path, version: tuple[int, int]) -> ContentModel:
    node, data = datafile.read(path)
    model, found = findings(data, ContentModel, path.name)
    if found:
        first = found[0]
        raise datafile.problem_at(
            path, datafile.line_of(node, *first.loc), first.message, first.hint
        )
    assert isinstance(model, ContentModel)
    return model
