"""What the English text of a section was when a translation was made, from Git.

A translation records a hash per English section (``sitekit.freshness``), not a
commit. Where the repository's history is at hand, the commit the translation
was made from is the last version of the English file whose section still has
that hash; the English change is the first version after it whose section does
not. Git is optional: without it, or in a shallow clone, the answers are
"unknown" and ``History.missing`` says why. The checks never call this module.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sitekit.freshness import Entry, section_hashes, section_lines
from sitekit.pages import Page, parse_page

UNSHALLOW = "git fetch --unshallow"


@dataclass(frozen=True)
class Version:
    """One committed version of a file."""

    commit: str
    when: dt.datetime  # the commit date
    text: str

    @property
    def short(self) -> str:
        return self.commit[:8]


@dataclass
class History:
    """The committed versions of one file, oldest first."""

    path: Path
    versions: list[Version] = field(default_factory=list)
    shallow: bool = False
    missing: str = ""  # why there is no history, if there is none

    def explain(self) -> str:
        """What to do to see the English text a translation was made from."""
        if self.missing:
            return f"{self.missing}; clone the repository with git to see what changed"
        if self.shallow:
            return f"this clone has only recent history; run `{UNSHALLOW}` and try again"
        return "no committed version of the English page has that text"

    @cached_property
    def _pages(self) -> list[Page]:
        return [parse_page(self.path, "", "", version.text)[0] for version in self.versions]

    @cached_property
    def _hashes(self) -> list[dict[str, str]]:
        return [section_hashes(page) for page in self._pages]

    def sections_of(self, index: int) -> dict[str, list[str]]:
        return section_lines(self._pages[index])

    def hashes_of(self, index: int) -> dict[str, str]:
        return self._hashes[index]


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes | None:
    """A git command's output, or None if git is missing or the command failed."""
    try:
        result = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False, timeout=60
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def file_history(path: Path) -> History:
    """Every committed version of ``path`` (renames are not followed)."""
    history = History(path)
    folder = path.resolve().parent
    if not folder.is_dir():
        history.missing = f"{folder} does not exist"
        return history
    info = _git(["rev-parse", "--show-toplevel", "--is-shallow-repository"], folder)
    if info is None:
        history.missing = "there is no Git history here (no git, or not a clone)"
        return history
    top, shallow = info.decode().split("\n")[:2]
    history.shallow = shallow.strip() == "true"
    rel = path.resolve().relative_to(Path(top).resolve()).as_posix()
    log = _git(["log", "--format=%H %cI", "--", rel], Path(top))
    if not log:
        return history
    commits = [line.split(" ", 1) for line in reversed(log.decode().splitlines()) if line]
    batch = _git(
        ["cat-file", "--batch"], Path(top), "".join(f"{c}:{rel}\n" for c, _ in commits).encode()
    )
    if batch is None:
        return history
    position = 0
    for commit, when in commits:
        end = batch.index(b"\n", position)
        header = batch[position:end].split()
        position = end + 1
        if len(header) != 3:  # "<name> missing": the file was deleted in that commit
            continue
        size = int(header[2])
        text = batch[position : position + size].decode("utf-8", errors="replace")
        position += size + 1
        history.versions.append(Version(commit, dt.datetime.fromisoformat(when), text))
    return history


@dataclass(frozen=True)
class SectionChange:
    """One English section that changed since a translation was made."""

    section: str
    base: Version | None  # the version the translation was made from, if found
    changed: Version | None  # the first committed version with the new text, if any
    old_lines: list[str] | None  # the section as it was translated ([] if it is new)
    new_lines: list[str]  # the section now

    @property
    def changed_on(self) -> dt.date | None:
        return self.changed.when.date() if self.changed else None


def _locate(history: History, section: str, recorded: str | None) -> tuple[int | None, int | None]:
    """(index of the version translated from, index of the first version that changed).

    The translation was made from the last run of versions whose section has the
    recorded hash (the first of that run is reported); the change is the first
    version after that run. A section the record does not know is new in English:
    its first version is the change.
    """
    versions = range(len(history.versions))
    if recorded is None:
        return None, next((i for i in versions if section in history.hashes_of(i)), None)
    matching = [i for i in versions if history.hashes_of(i).get(section) == recorded]
    if not matching:
        return None, None
    last = matching[-1]
    changed = next(
        (i for i in versions if i > last and history.hashes_of(i).get(section) != recorded), None
    )
    base = last
    while base - 1 in matching:
        base -= 1
    return base, changed


def section_changes(
    entries: dict[str, Entry] | None, english: Page, sections: list[str], history: History
) -> list[SectionChange]:
    """For each outdated section, the English text it was translated from (``entries``
    is the translation's record) and when it changed."""
    entries = entries or {}
    current = section_lines(english)
    changes = []
    for section in sections:
        recorded = entries[section].en if section in entries else None
        base, changed = _locate(history, section, recorded)
        if base is not None:
            old: list[str] | None = history.sections_of(base).get(section, [])
        else:
            old = [] if recorded is None else None
        changes.append(
            SectionChange(
                section=section,
                base=history.versions[base] if base is not None else None,
                changed=history.versions[changed] if changed is not None else None,
                old_lines=old,
                new_lines=current.get(section, []),
            )
        )
    return changes
