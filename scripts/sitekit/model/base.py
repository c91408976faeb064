"""What every schema of the content model shares."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationInfo

from sitekit.model.explain import Wanted, problem

SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Schema(BaseModel):
    """Values as YAML reads them, exactly: no unknown keys, no conversions."""

    model_config = ConfigDict(extra="forbid", strict=True)


def not_blank(value: str, info: ValidationInfo) -> str:
    if not value.strip():
        raise problem("blank", f"'{info.field_name}' is empty.", "write it, or remove the key.")
    return value


Slug = Annotated[
    str,
    StringConstraints(pattern=SLUG),
    Wanted("lower-case words joined by hyphens", "e.g. side-effects."),
]


Text = Annotated[str, AfterValidator(not_blank), Wanted("text", "write it as text.")]
