"""What the published HTML may contain, read from data/html_policy.yml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from sitekit.paths import display_path
from sitekit.project import DATA
from sitekit.reading import read_text
from sitekit.yamlio import load_yaml, yaml_error

POLICY_FILE = DATA / "html_policy.yml"


class PolicyError(ValueError):
    """The policy file is missing, broken or incomplete (the message says where)."""


@dataclass(frozen=True)
class Policy:
    tags: frozenset[str]
    attributes: dict[str, frozenset[str]]  # tag (or "*") -> attribute names
    style_properties: frozenset[str]
    link_schemes: frozenset[str]
    reserved_id_prefixes: tuple[str, ...]
    reserved_ids: frozenset[str]
    reserved_class_prefixes: tuple[str, ...]
    disclaimer_class: str
    may_precede_disclaimer: frozenset[str]  # classes of blocks between title and disclaimer
    file_types: frozenset[str]
    scripts: tuple[str, ...]  # path patterns, relative to the site root
    stylesheets: tuple[str, ...]
    source_maps: tuple[str, ...]
    data_files: tuple[str, ...]
    data_script_types: frozenset[str]
    inline_scripts: frozenset[str]  # SHA-256 of the normalized text
    input_types: dict[str, frozenset[str]]  # folder ("docs") -> file types a PR may add

    def reserved_id(self, value: str) -> bool:
        return value in self.reserved_ids or value.startswith(self.reserved_id_prefixes)

    def reserved_class(self, value: str) -> bool:
        return value.startswith(self.reserved_class_prefixes)


def matches(rel: str, patterns: tuple[str, ...]) -> bool:
    """Whether a site path matches a pattern: ``*`` within a folder, ``**`` across folders."""
    return any(_pattern(pattern).fullmatch(rel) for pattern in patterns)


@cache
def _pattern(pattern: str) -> re.Pattern[str]:
    parts = re.split(r"(\*\*|\*|\?)", pattern)
    wildcards = {"**": ".*", "*": "[^/]*", "?": "[^/]"}
    return re.compile("".join(wildcards.get(part, re.escape(part)) for part in parts))


@cache
def load_policy(path: Path = POLICY_FILE, engine: str | None = None) -> Policy:
    """The policy; raises PolicyError naming the file (and line) when it cannot be used.

    ``engine`` names a section of ``engines:`` whose theme files and inline scripts
    are allowed too (the experimental Zensical build ships its own theme's)."""
    shown = display_path(path)
    text, problem = read_text(path, "data")
    if text is None:
        raise PolicyError(f"{shown}: {problem.message if problem else 'cannot be read'}")
    try:
        _, data = load_yaml(text)
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc)
        raise PolicyError(f"{shown}:{line}: not valid YAML: {what}") from None

    def get(dotted: str) -> Any:
        value: Any = data
        for key in dotted.split("."):
            if not isinstance(value, dict) or key not in value:
                raise PolicyError(f"{shown}: '{dotted}' is missing")
            value = value[key]
        return value

    def strings(dotted: str) -> tuple[str, ...]:
        value = get(dotted)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise PolicyError(f"{shown}: '{dotted}' must be a list of strings")
        return tuple(value)

    def site(key: str) -> tuple[str, ...]:
        own = strings(f"site.{key}")
        if engine is None:
            return own
        extra = (get(f"engines.{engine}") or {}).get(key, [])
        if not isinstance(extra, list) or not all(isinstance(item, str) for item in extra):
            raise PolicyError(f"{shown}: 'engines.{engine}.{key}' must be a list of strings")
        return own + tuple(extra)

    attributes, inputs = get("content.attributes"), get("inputs")
    if not isinstance(attributes, dict) or not isinstance(inputs, dict):
        raise PolicyError(f"{shown}: 'content.attributes' and 'inputs' must be mappings")
    return Policy(
        tags=frozenset(strings("content.tags")),
        attributes={
            str(tag): frozenset(strings(f"content.attributes.{tag}")) for tag in attributes
        },
        style_properties=frozenset(strings("content.style_properties")),
        link_schemes=frozenset(strings("content.link_schemes")),
        reserved_id_prefixes=strings("reserved.id_prefixes"),
        reserved_ids=frozenset(strings("reserved.ids")),
        reserved_class_prefixes=strings("reserved.class_prefixes"),
        disclaimer_class=str(get("disclaimer.class")),
        may_precede_disclaimer=frozenset(strings("disclaimer.allowed_before")),
        file_types=frozenset(strings("site.file_types")),
        scripts=site("scripts"),
        stylesheets=site("stylesheets"),
        source_maps=site("source_maps"),
        data_files=site("data_files"),
        data_script_types=frozenset(strings("site.data_script_types")),
        inline_scripts=frozenset(site("inline_scripts")),
        input_types={str(folder): frozenset(strings(f"inputs.{folder}")) for folder in inputs},
    )
