"""new_page.py, new_language.py and status.py: the editors' commands."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from sitekit import report
from sitekit.cli.common import date_arg, guarded, write_all_or_nothing
from sitekit.content import load_site
from sitekit.datafile import DataError
from sitekit.project import DOCS, ROOT, display_path


def new_page_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/new_page.py",
        description="Create a page in every language, with its sections and TODO markers, "
        "and add it to the navigation.",
        epilog="Example: python scripts/new_page.py treatments/microneedling --title Microneedling",
    )
    parser.add_argument("path", help="<section>/<slug> (or <slug> for a top-level page)")
    parser.add_argument("--title", required=True, help="the English title (at most 70 characters)")
    parser.add_argument(
        "--type",
        dest="page_type",
        help="the page type (data/content_model.yml): its sections are written in every "
        "language (default: the type of the page's folder, or the default type)",
    )
    parser.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return guarded(lambda: _new_page(args))


def _new_page(args: argparse.Namespace) -> int:
    from sitekit import scaffold

    today = args.today or dt.date.today()
    planned = write_all_or_nothing(
        lambda: scaffold.plan(args.path, args.title, args.page_type, today),
        scaffold.apply,
        scaffold.ScaffoldError,
    )
    if isinstance(planned, int):
        return planned
    for path in planned.files:
        print(f"created {display_path(path)}")
    print(f"added {planned.rel} to the navigation in mkdocs.yml")
    print(
        "\nNext: write the English page, replacing every [TODO] marker; translators then "
        "translate the other languages and run\n"
        f"  python scripts/check.py --mark-translated docs/<lang>/{planned.rel}\n"
        "`python scripts/check.py` lists what is still missing."
    )
    return 0


def new_language_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/new_language.py",
        description="Add a language to the site: its configuration, interface strings, "
        "disclaimer, number symbols and a copy of every page, all marked as still to "
        "translate. The checker then lists what is left.",
        epilog="Example: python scripts/new_language.py fr --name Français",
    )
    parser.add_argument("code", help="the language's code: its folder and URL prefix (fr)")
    parser.add_argument("--name", help="its name in the language menu (default: from Babel)")
    parser.add_argument("--locale", help="its locale for dates and numbers (default: Babel's)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return guarded(lambda: _new_language(args))


def _new_language(args: argparse.Namespace) -> int:
    from sitekit import add_language

    planned = write_all_or_nothing(
        lambda: add_language.plan(args.code, args.root, args.name, args.locale),
        add_language.apply,
        add_language.LanguageError,
    )
    if isinstance(planned, int):
        return planned
    for path in planned.files:
        print(f"{'changed' if path.suffix == '.yml' else 'created'} {display_path(path)}")
    for note in planned.notes:
        print(f"note: {note}")
    code = planned.language.code
    print(
        f"\nNext: translate everything marked [TODO: translate] (python scripts/check.py "
        f"lists it), fill in the number words of data/numbers.yml for '{code}', have a "
        f"maintainer pin the translated disclaimer, and run\n"
        f"  python scripts/check.py --mark-translated docs/{code}/<page>.md\n"
        "for each translated page."
    )
    return 0


def status_main(argv: Sequence[str] | None = None) -> int:
    from sitekit import english_diff, status, status_format, status_reading
    from sitekit.history import file_history
    from sitekit.marking import translation_path

    parser = argparse.ArgumentParser(
        prog="python scripts/status.py",
        description="Translation status of every page (up to date, outdated with the "
        "sections and since when, unfinished, missing, orphans), reviews due soon, and "
        "the reading level of every page in every language.",
        epilog="Example: python scripts/status.py --diff docs/es/treatments/mesotherapy.md",
    )
    parser.add_argument(
        "--format",
        choices=sorted(status_format.FORMATS),
        default="text",
        help="text for the terminal (default), markdown for a pull request, json for tools",
    )
    parser.add_argument(
        "--diff",
        type=Path,
        metavar="FILE",
        help="print the English changes this translation has not caught up with, "
        "section by section (uses the Git history)",
    )
    parser.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    parser.add_argument("--docs", type=Path, default=DOCS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    def main() -> int:
        site = load_site(args.docs)
        if site.problems and not site.pages.get(site.default.code):
            sys.stdout.write(report.format_text(site.problems))
            return 1
        if args.diff is not None:
            lang, rel = translation_path(args.diff, args.docs, site, parser)
            page, english = site.pages[lang].get(rel), site.english().get(rel)
            if page is None or english is None:
                original = args.docs / site.default.code / rel
                missing = display_path(args.diff if page is None else original)
                print(f"error: {missing} does not exist or cannot be read.", file=sys.stderr)
                return 1
            sys.stdout.write(english_diff.report(page, english, file_history(english.path)))
            return 0
        result = status.collect_status(site, args.today or dt.date.today(), status.git_history())
        try:
            reading = status_reading.collect_reading(site)
        except DataError as exc:
            sys.stdout.write(report.format_text([exc.problem]))
            return 1
        sys.stdout.write(status_format.FORMATS[args.format](site, result, reading))
        return 0

    return guarded(main)
