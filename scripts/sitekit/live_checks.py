"""``make serve``: the content checks on every rebuild, in the terminal and on the pages.

The preview's MkDocs hooks call ``before_build`` and ``after_build`` only when
``building.PREVIEW_ENV`` is set, which ``serve.py`` alone does. The checks read
the sources (a fraction of a second at the site's size); the panel is added to
the built files afterwards (``sitekit.problems_panel``).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Mapping
from pathlib import Path

from sitekit import problems_panel, report
from sitekit.building import PREVIEW_ENV
from sitekit.checks import collect_problems
from sitekit.content import Site

_found: tuple[Site, list[report.Problem]] | None = None


def enabled() -> bool:
    return os.environ.get(PREVIEW_ENV) == "1"


def before_build(docs: Path) -> None:
    """Run every check and print the problems; a failure never stops the preview."""
    global _found
    started = time.perf_counter()
    try:
        context, problems = collect_problems(docs=docs)
    except Exception as exc:  # a bug in a check must not end the editor's preview
        _found = None
        print(f"error: the content checks could not run: {exc!r}", file=sys.stderr)
        return
    _found = (context.site, problems)
    elapsed = time.perf_counter() - started
    text = report.format_text(problems) if problems else "No problems found.\n"
    sys.stderr.write(
        f"--- content checks ({elapsed:.1f} s); problems are also shown on each page ---\n" + text
    )
    sys.stderr.flush()


def after_build(site_dir: Path, prefixes: Mapping[str, str]) -> None:
    """Show each page's problems on it, in the folder the preview serves."""
    if _found is not None:
        site, problems = _found
        problems_panel.inject(site_dir, site, problems, prefixes)
