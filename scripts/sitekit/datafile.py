"""The site's own YAML data files (data/*.yml): read them, and say where they are wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from sitekit.pages import display_path, load_yaml, yaml_error
from sitekit.report import error


class DataError(ValueError):
    """A problem in a data file: where it is, what is wrong and how to fix it."""

    def __init__(self, path: Path, line: int, message: str, hint: str) -> None:
        super().__init__(f"{display_path(path)}:{line}: {message} ({hint})")
        self.problem = error(display_path(path), line, "data", message, hint)


def read(path: Path) -> tuple[yaml.Node | None, Any]:
    """A data file's node tree (with line numbers) and value. Raises DataError."""
    try:
        return load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataError(path, 0, f"cannot read the file: {exc.strerror}.", "restore it") from None
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc)
        raise DataError(path, line, f"not valid YAML: {what}.", "fix this line") from None


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
    return DataError(path, line_of(node, *keys), message, f"see the comments in {path.name}")
