"""``check.py --mark-translated``: record that translations match their English page."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sitekit import report
from sitekit.checks import collect_problems
from sitekit.content import Site
from sitekit.freshness import (
    FIELD,
    describe,
    not_edited,
    section_hashes,
    updated_record,
    write_record,
)
from sitekit.paths import display_path

# Problems that mean a page is not (yet) a translation of its English page.
MARK_BLOCKERS = frozenset(
    {"unfinished", "language", "yaml", "unreadable", "encoding", "missing-original"}
)


def translation_path(
    path: Path, docs: Path, site: Site, parser: argparse.ArgumentParser
) -> tuple[str, str]:
    """(language, path under docs/<language>/) of a translated file; a usage error if it
    is not under a translation's folder."""
    translated = {lang.code for lang in site.translations}
    try:
        lang, rel = path.resolve().relative_to(docs.resolve()).as_posix().split("/", 1)
    except ValueError:
        lang, rel = "", ""
    if lang not in translated:
        parser.error(
            f"{path} is not a translation: give a file under "
            + " or ".join(f"docs/{code}/" for code in sorted(translated))
        )
    return lang, rel


def mark_translated(
    paths: Sequence[Path],
    docs: Path,
    parser: argparse.ArgumentParser,
    sections: list[str] | None = None,
    no_change_needed: bool = False,
) -> int:
    """Record that translations now match their English page (all sections, or some)."""
    context, problems = collect_problems(docs=docs)
    site = context.site
    english = site.default
    updates = []
    refusals: list[report.Problem] = []
    for path in paths:
        lang, rel = translation_path(path, docs, site, parser)
        resolved = path.resolve()
        page = site.pages.get(lang, {}).get(rel)
        original = site.pages.get(english.code, {}).get(rel)
        shown = display_path(resolved)
        if page is None or original is None:
            refusals.append(
                report.error(
                    shown,
                    0,
                    "mark-translated",
                    "this file or its English original does not exist.",
                    f"check the path; the English page is docs/{english.code}/{rel}.",
                )
            )
            continue
        # A page that cannot be read, or that is not translated yet, is not marked.
        blocking = [
            p
            for p in problems
            if p.path in {shown, original.display}
            and p.severity is report.Severity.ERROR
            and p.code in MARK_BLOCKERS
        ]
        wanted = sections if sections is not None else None
        unknown = [s for s in wanted or [] if s not in section_hashes(original)]
        if unknown:
            parser.error(
                f"{original.display} has no section {', '.join('#' + s for s in unknown)}; "
                "give heading IDs of the English page (or _intro)"
            )
        stale = not_edited(page, original, wanted or list(section_hashes(original)))
        if stale and not no_change_needed:
            blocking.append(
                report.error(
                    shown,
                    page.line_of(FIELD),
                    "mark-translated",
                    f"{describe(stale)} changed in English, but this translation of "
                    f"{'it' if len(stale) == 1 else 'them'} was not edited since it was "
                    "last marked.",
                    f"see the English changes (python scripts/status.py --diff {shown}) and "
                    "update the translation; if it needs no change, say so with "
                    "--no-change-needed (recorded in the page).",
                )
            )
        if blocking:
            refusals.extend(blocking)
            continue
        updates.append(
            (
                page,
                updated_record(page, original, wanted, set(stale) if no_change_needed else set()),
            )
        )
    if refusals:
        sys.stdout.write(report.format_text(refusals))
        print("Nothing was written.", file=sys.stderr)
        return 1
    for page, entries in updates:
        write_record(page, entries)
        which = "every section" if sections is None else describe(sections)
        print(f"{page.display}: recorded {which} as translated from the current English text.")
    return 0
