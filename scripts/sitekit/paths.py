"""Where things are in the repository, and how problems name a file."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MKDOCS_YML = ROOT / "mkdocs.yml"
DOCS = ROOT / "docs"
DATA = ROOT / "data"
INCLUDES = ROOT / "includes"
SITE = ROOT / "site"
# What the tooling keeps between runs (the unpacked language model): in the
# virtual environment, so that `make clean` removes it.
CACHE_DIR = Path(sys.prefix) / "share" / "sitekit"


def display_path(path: Path) -> str:
    """A path as problems show it: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except (ValueError, OSError, RuntimeError):  # elsewhere, or a symlink loop
        return path.as_posix()
