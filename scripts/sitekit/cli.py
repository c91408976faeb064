"""Command-line entry points (the files in scripts/ only call these)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path

from sitekit import building, report
from sitekit.changes import ChangesError, code_changes
from sitekit.checks import collect_problems
from sitekit.content import load_site
from sitekit.datafile import DataError
from sitekit.marking import mark_translated
from sitekit.paths import SITE
from sitekit.project import DOCS, MKDOCS_YML, ROOT, display_path, languages
from sitekit.sources import SOURCES_FILE


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (YYYY-MM-DD)") from None


def _guarded(
    main: Callable[[], int],
    formatter: Callable[[Sequence[report.Problem]], str] = report.format_text,
) -> int:
    """Run a command; an unexpected failure is one readable line, not a traceback."""
    try:
        return main()
    except KeyboardInterrupt:
        return 130
    except report.DataError as exc:  # a broken mkdocs.yml or data file: where, and what
        sys.stdout.write(formatter([exc.problem]))
        return 1
    except OSError as exc:
        from sitekit.publish import os_error

        print(f"error: {os_error(exc)}.", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("SITEKIT_DEBUG"):
            traceback.print_exc()
        print(
            f"error: {type(exc).__name__}: {exc}\n"
            "(this is a bug in the tooling; run again with SITEKIT_DEBUG=1 for details "
            "and report it)",
            file=sys.stderr,
        )
        return 1


# --- check.py ------------------------------------------------------------------


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
    parser.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    parser.add_argument("--docs", type=Path, default=DOCS, help=argparse.SUPPRESS)
    parser.add_argument("--sources", type=Path, default=SOURCES_FILE, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.mark_translated:
        if not args.paths:
            parser.error("--mark-translated needs the translated files, e.g. docs/es/about.md")
        return _guarded(
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

    return _guarded(main, report.FORMATS[args.format])


# --- build.py ------------------------------------------------------------------


def build_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/build.py",
        description="Check the content, build the site strictly, verify the output and "
        "publish it to site/. A failure leaves site/ as it was.",
    )
    parser.add_argument(
        "--site-dir",
        type=Path,
        default=SITE,
        help="where to publish the built site (default: site/)",
    )
    parser.add_argument(
        "--site-url",
        help="absolute address the site is served from (default: site_url in "
        "mkdocs.yml, or the SITE_URL environment variable)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (reviews due) as errors; outdated translations stay notices",
    )
    parser.add_argument(
        "--draft",
        action="store_true",
        help="build even if the content checks fail, for a preview that is never "
        "published: each page shows its problems and a draft banner",
    )
    parser.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.draft and args.strict:
        parser.error("--draft and --strict do not go together: a draft is never published")
    from sitekit import publish

    return _guarded(
        lambda: publish.build_site(
            args.site_dir,
            args.site_url,
            args.strict,
            args.today,
            args.config_file,
            draft=args.draft,
        )
    )


# --- serve.py ------------------------------------------------------------------


def serve_main(argv: Sequence[str] | None = None) -> int:
    codes = [lang.code for lang in languages()]
    parser = argparse.ArgumentParser(
        prog="python scripts/serve.py",
        description="Preview the site with live reload. Every rebuild runs the content "
        "checks: the problems are printed here and shown on each page they concern.",
    )
    parser.add_argument(
        "--lang", choices=codes, help="build only this language (served at /) for a faster loop"
    )
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    address = f"127.0.0.1:{args.port}"
    env = building.mkdocs_env(site_url=f"http://{address}/", only_language=args.lang, preview=True)
    config = args.config_file.resolve()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address]
    command += ["--config-file", str(config)]
    print(f"Serving on http://{address}/ (Ctrl+C to stop)")
    print("Each rebuild runs the content checks: problems are printed here and shown on the page.")
    try:
        return subprocess.run(command, cwd=config.parent, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 0


# --- preview.py ------------------------------------------------------------------


def preview_main(argv: Sequence[str] | None = None) -> int:
    import time

    from sitekit.static_server import StaticServer

    parser = argparse.ArgumentParser(
        prog="python scripts/preview.py",
        description="Serve the built site as a static host would, 404 pages included.",
    )
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default 8001)")
    parser.add_argument("--site-dir", type=Path, default=SITE)
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(
            f"error: {display_path(args.site_dir)} has no built site; run `make site` first.",
            file=sys.stderr,
        )
        return 1
    with StaticServer(args.site_dir, args.port) as server:
        print(f"Serving {display_path(args.site_dir)} on {server.url} (Ctrl+C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0


# --- new_page.py -----------------------------------------------------------------


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
    parser.add_argument("--today", type=_date, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    return _guarded(lambda: _new_page(args))


def _new_page(args: argparse.Namespace) -> int:
    from sitekit import scaffold

    today = args.today or dt.date.today()
    try:
        planned = scaffold.plan(args.path, args.title, args.page_type, today)
        scaffold.apply(planned)
    except scaffold.ScaffoldError as exc:
        print(f"error: {exc}. Nothing was written.", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}. Nothing was written.", file=sys.stderr)
        return 1
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


# --- new_language.py ---------------------------------------------------------------


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
    return _guarded(lambda: _new_language(args))


def _new_language(args: argparse.Namespace) -> int:
    from sitekit import add_language

    try:
        planned = add_language.plan(args.code, args.root, args.name, args.locale)
        add_language.apply(planned)
    except add_language.LanguageError as exc:
        print(f"error: {exc}. Nothing was written.", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}. Nothing was written.", file=sys.stderr)
        return 1
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


# --- status.py ---------------------------------------------------------------------


def status_main(argv: Sequence[str] | None = None) -> int:
    from sitekit import english_diff, status, status_format
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
    parser.add_argument("--today", type=_date, help=argparse.SUPPRESS)
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
            reading = status.collect_reading(site)
        except DataError as exc:
            sys.stdout.write(report.format_text([exc.problem]))
            return 1
        sys.stdout.write(status_format.FORMATS[args.format](site, result, reading))
        return 0

    return _guarded(main)
