"""mkdocs.yml edited as text, so that its comments, order and ``!ENV`` tags stay.

The one editor of the configuration: new_page.py adds a page to ``nav:``,
new_language.py a language to the i18n plugin, and the benchmark gives its
synthetic site its own ``nav:``.
"""

from __future__ import annotations

from typing import Any

import yaml

from sitekit.yamlio import ConfigLoader, load_yaml


class ConfigEditError(ValueError):
    """mkdocs.yml does not have the part to edit."""


def _nav_span(lines: list[str]) -> tuple[int, int]:
    """The lines of ``nav:`` and its list: (the ``nav:`` line, the line after the list)."""
    try:
        start = next(i for i, line in enumerate(lines) if line.rstrip() == "nav:")
    except StopIteration:
        raise ConfigEditError("mkdocs.yml has no 'nav:' list") from None
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def add_page(text: str, rel: str, section: str | None) -> str:
    """``text`` with ``rel`` appended to the navigation, in its section's list."""
    lines = text.splitlines(keepends=True)
    start, end = _nav_span(lines)
    nav = lines[start + 1 : end]
    entry_indent = len(nav[0]) - len(nav[0].lstrip()) if nav else 2
    insert_at = end
    new = [f"{' ' * entry_indent}- {rel}\n"]
    if section:
        folder = f"{section}/"
        children = [i for i in range(start + 1, end) if lines[i].strip().startswith(f"- {folder}")]
        if children:
            insert_at = children[-1] + 1
            indent = len(lines[children[-1]]) - len(lines[children[-1]].lstrip())
            new = [f"{' ' * indent}- {rel}\n"]
        else:
            label = section.replace("-", " ").capitalize()
            new = [
                f"{' ' * entry_indent}- {label}:\n",
                f"{' ' * (entry_indent + 4)}- {rel}\n",
            ]
    return "".join(lines[:insert_at] + new + lines[insert_at:])


def replace_nav(text: str, nav: list[Any]) -> str:
    """``text`` with another navigation."""
    lines = text.splitlines(keepends=True)
    start, end = _nav_span(lines)
    dumped = yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True)
    return "".join(lines[:start]) + dumped + "".join(lines[end:])


def dump(data: Any, indent: int) -> list[str]:
    """YAML lines of ``data``, indented."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return [" " * indent + line for line in text.splitlines()]


def add_language(text: str, entry: dict[str, Any]) -> str:
    """``text`` with ``entry`` after the last language of the i18n plugin."""
    node, _ = load_yaml(text, ConfigLoader)
    entries = _languages_node(node)
    dash = entries.value[0].start_mark.column - 2
    new = dump(entry, dash + 2)
    new[0] = " " * dash + "- " + new[0].lstrip()
    source = text.splitlines(keepends=True)
    at = entries.end_mark.line if entries.end_mark.column == 0 else entries.end_mark.line + 1
    while at > 0 and (not source[at - 1].strip() or source[at - 1].lstrip().startswith("#")):
        at -= 1
    return "".join(source[:at]) + "\n".join(new) + "\n" + "".join(source[at:])


def _languages_node(node: yaml.Node | None) -> yaml.SequenceNode:
    def get(mapping: yaml.Node | None, key: str) -> yaml.Node | None:
        if isinstance(mapping, yaml.MappingNode):
            return next((v for k, v in mapping.value if k.value == key), None)
        return None

    plugins = get(node, "plugins")
    for item in plugins.value if isinstance(plugins, yaml.SequenceNode) else []:
        found = get(get(item, "i18n"), "languages")
        if isinstance(found, yaml.SequenceNode) and found.value:
            return found
    raise ConfigEditError("mkdocs.yml has no languages under the i18n plugin to add to")
