"""What a declared schema (sitekit.model) found wrong, in an editor's words.

The schemas are pydantic models. Each field may carry a ``Wanted`` note (what it
holds and how to write it); ``findings`` turns pydantic's errors into one
message and one fix per value, which the caller places on a line of its file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import types
import typing
from dataclasses import dataclass, replace
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails, PydanticCustomError


@dataclass(frozen=True)
class Wanted:
    """Field metadata: what the value is, in an editor's words, and how to write it."""

    what: str
    hint: str = ""
    too_long: str = ""  # how to fix a text that is too long
    too_short: str = ""  # and one that is too short


@dataclass(frozen=True)
class Finding:
    loc: tuple[str, ...]  # the keys down to where the problem is shown
    message: str
    hint: str
    key: tuple[str, ...] = ()  # the keys down to the value concerned (missing or wrong)


def problem(kind: str, message: str, hint: str = "") -> PydanticCustomError:
    """An error a validator raises with its own message and fix."""
    return PydanticCustomError(kind, "{message}", {"message": message, "hint": hint})


def type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dt.date):
        return "a date"
    names = {str: "text", int: "a number", float: "a number", list: "a list", dict: "a mapping"}
    return "nothing" if value is None else names.get(type(value), type(value).__name__)


_ANY = Wanted("a valid value")


def _note(annotation: Any) -> Wanted | None:
    """The Wanted note of an annotation, looking through nested Annotated types."""
    while typing.get_origin(annotation) is typing.Annotated:
        base, *metadata = typing.get_args(annotation)
        notes = [item for item in metadata if isinstance(item, Wanted)]
        if notes:
            return notes[-1]
        annotation = base
    return None


def _strip(annotation: Any) -> Any:
    """The type under Annotated and Optional."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
        elif origin in {types.UnionType, typing.Union}:
            annotation = next(a for a in typing.get_args(annotation) if a is not type(None))
        else:
            return annotation


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    """A model's fields by the key written in the file (its alias, if it has one)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _locate(
    model: type[BaseModel], loc: tuple[str, ...], is_key: bool
) -> tuple[type[BaseModel], Wanted]:
    """The model that holds the value at ``loc``, and what that value should be."""
    holder, parts = model, list(loc)
    while parts:
        field = _fields(holder).get(parts.pop(0))
        if field is None:
            return holder, _ANY
        wanted = next((item for item in field.metadata if isinstance(item, Wanted)), None)
        wanted = wanted or _note(field.annotation) or _ANY
        annotation = _strip(field.annotation)
        if parts and typing.get_origin(annotation) is dict:
            key_type, value_type = typing.get_args(annotation)
            parts.pop(0)  # the mapping's own key
            if not parts:
                return holder, _note(key_type if is_key else value_type) or wanted
            annotation = _strip(value_type)
        if not parts or not (isinstance(annotation, type) and issubclass(annotation, BaseModel)):
            return holder, wanted
        holder = annotation
    return holder, _ANY


def _explain(
    error: ErrorDetails, model: type[BaseModel], owner: str, values: dict[str, str]
) -> Finding:
    is_key = "[key]" in error["loc"]
    loc = tuple(str(part) for part in error["loc"] if part != "[key]")
    kind, value = error["type"], error.get("input")
    holder, wanted = _locate(model, tuple(part for part in loc if not part.isdigit()), is_key)
    key = next((part for part in reversed(loc) if not part.isdigit()), owner)
    container = owner if len(loc) < 2 else f"'{'.'.join(loc[:-1])}' in {owner}"
    hint = wanted.hint.format(key=key, **values)
    if kind == "missing":
        required = [name for name, info in _fields(holder).items() if info.is_required()]
        listed = f" (required: {', '.join(required)})" if len(required) <= 8 else ""
        return Finding(loc[:-1], f"{container} has no '{key}'.", f"add '{key}:'{listed}.")
    if kind == "extra_forbidden":
        allowed = list(_fields(holder))
        close = difflib.get_close_matches(key, allowed, n=1)
        return Finding(
            loc,
            f"unknown {values['noun']} key '{key}'."
            if "noun" in values
            else f"unknown key '{key}' in {container}.",
            f"did you mean '{close[0]}'?" if close else f"allowed keys: {', '.join(allowed)}.",
        )
    if is_key:
        return Finding(loc, f"the key '{value}' should be {wanted.what}.", hint)
    if kind in {"string_too_long", "string_too_short"} and isinstance(value, str) and value.strip():
        long = kind == "string_too_long"
        limit = error.get("ctx", {}).get("max_length" if long else "min_length")
        return Finding(
            loc,
            f"the {key} is {len(value)} characters long ({'at most' if long else 'at least'} "
            f"{limit}).",
            (wanted.too_long if long else wanted.too_short) or hint,
        )
    if isinstance(error.get("ctx", {}).get("hint"), str):  # raised with problem()
        return Finding(loc, str(error["ctx"]["message"]), str(error["ctx"]["hint"]))
    if isinstance(value, bool) and "bool" not in kind:
        return Finding(
            loc,
            f"'{key}' should be {wanted.what} but YAML read a bare yes/no/on/off as "
            f"{str(value).lower()}.",
            f'put the value in quotes, e.g. {key}: "no".',
        )
    if kind == "date_type" and isinstance(value, str):
        hint = f"remove the quotes: {key}: {value}"
    if kind == "literal_error" or kind.endswith("pattern_mismatch"):
        return Finding(loc, f"'{key}' cannot be {value!r}: it should be {wanted.what}.", hint)
    if isinstance(value, str) and not value.strip():
        return Finding(loc, f"'{key}' is empty.", hint)
    return Finding(loc, f"'{key}' should be {wanted.what}, not {type_name(value)}.", hint)


def findings(
    data: Any,
    model: type[BaseModel],
    owner: str,
    *,
    context: dict[str, Any] | None = None,
    values: dict[str, str] | None = None,
) -> tuple[BaseModel | None, list[Finding]]:
    """The validated model, or None and one finding per value that is wrong.

    ``owner`` names what is validated in messages ("the front matter"); a
    hint may use ``{key}`` and the ``values`` given.
    """
    try:
        return model.model_validate(data, context=context), []
    except ValidationError as exc:
        found: dict[tuple[tuple[str, ...], str], Finding] = {}
        for error in exc.errors(include_url=False):
            finding = _explain(error, model, owner, values or {})
            key = tuple(str(part) for part in error["loc"] if part != "[key]")
            finding = replace(finding, key=key)
            found.setdefault((finding.loc, finding.message), finding)
        return None, list(found.values())
