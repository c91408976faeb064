"""The review dates under a page's title, in the reader's language.

Engine-neutral: it needs the page's front matter and its language only.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from typing import Any

from sitekit import ui


def header(meta: Mapping[str, Any], lang: str) -> str:
    """ "Last reviewed" and "Next review" as HTML; empty without the dates."""
    strings = ui.strings(lang)
    parts = []
    for key in ("last_reviewed", "next_review"):
        value = meta.get(key)
        if isinstance(value, dt.date):
            parts.append(
                f'<span class="page-dates__item">{html.escape(strings[key])}: '
                f'<time datetime="{value.isoformat()}">{html.escape(ui.format_date(value, lang))}'
                "</time></span>"
            )
    if not parts:
        return ""
    return '<p class="page-dates">' + " ".join(parts) + "</p>"
