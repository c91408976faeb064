"""The whole set of Markdown sources, per language."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.pages import Page, parse_page
from sitekit.project import DOCS, Language, Layout, display_path, english_name
from sitekit.reading import read_text
from sitekit.report import Problem, error


@dataclass
class Site:
    docs: Path
    languages: tuple[Language, ...]
    pages: dict[str, dict[str, Page]] = field(default_factory=dict)  # lang -> rel -> page
    problems: list[Problem] = field(default_factory=list)  # reading problems
    unreadable: set[Path] = field(default_factory=set)  # files that exist but could not be used

    @property
    def default(self) -> Language:
        return self.languages[0]

    @property
    def translations(self) -> tuple[Language, ...]:
        return self.languages[1:]

    def english(self) -> dict[str, Page]:
        return self.pages.get(self.default.code, {})

    def all_pages(self) -> Iterator[Page]:
        for lang in self.languages:
            yield from self.pages.get(lang.code, {}).values()

    def counterpart(self, page: Page, lang: str) -> Page | None:
        return self.pages.get(lang, {}).get(page.rel)

    def exists(self, lang: str, rel: str) -> bool:
        """The file exists, even if it could not be parsed."""
        return rel in self.pages.get(lang, {}) or (self.docs / lang / rel) in self.unreadable


def load_site(docs: Path = DOCS, langs: Sequence[Language] | None = None) -> Site:
    """Read every ``docs/<lang>/**/*.md``; problems in reading are collected, not raised."""
    site = Site(docs=docs, languages=tuple(langs or Layout.of(docs).languages()))
    if not docs.is_dir():
        site.problems.append(
            error(
                display_path(docs),
                0,
                "missing-folder",
                "the docs folder does not exist.",
                "run the command from the repository root, or pass the right folder with --docs.",
            )
        )
        return site
    codes = {lang.code for lang in site.languages}
    for entry in sorted(docs.iterdir()):
        if entry.is_dir() and entry.name not in codes and not entry.name.startswith("."):
            site.problems.append(
                error(
                    display_path(entry),
                    0,
                    "unknown-language",
                    f"'{entry.name}' is not one of the site's languages "
                    f"({', '.join(sorted(codes))}).",
                    "move its pages into docs/<language>/, or add the language to mkdocs.yml.",
                )
            )
        elif entry.suffix == ".md":
            site.problems.append(
                error(
                    display_path(entry),
                    0,
                    "outside-language",
                    "this page is outside a language folder.",
                    f"move it to docs/{site.default.code}/ and translate it into every language.",
                )
            )
    for lang in site.languages:
        folder = docs / lang.code
        site.pages[lang.code] = {}
        if not folder.is_dir():
            site.problems.append(
                error(
                    display_path(folder),
                    0,
                    "missing-folder",
                    f"the {english_name(lang.code)} folder does not exist.",
                    f"create docs/{lang.code}/ with a translation of every "
                    f"page in docs/{site.default.code}/.",
                )
            )
            continue
        prefix = len(str(folder)) + 1
        for path in sorted(folder.rglob("*.md")):
            rel = str(path)[prefix:].replace("\\", "/")
            text, problem = read_text(path)
            if problem is not None or text is None:
                site.problems.extend([problem] if problem else [])
                site.unreadable.add(path)
                continue
            page, problems = parse_page(path, lang.code, rel, text)
            site.problems.extend(problems)
            if page.usable:
                site.pages[lang.code][rel] = page
            else:  # only the reading problem is reported, not what follows from it
                site.unreadable.add(path)
    return site
