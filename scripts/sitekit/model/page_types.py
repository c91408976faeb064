"""data/content_model.yml: the page types, their sections, the unfinished markers."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field, model_validator

from sitekit.model.base import Schema, Slug
from sitekit.model.explain import Wanted, problem
from sitekit.pages import Page


class Section(Schema):
    prompt: str = ""  # what new_page.py asks the writer for
    safety: bool = False  # an English change reaches older translations as a notice


class PageType(Schema):
    name: str = ""  # its key in page_types (filled in by ContentModel)
    default: bool = False
    folder: str | None = None
    must_cite: bool = False
    intro: str = ""
    sections: Annotated[
        dict[Slug, Section] | None,
        Wanted("the sections, in order, each with its settings", "e.g. risks: {safety: true}"),
    ] = None

    @property
    def section_ids(self) -> tuple[str, ...]:
        """The level-2 sections a page of this type has, in order."""
        return tuple(self.sections or {})


class Markers(Schema):
    unfinished: Annotated[str, Field(min_length=2)]
    write: str
    translate: str

    @model_validator(mode="after")
    def _marked(self) -> Markers:
        for name in ("write", "translate"):
            if self.unfinished not in getattr(self, name):
                raise problem(
                    "marker",
                    f"the '{name}' marker does not contain '{self.unfinished}'.",
                    "start it with the unfinished marker, so that the checker finds it.",
                )
        return self


class ContentModel(Schema):
    markers: Markers
    last_section: Slug
    page_types: dict[Slug, PageType]

    @model_validator(mode="after")
    def _consistent(self) -> ContentModel:
        defaults = [name for name, kind in self.page_types.items() if kind.default]
        if len(defaults) != 1:
            raise problem(
                "page-types",
                f"{len(defaults)} page types are marked 'default: true'.",
                "mark exactly one: the type of a page without page_type.",
            )
        for name, kind in self.page_types.items():
            kind.name = name
            ids = kind.section_ids
            if self.last_section in ids and ids[-1] != self.last_section:
                raise problem(
                    "page-types",
                    f"the page type '{name}' lists {self.last_section} before other sections.",
                    f"{self.last_section} comes last on every page (last_section).",
                )
        return self

    @property
    def default_type(self) -> PageType:
        return next(kind for kind in self.page_types.values() if kind.default)

    def type_of(self, meta: dict[str, Any]) -> PageType | None:
        """The type of a page from its front matter; None if it names no known type."""
        name = meta.get("page_type")
        return self.default_type if name is None else self.page_types.get(str(name))

    def type_for(self, rel: str) -> PageType:
        """The type new_page.py gives a new page at ``rel`` ("treatments/x")."""
        folder = rel.split("/", 1)[0] if "/" in rel else None
        found = [kind for kind in self.page_types.values() if folder and kind.folder == folder]
        return found[0] if found else self.default_type

    @property
    def safety_sections(self) -> frozenset[str]:
        return frozenset(
            section
            for kind in self.page_types.values()
            for section, settings in (kind.sections or {}).items()
            if settings.safety
        )

    @property
    def section_ids(self) -> frozenset[str]:
        """Every section a page type names, and the last section."""
        ids = {self.last_section}
        for kind in self.page_types.values():
            ids.update(kind.section_ids)
        return frozenset(ids)

    def unfinished(self, page: Page) -> bool:
        """The page still has the unfinished marker in its title, description or text."""
        marker = self.markers.unfinished
        return marker in page.masked or any(
            marker in str(page.meta.get(key, "")) for key in ("title", "description")
        )
