"""Translation freshness: which English text a translation was made from.

A translation records ``translation_hash``: a short hash of the English page's
translatable text (title, description, body). When the English page changes,
the hashes differ and the translation is reported as outdated; readers see a
notice. No Git history is needed, so shallow CI clones work.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path

from sitekit.pages import Page

HASH_LENGTH = 12
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def english_hash(page: Page) -> str:
    """Hash of what a translator translates.

    Whitespace does not count (re-wrapped lines, trailing spaces, blank lines),
    just as it does not change the rendered page.
    """
    parts = [str(page.meta.get("title", "")), str(page.meta.get("description", ""))]
    paragraphs = _PARAGRAPH_BREAK.split("\n".join(page.body))
    parts.extend(" ".join(paragraph.split()) for paragraph in paragraphs if paragraph.strip())
    digest = hashlib.sha256("\n\x00\n".join(parts).encode("utf-8")).hexdigest()
    return digest[:HASH_LENGTH]


def is_outdated(translation: Page, english: Page) -> bool:
    recorded = translation.meta.get("translation_hash")
    return isinstance(recorded, str) and recorded != english_hash(english)


def write_hash(translation: Page, value: str) -> None:
    """Record ``value`` as the page's translation_hash, touching nothing else.

    The file is replaced atomically, so it is never left half written.
    """
    lines = translation.text.splitlines(keepends=True)
    newline = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    entry = f'translation_hash: "{value}"{newline}'
    if "translation_hash" in translation.meta_lines:
        lines[translation.meta_lines["translation_hash"] - 1] = entry
    else:
        closing = translation.body_start - 2  # index of the closing --- line
        lines.insert(closing, entry)
    _atomic_write(translation.path, "".join(lines))


def _atomic_write(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
        Path(temporary).chmod(path.stat().st_mode & 0o777)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
