"""Problems found by the checks, and the three ways of printing them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from enum import StrEnum
from itertools import groupby


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    # A known, reader-visible state that needs work but blocks nothing, even under
    # --strict: a translation behind its English page (see CONTRIBUTING.md).
    NOTICE = "notice"


@dataclass(frozen=True)
class Problem:
    """One problem: where it is, what is wrong, and how to fix it."""

    path: str  # relative to the repository root, with forward slashes
    line: int  # 1-based; 0 when the problem concerns the whole file
    code: str  # short, stable identifier ("missing-translation")
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class DataError(ValueError):
    """A file the tooling cannot work without (mkdocs.yml, data/*.yml) is broken.

    The command stops and prints the problem, with its file and line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(f"{problem.location}: {problem.message}")
        self.problem = problem

    def __reduce__(self) -> tuple[type[DataError], tuple[Problem]]:
        return DataError, (self.problem,)  # it crosses to the parent from a worker process


def error(path: str, line: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(path, line, code, message, hint, Severity.ERROR)


def warning(path: str, line: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(path, line, code, message, hint, Severity.WARNING)


def notice(path: str, line: int, code: str, message: str, hint: str = "") -> Problem:
    return Problem(path, line, code, message, hint, Severity.NOTICE)


def escalate(problems: Iterable[Problem]) -> list[Problem]:
    """Under ``--strict`` every warning is an error; notices stay notices."""
    return [
        replace(problem, severity=Severity.ERROR)
        if problem.severity is Severity.WARNING
        else problem
        for problem in problems
    ]


def sort(problems: Iterable[Problem]) -> list[Problem]:
    return sorted(problems, key=lambda p: (p.path, p.line, p.code, p.message))


def has_errors(problems: Iterable[Problem]) -> bool:
    return any(problem.severity is Severity.ERROR for problem in problems)


def summary(problems: Sequence[Problem]) -> str:
    if not problems:
        return "No problems found."
    counts = {
        severity: sum(problem.severity is severity for problem in problems) for severity in Severity
    }
    files = len({problem.path for problem in problems})
    parts = [
        f"{counts[Severity.ERROR]} error{'s' * (counts[Severity.ERROR] != 1)}",
        f"{counts[Severity.WARNING]} warning{'s' * (counts[Severity.WARNING] != 1)}",
    ]
    if counts[Severity.NOTICE]:
        parts.append(f"{counts[Severity.NOTICE]} notice{'s' * (counts[Severity.NOTICE] != 1)}")
    return f"{', '.join(parts[:-1])} and {parts[-1]} in {files} file{'s' * (files != 1)}."


def format_text(problems: Sequence[Problem]) -> str:
    """Grouped by file; each problem as ``path:line: severity [code] message`` and its fix."""
    lines: list[str] = []
    for path, group in groupby(sort(problems), key=lambda p: p.path):
        lines.append(path)
        for problem in group:
            lines.append(
                f"  {problem.location}: {problem.severity.value} [{problem.code}] {problem.message}"
            )
            if problem.hint:
                lines.append(f"      fix: {problem.hint}")
        lines.append("")
    lines.append(summary(problems))
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(problems: Sequence[Problem]) -> str:
    """GitHub Actions workflow commands: inline annotations on a pull request."""
    lines = []
    for problem in sort(problems):
        properties = f"file={_escape_property(problem.path)}"
        if problem.line:
            properties += f",line={problem.line}"
        properties += f",title={_escape_property(problem.code)}"
        text = problem.message + (f" Fix: {problem.hint}" if problem.hint else "")
        lines.append(f"::{problem.severity.value} {properties}::{_escape_data(text)}")
    lines.append(summary(problems))
    return "\n".join(lines) + "\n"


def format_json(problems: Sequence[Problem]) -> str:
    items = []
    for problem in sort(problems):
        item = asdict(problem)
        item["severity"] = problem.severity.value
        items.append(item)
    return (
        json.dumps({"problems": items, "summary": summary(problems)}, ensure_ascii=False, indent=2)
        + "\n"
    )


FORMATS = {"text": format_text, "github": format_github, "json": format_json}
