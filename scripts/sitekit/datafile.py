"""The site's own YAML data files (data/*.yml): read them, and say where they are wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sitekit.paths import display_path
from sitekit.reading import read_text
from sitekit.report import DataError, error
from sitekit.yamlio import load_yaml, yaml_error

__all__ = ["DataError", "fail", "line_of", "problem_at", "read"]


def problem_at(path: Path, line: int, message: str, hint: str) -> DataError:
    """A DataError: what is wrong in a data file, where, and how to fix it."""
    return DataError(error(display_path(path), line, "data", message, hint))


def version(path: Path) -> tuple[int, int]:
    """What changes when the file does (modification time, size): a key for caches of
    what was read from it, so that an edited file is read again."""
    try:
        stat = path.stat()
    except OSError:
        return (0, -1)
    return (stat.st_mtime_ns, stat.st_size)


def read(path: Path) -> tuple[yaml.Node | None, Any]:
    """A data file's node tree (with line numbers) and value, read within the limits
    of data/limits.yml. Raises DataError."""
    text, problem = read_text(path, "data")
    if problem is not None or text is None:
        raise DataError(problem or error(display_path(path), 0, "unreadable", "cannot read."))
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc)
        raise problem_at(path, line, f"not valid YAML: {what}.", "fix this line") from None


def line_of(node: yaml.Node | None, *keys: str) -> int:
    """Line (from 1) of a nested key in a node tree; of the deepest key found."""
    line = node.start_mark.line + 1 if node is not None else 1
    for key in keys:
        if not isinstance(node, yaml.MappingNode):
            break
        match = next(((k, v) for k, v in node.value if str(k.value) == key), None)
        if match is None:
            break
        line, node = match[0].start_mark.line + 1, match[1]
    return line


def fail(path: Path, node: yaml.Node | None, keys: tuple[str, ...], message: str) -> DataError:
    """A DataError at a key, pointing the editor to the file's own comments."""
    return problem_at(path, line_of(node, *keys), message, f"see the comments in {path.name}")
