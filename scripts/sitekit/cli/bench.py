"""bench.py: the checker and the build measured on synthetic sites of growing size."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sitekit import bench_report, bench_run, lighthouse, pageweight
from sitekit.project import display_path, languages


def bench_main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv

    parser = argparse.ArgumentParser(
        prog="python scripts/bench.py",
        description="Measure the checker and the build on synthetic sites of growing size.",
    )
    parser.add_argument(
        "--pages",
        type=int,
        nargs="+",
        default=[50, 200, 500, 1000],
        help="pages per language for the full measurements (default: 50 200 500 1000)",
    )
    parser.add_argument(
        "--checker-pages",
        type=int,
        nargs="*",
        default=[],
        help="extra sizes measured with the checker only",
    )
    parser.add_argument(
        "--lighthouse",
        nargs="?",
        const="",
        metavar="PATH",
        help="also run Lighthouse on the real site (found on PATH unless given)",
    )
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--lighthouse-runs", type=int, default=3, help="Lighthouse audits per page (median)"
    )
    parser.add_argument(
        "--save", action="store_true", help="also write the results to benchmarks/RESULTS.md"
    )
    parser.add_argument(
        "--serve",
        metavar="LANG",
        choices=[lang.code for lang in languages()],
        help="only measure edit-to-preview time of `make serve LANG=<LANG>` on the real site",
    )
    parser.add_argument(
        "--serve-page",
        default="treatments/mesotherapy.md",
        help="with --serve: the page to edit (default: treatments/mesotherapy.md)",
    )
    args = parser.parse_args(argv)
    if args.serve:
        from sitekit import bench_serve

        served = bench_serve.measure_serve(args.serve, args.serve_page, edits=args.runs * 2 + 1)
        sys.stdout.write(bench_serve.report(served))
        return 0
    if (
        any(n < 10 for n in args.pages + args.checker_pages)
        or min(args.runs, args.lighthouse_runs) < 1
    ):
        parser.error("sizes must be at least 10 pages and runs at least 1")

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    started = time.perf_counter()
    load_before = os.getloadavg()
    command = None
    if args.lighthouse is not None:
        try:
            command = lighthouse.find(args.lighthouse or None)
        except lighthouse.LighthouseError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    with tempfile.TemporaryDirectory(prefix="site-bench-") as work, pageweight.Browser() as tab:
        if tab is None:
            log("Chromium or Playwright is missing: the first search is not measured.")
        results = [
            bench_run.run_size(n, args.runs, Path(work), build=True, log=log, browser=tab)
            for n in args.pages
        ]
        extra = [
            bench_run.run_size(n, args.runs, Path(work), build=False, log=log)
            for n in args.checker_pages
            if n not in args.pages
        ]
    table = bench_report.report(results, extra, args.runs)
    if command is not None:
        load_lighthouse = os.getloadavg()
        scores = _audited(lambda: lighthouse.audit_site(command, log, args.lighthouse_runs))
        if scores is None:
            return 1
        after = os.getloadavg()
        load = (
            f"load average {load_lighthouse[0]:.1f} before and {after[0]:.1f} after "
            f"on {os.cpu_count()} CPUs"
        )
        table += "\n" + bench_report.lighthouse_table(scores, load, args.lighthouse_runs)
    load_after = os.getloadavg()
    table += (
        f"\nMachine load (1-minute average): {load_before[0]:.1f} at the start, "
        f"{load_after[0]:.1f} at the end, on {os.cpu_count()} CPUs.\n"
    )
    elapsed = time.perf_counter() - started
    sys.stdout.write(table)
    log(f"finished in {elapsed / 60:.1f} minutes")
    if args.save:
        target = bench_report.save(table, f"python scripts/bench.py {' '.join(argv)}", elapsed)
        log(f"saved to {display_path(target)}")
    return 0


def _audited(audit: Callable[[], list[Any]]) -> list[Any] | None:
    try:
        return audit()
    except lighthouse.LighthouseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
