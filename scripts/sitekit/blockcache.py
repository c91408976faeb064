"""Rendered pages and language verdicts kept between runs: a page is rendered and
judged again only when it changes.

Rendering and identifying languages are most of what the checker does. The
blocks of each page it read, and the language identifier's verdict on each
text it judged, are kept in ``<venv>/share/sitekit/blocks.json``, under a hash
of the text and of everything that decides the result: the Markdown
extensions and their settings in mkdocs.yml, the versions of Python-Markdown,
pymdownx and the HTML parser, the identifier's model, and the code that
renders and reads pages. Each run writes the file anew with what it used, so
it never outgrows the site. A page that cannot be rendered is never kept: it
is tried again on every run.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import markdown
import pymdownx
import selectolax

from sitekit import htmlscan, langid_model, rendering, textblocks
from sitekit.files import atomic_write
from sitekit.pages import Page
from sitekit.paths import CACHE_DIR
from sitekit.project import mkdocs_config
from sitekit.textblocks import Block

CACHE_FILE = CACHE_DIR / "blocks.json"


@cache
def _fingerprint() -> str:
    """What, besides a page's text, decides its blocks."""
    extensions = json.dumps(mkdocs_config().get("markdown_extensions"), sort_keys=True)
    model = langid_model.model_file().stat()
    versions = [markdown.__version__, pymdownx.__version__, selectolax.__version__]
    versions += [str(model.st_size), str(model.st_mtime_ns)]
    modules = (rendering, textblocks, htmlscan, langid_model)
    code = [Path(module.__file__ or "").read_text() for module in modules]
    return hashlib.sha256("\0".join([extensions, *versions, *code]).encode()).hexdigest()


@dataclass
class BlockCache:
    path: Path = CACHE_FILE
    kept: dict[str, list[list[Any]]] = field(default_factory=dict)  # from the last run
    used: dict[str, list[list[Any]]] = field(default_factory=dict)  # by this run
    kept_verdicts: dict[str, dict[str, float]] = field(default_factory=dict)
    verdicts: dict[str, dict[str, float]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path = CACHE_FILE) -> BlockCache:
        """The pages kept by the last run (none if the file is missing, damaged or stale)."""
        found = cls(path)
        with contextlib.suppress(OSError, ValueError):
            data = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("fingerprint") == _fingerprint():
                found.kept = dict(data.get("pages") or {})
                found.kept_verdicts = dict(data.get("verdicts") or {})
        return found

    @staticmethod
    def key(page: Page) -> str:
        return hashlib.sha256(f"{_fingerprint()}\0{page.text}".encode()).hexdigest()

    def get(self, page: Page) -> list[Block] | None:
        key = self.key(page)
        rows = self.kept.get(key)
        if rows is None:
            return None
        try:
            blocks = [Block(str(r[0]), int(r[1]), str(r[2]), str(r[3])) for r in rows]
        except (TypeError, ValueError, IndexError):  # a damaged entry: render again
            return None
        self.used[key] = rows
        return blocks

    def put(self, page: Page, blocks: list[Block]) -> None:
        rows = [[b.text, b.line, b.kind, b.section] for b in blocks]
        self.used[self.key(page)] = rows

    @staticmethod
    def _verdict_key(codes: tuple[str, ...], text: str) -> str:
        return hashlib.sha256(f"{_fingerprint()}\0{' '.join(codes)}\0{text}".encode()).hexdigest()

    def verdict(self, codes: tuple[str, ...], text: str) -> dict[str, float] | None:
        """The identifier's probabilities for a text, if an earlier run judged it."""
        key = self._verdict_key(codes, text)
        found = self.kept_verdicts.get(key)
        if not isinstance(found, dict):
            return None
        self.verdicts[key] = found
        return {str(code): float(p) for code, p in found.items()}

    def keep_verdict(self, codes: tuple[str, ...], text: str, found: dict[str, float]) -> None:
        self.verdicts[self._verdict_key(codes, text)] = found

    def save(self) -> None:
        """Keep this run's pages, written whole or not at all."""
        kept = {"pages": self.used, "verdicts": self.verdicts}
        with contextlib.suppress(OSError):
            atomic_write(self.path, json.dumps({"fingerprint": _fingerprint(), **kept}))
