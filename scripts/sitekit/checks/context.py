"""What every check gets: the pages, the sources, the day, and the site's data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sitekit import model
from sitekit.content import Site
from sitekit.model import ContentModel
from sitekit.pages import Page
from sitekit.project import DATA, INCLUDES, MKDOCS_YML
from sitekit.report import Problem
from sitekit.sources import Registry
from sitekit.textblocks import Block, read_page


@dataclass
class Context:
    site: Site
    registry: Registry
    today: dt.date
    includes: Path = field(default=INCLUDES)
    mkdocs_yml: Path | None = field(default=MKDOCS_YML)
    data: Path = field(default=DATA)
    _read: dict[Path, tuple[list[Block], Problem | None]] = field(default_factory=dict, repr=False)

    def read(self, page: Page) -> tuple[list[Block], Problem | None]:
        """What a reader reads on the page, rendered once and shared by the checks."""
        if page.path not in self._read:
            self._read[page.path] = read_page(page)
        return self._read[page.path]

    def blocks(self, page: Page) -> list[Block]:
        return self.read(page)[0]

    @property
    def model_file(self) -> Path:
        return self.data / model.CONTENT_MODEL_FILE.name

    @cached_property
    def model(self) -> ContentModel:
        """The content model in the data folder (page types, markers). Raises DataError."""
        return model.load(self.model_file)


Check = Callable[[Context], Iterable[Problem]]
