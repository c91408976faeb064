"""check.py: every content check, or --mark-translated."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from sitekit import report
from sitekit.changes import ChangesError, code_changes
from sitekit.checks import collect_problems
from sitekit.cli.common import date_arg, guarded
from sitekit.marking import mark_translated
from sitekit.project import DOCS, display_path
from sitekit.sources import SOURCES_FILE


def check_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/check.py",
        description="Check every page: translations, disclaimer, front matter, sections, "
        "sources, numbers, language, freshness, safety and review dates.",
        epilog="Exit status: 0 no errors, 1 errors found, 2 wrong usage.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="report only problems in these files (all pages are still read)",
    )
    parser.add_argument(
        "--format",
        choices=sorted(report.FORMATS),
        default="text",
        help="text (default), github (pull-request annotations) or json",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (reviews due) as errors; outdated translations stay notices",
    )
    parser.add_argument(
        "--changed-from",
        metavar="REF",
        help="also report every file changed since git REF that is code, not content "
        "(it needs a maintainer's review; see .github/CODEOWNERS)",
    )
    parser.add_argument(
        "--mark-translated",
        action="store_true",
        help="record that the given translations now match their English page",
    )
    parser.add_argument(
        "--section",
        action="append",
        metavar="ID",
        help="with --mark-translated: record only this section (repeat for more)",
    )
    parser.add_argument(
        "--no-change-needed",
        action="store_true",
        help="with --mark-translated: the English change needs no change in this "
        "translation (recorded in the page)",
    )
    parser.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    parser.add_argument("--docs", type=Path, default=DOCS, help=argparse.SUPPRESS)
    parser.add_argument("--sources", type=Path, default=SOURCES_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.mark_translated:
        if not args.paths:
            parser.error("--mark-translated needs the translated files, e.g. docs/es/about.md")
        return guarded(
            lambda: mark_translated(
                args.paths, args.docs, parser, args.section, args.no_change_needed
            )
        )
    if args.section or args.no_change_needed:
        parser.error("--section and --no-change-needed go with --mark-translated")

    def main() -> int:
        changes: list[report.Problem] = []
        if args.changed_from:
            try:
                changes = code_changes(args.changed_from)
            except ChangesError as exc:
                print(f"error: cannot compare with {args.changed_from}: {exc}", file=sys.stderr)
                return 2
        _, problems = collect_problems(
            docs=args.docs, sources=args.sources, today=args.today, strict=args.strict
        )
        problems += report.escalate(changes) if args.strict else changes
        if args.paths:
            wanted = {display_path(path) for path in args.paths}
            problems = [problem for problem in problems if problem.path in wanted]
        sys.stdout.write(report.FORMATS[args.format](problems))
        return 1 if report.has_errors(problems) else 0

    return guarded(main, report.FORMATS[args.format])
