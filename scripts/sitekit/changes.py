"""Which files of a change are code, and so need a maintainer's review.

.github/CODEOWNERS lists the code paths: GitHub asks their owners to review a
pull request that touches them, and ``check.py --changed-from <ref>`` reads the
same file to report each changed code file. One exception: mkdocs.yml is code
except its ``nav:``, which content pull requests edit (new_page.py adds pages
there).
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from sitekit.project import ROOT, parse_mkdocs_config
from sitekit.report import DataError, Problem, warning

CODEOWNERS = Path(".github") / "CODEOWNERS"
CONTENT_KEYS = frozenset({"nav"})  # the parts of mkdocs.yml a content change may touch
HINT = (
    "a content pull request changes pages (docs/), data/sources.yml, data/ui.yml and the "
    "nav: of mkdocs.yml only. Ask a maintainer to review this file, or move the change to "
    "its own pull request."
)


class ChangesError(Exception):
    """The comparison could not be made (no git, not a repository, unknown reference)."""


def _git(root: Path, *args: str) -> str:
    try:
        result = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=False
        )
    except OSError as exc:
        raise ChangesError(f"git cannot be run: {exc.strerror}") from None
    if result.returncode != 0:
        raise ChangesError(result.stderr.strip() or f"git {args[0]} failed")
    return result.stdout


def owner_patterns(codeowners: Path) -> list[re.Pattern[str]]:
    """The paths a CODEOWNERS file gives an owner, as patterns over repository paths."""
    patterns = []
    for line in codeowners.read_text(encoding="utf-8").splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2:
            continue  # a comment, or a path with no owner
        pattern = fields[0]
        anchored = "/" in pattern.rstrip("/")
        body = "".join(
            {"**": ".*", "*": "[^/]*", "?": "[^/]"}.get(part, re.escape(part))
            for part in re.split(r"(\*\*|\*|\?)", pattern.strip("/"))
        )
        prefix = "" if anchored else "(?:.*/)?"
        patterns.append(re.compile(f"{prefix}{body}(?:/.*)?"))
    return patterns


def changed_paths(ref: str, root: Path = ROOT) -> tuple[str, list[str]]:
    """(merge base, files changed since it, committed or not) for ``ref``."""
    base = _git(root, "merge-base", ref, "HEAD").strip()
    changed = _git(root, "diff", "--name-only", "--no-renames", base).splitlines()
    untracked = _git(root, "ls-files", "--others", "--exclude-standard").splitlines()
    return base, sorted(set(changed) | set(untracked))


def _config_keys_changed(root: Path, base: str) -> list[str]:
    """The top-level keys of mkdocs.yml that differ from the merge base."""
    try:
        old_text = _git(root, "show", f"{base}:mkdocs.yml")
    except ChangesError:
        old_text = ""  # a new file
    new_path = root / "mkdocs.yml"
    new_text = new_path.read_text(encoding="utf-8") if new_path.is_file() else ""
    try:
        old = parse_mkdocs_config(old_text, "mkdocs.yml") if old_text else {}
        new = parse_mkdocs_config(new_text, "mkdocs.yml") if new_text else {}
    except DataError:
        return ["(the file cannot be read)"]
    keys = set(old) | set(new)
    return sorted(key for key in keys - CONTENT_KEYS if old.get(key) != new.get(key))


def code_changes(ref: str, root: Path = ROOT) -> list[Problem]:
    """A warning for every changed code file since ``ref``; raises ChangesError."""
    base, paths = changed_paths(ref, root)
    codeowners = root / CODEOWNERS
    patterns = owner_patterns(codeowners) if codeowners.is_file() else []
    problems = []
    for path in paths:
        if path == "mkdocs.yml":
            keys = _config_keys_changed(root, base)
            if keys:
                problems.append(
                    warning(
                        path,
                        0,
                        "code-change",
                        "code change: needs a maintainer's review (mkdocs.yml changes outside "
                        f"nav: {', '.join(keys)}).",
                        HINT,
                    )
                )
        elif any(pattern.fullmatch(path) for pattern in patterns):
            problems.append(
                warning(
                    path,
                    0,
                    "code-change",
                    f"code change: needs a maintainer's review ({CODEOWNERS.as_posix()} "
                    "lists this path).",
                    HINT,
                )
            )
    return problems
