"""The one YAML reader: front matter, data/*.yml and mkdocs.yml.

Every YAML text of the project is untrusted input from a pull request, so the
reader is bounded and its errors say where:

- aliases (``*name``) are refused: a few lines of them expand to millions of values;
- nesting deeper than ``MAX_DEPTH`` is refused before the tree is built (libyaml's
  tree builder recurses, and a few thousand ``[`` crash the interpreter);
- an impossible date (``2026-02-30``) is a YAML error on its line, not a crash;
- an error inside something left open (a quoted text, a ``[`` list, a key) is
  reported on the line where it was opened, not where the parser gave up.

``mkdocs.yml`` is read with ``!ENV [NAME, default]`` taken as its default (the checks),
or as MkDocs reads it (the post-build step).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml_env_tag import construct_env_tag  # type: ignore[import-untyped]

MAX_DEPTH = 32  # mkdocs.yml needs about 10 levels, front matter 2

try:  # libyaml is much faster, when the wheel has it
    _Base: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader

# Errors raised while inside one of these: the mistake is where it was opened.
_OPENED_AT_CONTEXT = ("quoted scalar", "flow sequence", "flow mapping", "simple key")


class Loader(_Base):  # type: ignore[valid-type,misc]
    """The project's YAML loader (safe, libyaml when available)."""


class ConfigLoader(Loader):
    """Reads mkdocs.yml, taking each ``!ENV`` value as its default."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)  # type: ignore[arg-type]
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"'{node.value}' is not a real date ({exc})", node.start_mark
        ) from None


def _env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if len(values) > 1 else None
    return None


Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)
ConfigLoader.add_constructor("!ENV", _env_tag)


class EnvConfigLoader(Loader):
    """Reads mkdocs.yml as MkDocs does: ``!ENV [NAME, default]`` is NAME's value
    in the environment when it is set (even empty), else the default; with MkDocs'
    own reader of the tag (pyyaml_env_tag), so the two cannot disagree."""


EnvConfigLoader.add_constructor("!ENV", construct_env_tag)


def _screen(text: str, loader: type[yaml.SafeLoader]) -> None:
    """Refuse aliases and deep nesting, reading the text as a flat stream of events.

    A syntax error right after a quoted text that runs over several lines is
    blamed on that text: its closing quote is most likely missing.
    """
    depth = 0
    last: yaml.Event | None = None
    try:
        for event in yaml.parse(text, Loader=loader):
            last = event
            if isinstance(event, yaml.AliasEvent):
                raise _refused(
                    f"aliases (*{event.anchor}) are not allowed; write the value out", event
                )
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _refused(f"the data is nested more than {MAX_DEPTH} levels deep", event)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as exc:
        quoted = isinstance(last, yaml.ScalarEvent) and last.style in ('"', "'")
        start, end = (last.start_mark, last.end_mark) if quoted and last else (None, None)
        if start is None or end is None or start.line == end.line:
            raise
        raise yaml.scanner.ScannerError(
            "while scanning a quoted scalar that runs over several lines (is a quote missing?)",
            start,  # type: ignore[arg-type]
            exc.problem,
            exc.problem_mark,
        ) from None


def _refused(problem: str, event: yaml.Event) -> yaml.MarkedYAMLError:
    return yaml.composer.ComposerError(None, None, problem, event.start_mark)  # type: ignore[arg-type]


def load_yaml(text: str, loader: type[yaml.SafeLoader] = Loader) -> tuple[yaml.Node | None, Any]:
    """A YAML document's node tree (which keeps line numbers) and its value.

    Raises yaml.YAMLError; ``yaml_error`` says where and what.
    """
    _screen(text, loader)
    instance = loader(text)
    try:
        node = instance.get_single_node()
        return node, instance.construct_document(node) if node is not None else {}
    finally:
        instance.dispose()


def yaml_error(exc: yaml.YAMLError, first_line: int = 1) -> tuple[int, str]:
    """(file line, or 0 if unknown; what is wrong) of a YAML error in a text that
    starts on line ``first_line`` of its file."""
    if not isinstance(exc, yaml.MarkedYAMLError):
        return 0, str(exc)
    opened = exc.context_mark is not None and any(
        what in (exc.context or "") for what in _OPENED_AT_CONTEXT
    )
    mark = (exc.context_mark if opened else exc.problem_mark) or exc.context_mark
    what = " ".join(filter(None, [exc.context, exc.problem])) or str(exc)
    if mark is None:
        return 0, what
    noticed = exc.problem_mark
    if opened and noticed is not None and noticed.line != mark.line:
        what += f" (noticed on line {first_line + noticed.line})"
    return first_line + mark.line, what
