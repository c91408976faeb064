"""The "Problems on this page" panel of the live preview and of draft builds.

Like MDN's "flaws", an editor sees the checker's problems on the page they are
about. The panel and the draft banner are added to the built HTML after the
build (an engine-neutral step over the output files) by ``make serve`` and
``build.py --draft`` only; the production build refuses any page that carries
either (``leaks``). Their text is in English, like the checker's messages.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path

from sitekit.content import Site
from sitekit.pages import built_path
from sitekit.report import Problem, Severity, error, sort

PANEL_ATTR = "data-sitekit-problems"
DRAFT_ATTR = "data-sitekit-draft"
_H1 = re.compile(r"<h1\b", re.IGNORECASE)
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)
_BOX = (
    "margin:0 0 1.2em;padding:.6em 1em;border:3px solid #b3261e;border-radius:4px;"
    "background:#fff4f2;color:#1b1b1b;font-size:.75rem;line-height:1.5"
)
_BANNER = (
    "padding:.4em 1em;background:#b3261e;color:#fff;"
    "font:600 14px/1.4 system-ui,sans-serif;text-align:center"
)


def _item(problem: Problem) -> str:
    where = f"line {problem.line}: " if problem.line else ""
    fix = f'<br><span style="opacity:.85">fix: {html.escape(problem.hint)}</span>'
    return (
        f"<li><strong>{problem.severity.value}</strong> [{html.escape(problem.code)}] "
        f"{where}{html.escape(problem.message)}{fix if problem.hint else ''}</li>"
    )


def render(problems: list[Problem], file: str, elsewhere: int) -> str:
    """The panel for one page's problems (``file`` is the source file they are in)."""
    errors = sum(p.severity is Severity.ERROR for p in problems)
    others = (
        f"<p>{elsewhere} more problem{'s' * (elsewhere != 1)} in other files: see the "
        "terminal, or run <code>make check</code>.</p>"
        if elsewhere
        else ""
    )
    return (
        f'<aside {PANEL_ATTR} lang="en" role="region" aria-label="Problems on this page" '
        f'style="{_BOX}">'
        f"<p><strong>Problems on this page: {len(problems)}</strong> ({errors} "
        f"error{'s' * (errors != 1)}) in <code>{html.escape(file)}</code>. Shown only in the "
        "preview and in draft builds; never published.</p>"
        f'<ul style="margin:.3em 0">{"".join(_item(p) for p in sort(problems))}</ul>'
        f"{others}</aside>"
    )


def banner(problem_count: int) -> str:
    """The bar at the top of every page of a draft build."""
    return (
        f'<div {DRAFT_ATTR} lang="en" role="note" style="{_BANNER}">DRAFT, not publishable: '
        f"the content checks found {problem_count} problem{'s' * (problem_count != 1)}. "
        "Each page shows its own.</div>"
    )


def add_to_page(page_html: str, panel: str) -> str:
    """``panel`` just before the page's title (or at the top of the body)."""
    match = _H1.search(page_html) or _BODY.search(page_html)
    if match is None:
        return panel + page_html
    at = match.start() if match.re is _H1 else match.end()
    return page_html[:at] + panel + page_html[at:]


def add_banner(page_html: str, bar: str) -> str:
    match = _BODY.search(page_html)
    return page_html[: match.end()] + bar + page_html[match.end() :] if match else bar + page_html


def inject(
    site_dir: Path, site: Site, problems: Iterable[Problem], prefixes: Mapping[str, str]
) -> int:
    """Add a panel to every built page that has problems; return how many pages got one.

    ``prefixes`` maps the languages of this build to their folder ("" or "es/").
    Problems outside the pages (data, configuration) are listed on home pages.
    """
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        by_file[problem.path].append(problem)
    pages: dict[str, tuple[str, str]] = {}  # source file -> (language, path under docs/<lang>/)
    for page in site.all_pages():
        if page.lang in prefixes:
            pages[page.display] = (page.lang, page.rel)
            # Problems found in the built output name the built file.
            built = f"site/{built_path(page.rel, prefixes[page.lang])}"
            by_file[page.display] += by_file.pop(built, [])
    elsewhere = [p for path, found in by_file.items() if path not in pages for p in found]
    changed = 0
    for shown, (lang, rel) in pages.items():
        found = list(by_file.get(shown, []))
        if rel == "index.md":
            found += elsewhere
        if not found:
            continue
        target = site_dir / built_path(rel, prefixes[lang])
        if not target.is_file():
            continue
        outside = 0 if rel == "index.md" else len(elsewhere)
        panel = render(found, shown, outside)
        target.write_text(add_to_page(target.read_text("utf-8"), panel), encoding="utf-8")
        changed += 1
    return changed


def mark_draft(site_dir: Path, problem_count: int) -> None:
    """Put the draft banner on every HTML page of a built site."""
    bar = banner(problem_count)
    for path in site_dir.rglob("*.html"):
        path.write_text(add_banner(path.read_text("utf-8"), bar), encoding="utf-8")


def leaks(site_dir: Path) -> list[Problem]:
    """Pages of a production build that carry the panel or the draft banner."""
    found = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text("utf-8")
        for marker, what in ((PANEL_ATTR, "problems panel"), (DRAFT_ATTR, "draft banner")):
            if marker in text:
                found.append(
                    error(
                        f"site/{path.relative_to(site_dir).as_posix()}",
                        0,
                        "built-output",
                        f"the page carries the preview's {what}, which is never published.",
                        "build with python scripts/build.py (without --draft), not from a "
                        "preview folder.",
                    )
                )
    return found
