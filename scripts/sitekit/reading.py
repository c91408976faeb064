"""Reading input files: bounded in size, UTF-8, problems returned rather than raised.

The limits are data (``data/limits.yml``); a file over them is refused before
it is parsed, and rendering a page gets a time limit, so no pull request can
make the checks run for long.
"""

from __future__ import annotations

import re
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Literal

import yaml

from sitekit.paths import DATA, display_path
from sitekit.report import DataError, Problem, error
from sitekit.yamlio import load_yaml, yaml_error

LIMITS_FILE = DATA / "limits.yml"
# Line breaks to YAML, Python or Markdown, but not to git and editors (CR LF is fine).
_STRAY_BREAK = re.compile("\r(?!\n)|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
Kind = Literal["page", "data"]


class TooSlow(Exception):
    """Raised inside ``Limits.deadline`` when the time is up."""


@dataclass(frozen=True)
class Limits:
    page_bytes: int
    data_bytes: int
    line_chars: int
    render_seconds: float

    def max_bytes(self, kind: Kind) -> int:
        return self.page_bytes if kind == "page" else self.data_bytes

    @contextmanager
    def deadline(self, what: str) -> Iterator[None]:
        """Raise TooSlow in the block after ``render_seconds`` (main thread, POSIX only)."""
        usable = (
            hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
        )
        if not usable or self.render_seconds <= 0:
            yield
            return

        def expired(signum: int, frame: object) -> None:
            raise TooSlow(f"{what} took more than {self.render_seconds:g} s")

        previous = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, self.render_seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


# Enough to read data/limits.yml itself.
_BOOTSTRAP = Limits(page_bytes=1 << 16, data_bytes=1 << 16, line_chars=1000, render_seconds=0)


@cache
def limits() -> Limits:
    """The limits in data/limits.yml; a broken file stops the tooling with its file:line."""
    path = LIMITS_FILE
    text, problem = read_text(path, "data", _BOOTSTRAP)
    if problem is not None or text is None:
        raise DataError(problem or error(display_path(path), 0, "unreadable", "cannot read."))
    shown = display_path(path)
    try:
        node, data = load_yaml(text)
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc)
        raise DataError(error(shown, line, "yaml", f"not valid YAML: {what}.")) from None
    names = [field.name for field in fields(Limits)]
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        raise DataError(error(shown, 1, "limits", f"expected the keys {', '.join(names)}."))
    lines = {str(key.value): key.start_mark.line + 1 for key, _ in node.value}
    for name in names:
        value = data.get(name)
        if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
            raise DataError(
                error(shown, lines.get(name, 1), "limits", f"'{name}' must be a positive number.")
            )
    return Limits(**{name: data[name] for name in names})


def read_text(
    path: Path, kind: Kind = "page", bounds: Limits | None = None
) -> tuple[str | None, Problem | None]:
    """The file's text, or a problem saying why it cannot be used."""
    shown = display_path(path)
    bounds = bounds or limits()
    try:
        if not path.is_file():
            raise IsADirectoryError(21, "not a regular file")
        size = path.stat().st_size
        if size > bounds.max_bytes(kind):
            return None, _too_large(shown, 0, f"{size:,} bytes", f"{bounds.max_bytes(kind):,}")
        with path.open("rb") as handle:
            data = handle.read(bounds.max_bytes(kind) + 1)
    except OSError as exc:
        return None, error(
            shown,
            0,
            "unreadable",
            f"cannot read the file: {exc.strerror or exc}.",
            "check that the file exists and is a readable, regular file.",
        )
    if len(data) > bounds.max_bytes(kind):  # it grew while being read
        return None, _too_large(shown, 0, "more bytes", f"{bounds.max_bytes(kind):,}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, error(
            shown,
            line,
            "encoding",
            f"the file is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}).",
            "save the file as UTF-8 (in most editors: File > Save with encoding > UTF-8).",
        )
    if len(text) > bounds.line_chars:
        for number, content in enumerate(text.split("\n"), start=1):
            if len(content) > bounds.line_chars:
                return None, _too_large(
                    shown,
                    number,
                    f"{len(content):,} characters on this line",
                    f"{bounds.line_chars:,}",
                )
    stray = _STRAY_BREAK.search(text)
    if stray:
        line = text.count("\n", 0, stray.start()) + 1
        return None, error(
            shown,
            line,
            "encoding",
            f"the line contains U+{ord(stray.group()):04X}, which some tools read as a line "
            "break and others do not, so line numbers would disagree.",
            "remove it, and save the file with LF (or CRLF) line endings.",
        )
    return text.removeprefix("\ufeff"), None


def _too_large(shown: str, line: int, size: str, limit: str) -> Problem:
    return error(
        shown,
        line,
        "too-large",
        f"the input is too large to check ({size}; the limit is {limit}).",
        "split the page or wrap long lines; the limits are in data/limits.yml.",
    )
