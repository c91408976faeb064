"""schema.org structured data: a ``MedicalWebPage`` description of every content page."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

SCRIPT_TYPE = "application/ld+json"


def medical_web_page(
    *,
    url: str,
    name: str,
    description: str,
    in_language: str,
    last_reviewed: dt.date | None,
    publisher: str,
    home_url: str,
    procedure: bool,
) -> dict[str, Any]:
    """The JSON-LD object of one page; ``procedure`` pages are about a medical procedure."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "url": url,
        "name": name,
        "description": description,
        "inLanguage": in_language,
    }
    if last_reviewed is not None:
        data["lastReviewed"] = last_reviewed.isoformat()
    data["publisher"] = {"@type": "Organization", "name": publisher, "url": home_url}
    if procedure:
        data["about"] = {"@type": "MedicalProcedure", "name": name}
    return data


def script_tag(data: dict[str, Any]) -> str:
    """A ``<script>`` element holding ``data``; no text in it can end the element early."""
    # "<" only occurs inside JSON strings, where \u003c means the same character.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="{SCRIPT_TYPE}">{text}</script>'
