"""Helpers shared by the tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sitekit.pages import built_path as built_path  # re-exported for the tests
from sitekit.project import DOCS, languages

# The test build is served under a path, so that absolute links are proven to
# honour site_url.
SUB_PATH = "/sub/"


@dataclass(frozen=True)
class BuiltSite:
    root: Path
    url: str

    def path_for(self, url: str) -> Path | None:
        """The built file behind an absolute URL of this site, or None if it is elsewhere."""
        parts = urlsplit(url)
        base = urlsplit(self.url)
        if (parts.scheme, parts.netloc) != (base.scheme, base.netloc):
            return None
        if not parts.path.startswith(base.path):
            return None
        local = parts.path[len(base.path) :]
        target = self.root / local
        return target / "index.html" if local == "" or local.endswith("/") else target

    def pages(self, lang_prefix: str = "") -> list[Path]:
        return sorted((self.root / lang_prefix).rglob("index.html"))


# The built-site verification of a folder, against the real site's sources.
Verify = Callable[[Path], list[Any]]


def only(problems: list[Any], code: str, file: Path) -> list[Any]:
    """Problems of one kind in one file; fails if the file is not named."""
    found = [p for p in problems if p.code == code and p.path == file.as_posix()]
    assert found, f"no [{code}] problem for {file}; got: {problems}"
    return found


def line_of(file: Path, text: str) -> int:
    """The first line of a file that contains ``text``."""
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        if text in line:
            return number
    raise AssertionError(f"{text!r} not in {file}")


def english_pages() -> list[str]:
    """Every English source page, relative to docs/en/."""
    english = DOCS / languages()[0].code
    return sorted(path.relative_to(english).as_posix() for path in english.rglob("*.md"))


FIXTURE = Path(__file__).parent / "fixtures" / "site"


def git(root: Path, *args: str, date: str = "2026-10-01T10:00:00+00:00") -> str:
    """Run git in ``root`` with a fixed identity and commit date; its output."""
    import os
    import subprocess

    env = dict(os.environ, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    identity = ["-c", "user.name=Editor", "-c", "user.email=editor@example.org"]
    result = subprocess.run(
        ["git", *identity, *args], cwd=root, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout


class FixtureSite:
    """A copy of tests/fixtures/site that a test may break, and the checks' verdict on it."""

    def __init__(self, root: Path) -> None:
        import shutil

        from sitekit.content import load_site
        from sitekit.freshness import updated_record, write_record

        shutil.copytree(FIXTURE, root, dirs_exist_ok=True)
        self.root = root
        self.docs = root / "docs"
        # Translations record the English text they were made from (--mark-translated).
        site = load_site(self.docs)
        for english in site.english().values():
            for lang in site.translations:
                page = site.counterpart(english, lang.code)
                if page is not None:
                    write_record(page, updated_record(page, english))

    @classmethod
    def existing(cls, root: Path) -> FixtureSite:
        """A fixture site copied before, as it is now."""
        site = cls.__new__(cls)
        site.root, site.docs = root, root / "docs"
        return site

    def path(self, lang: str, rel: str = "treatments/example.md") -> Path:
        return self.docs / lang / rel

    def read(self, lang: str, rel: str = "treatments/example.md") -> str:
        return self.path(lang, rel).read_text(encoding="utf-8")

    def write(self, lang: str, text: str, rel: str = "treatments/example.md") -> Path:
        path = self.path(lang, rel)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def replace(self, lang: str, old: str, new: str, rel: str = "treatments/example.md") -> None:
        text = self.read(lang, rel)
        assert old in text, f"{old!r} is not in {lang}/{rel}"
        self.write(lang, text.replace(old, new, 1), rel)

    def context(self, today: str = "2026-06-01") -> Any:
        import datetime as dt

        from sitekit.checks import Context
        from sitekit.content import load_site
        from sitekit.sources import load_registry

        return Context(
            site=load_site(self.docs),
            registry=load_registry(self.root / "sources.yml"),
            today=dt.date.fromisoformat(today),
            mkdocs_yml=self.root / "mkdocs.yml",
            includes=self.root / "includes",
            data=self.root / "data",
        )

    def problems(self, today: str = "2026-06-01") -> list[Any]:
        from sitekit.checks import run

        return run(self.context(today))

    def check(self, capsys: Any, *args: str) -> tuple[int, str]:
        """Run check.py on the site in this process: (exit status, everything printed)."""
        from sitekit.cli import check_main

        capsys.readouterr()
        status = check_main(
            ["--docs", str(self.docs), "--sources", str(self.root / "sources.yml"), *args]
        )
        out, err = capsys.readouterr()
        return status, out + err


def problems_of(site: FixtureSite, code: str, file: Path) -> list[Any]:
    """The checks' problems of one kind in one file; fails if the file is not named."""
    problems = site.problems()
    found = [p for p in problems if p.code == code and p.path == file.as_posix()]
    assert found, f"no [{code}] problem for {file}; got: {problems}"
    return found


def buildable(site: FixtureSite) -> Path:
    """Make the fixture site a project that builds on its own, like a clone of this
    repository: its own copy of the tooling and theme overrides, its register in
    data/, and the tooling's settings it does not keep. Returns its build script."""
    import shutil

    from sitekit.paths import DATA, ROOT

    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("scripts", "overrides"):
        shutil.copytree(ROOT / folder, site.root / folder, ignore=ignore, dirs_exist_ok=True)
    for path in DATA.glob("*.yml"):
        if not (site.root / "data" / path.name).exists() and path.name != "sources.yml":
            shutil.copy(path, site.root / "data" / path.name)
    shutil.copy(site.root / "sources.yml", site.root / "data" / "sources.yml")
    return site.root / "scripts" / "build.py"
