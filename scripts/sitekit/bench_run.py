"""Benchmark runs: the checker and the builds timed, the output and the page weight measured.

``python scripts/bench.py`` calls ``main``; the synthetic sites come from
``bench.py`` and the tables from ``bench_report.py``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sitekit import bench, bench_report, lighthouse, pageweight, search
from sitekit.bench import generate
from sitekit.bench_report import Result, Run
from sitekit.blockcache import CACHE_FILE
from sitekit.project import ROOT, display_path, languages

# --- Measuring ------------------------------------------------------------------------


def measure(
    command: Sequence[str], cwd: Path, env: dict[str, str] | None = None, *, fresh: bool = False
) -> Run:
    """Wall time and peak resident memory of one command (a fresh process); with
    ``fresh``, without what earlier runs kept (sitekit.blockcache)."""
    if fresh:
        CACHE_FILE.unlink(missing_ok=True)
    started = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode() if process.stderr else ""
    if status != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{stderr[-2000:]}")
    return Run(seconds, usage.ru_maxrss / 1024)


def median_run(runs: list[Run]) -> Run:
    return Run(statistics.median(r.seconds for r in runs), max(r.peak_mb for r in runs))


def tree_size(folder: Path, exclude: Sequence[str] = ()) -> int:
    total = 0
    for path in folder.rglob("*"):
        rel = path.relative_to(folder).as_posix()
        if path.is_file() and not any(rel.startswith(prefix) for prefix in exclude):
            total += path.stat().st_size
    return total


def html_safety_cost(site: Path) -> tuple[float, float, int]:
    """Seconds to sanitize every page's content as the build does, and to verify the site.

    Returns (sanitizing, verifying, pages). Measured in this process on the built
    output: each article goes through the content rules and the sanitizer (what
    the hook does per page), then the whole site through the verification.
    """
    from sitekit import htmlscan, sanitize
    from sitekit.verify_site import content_problems, verify_site

    articles = []
    for page in sorted(site.rglob("index.html")):
        content = htmlscan.read_page(page.read_text(encoding="utf-8")).content
        if content is not None:
            articles.append(content.inner_html or "")
    sanitize.clean("")  # the policy is read once, outside the measurement
    started = time.perf_counter()
    for article in articles:
        content_problems(article, "page")
        sanitize.clean(article)
    sanitizing = time.perf_counter() - started
    started = time.perf_counter()
    list(verify_site(site))
    return sanitizing, time.perf_counter() - started, len(articles)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} CPUs ({cpu}){memory}, "
        f"Python {platform.python_version()}"
    )


def python() -> str:
    return sys.executable


def remove(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


# --- One size ---------------------------------------------------------------------------

TODAY = "2026-11-23"
_INDEX_ONLY = (
    "import sys, pathlib; from sitekit import search; search.build(pathlib.Path(sys.argv[1]))"
)


def run_size(
    pages: int,
    runs: int,
    work: Path,
    *,
    build: bool,
    log: Any,
    browser: pageweight.Browser | None = None,
) -> Result:
    root = work / f"site-{pages}"
    remove(root)
    root.mkdir(parents=True)
    log(f"generating {pages} pages per language ...")
    generate(root, pages)
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("SITE_LANG", None)
    result = Result(pages)
    check = [
        python(),
        str(ROOT / "scripts" / "check.py"),
        "--docs",
        str(root / "docs"),
        "--today",
        TODAY,
    ]
    # As on a fresh clone: no page rendered or judged by an earlier run.
    result.check = median_run([measure(check, root, env, fresh=True) for _ in range(runs)])
    log(f"  checker: {result.check.seconds:.2f} s")
    if not build:
        remove(root)
        return result
    full = [
        python(),
        str(ROOT / "scripts" / "build.py"),
        "--config-file",
        str(root / "mkdocs.yml"),
        "--site-dir",
        str(root / "out"),
        "--today",
        TODAY,
    ]
    result.build = median_run([measure(full, root, env) for _ in range(runs)])
    log(f"  {len(languages())}-language build: {result.build.seconds:.2f} s")
    english = [
        python(),
        "-m",
        "mkdocs",
        "build",
        "--quiet",
        "--config-file",
        str(root / "mkdocs-en.yml"),
        "--site-dir",
        str(root / "out-en"),
    ]
    result.english = median_run([measure(english, root, env) for _ in range(runs)])
    log(f"  English-only build: {result.english.seconds:.2f} s")
    site = root / "out"
    result.html_safety = html_safety_cost(site)
    log(
        f"  sanitizing {result.html_safety[2]} pages: {result.html_safety[0]:.2f} s, "
        f"verifying the built site: {result.html_safety[1]:.2f} s"
    )
    index_only = [python(), "-c", _INDEX_ONLY]
    search_env = dict(env, PYTHONPATH=str(ROOT / "scripts"))
    result.indexing = median_run(
        [measure([*index_only, str(site)], root, search_env) for _ in range(runs)]
    )
    log(f"  search index alone: {result.indexing.seconds:.2f} s")
    others = [lang.url_prefix for lang in languages() if lang.url_prefix]
    result.shared_assets = tree_size(site / "assets")
    result.search_index = tree_size(site / search.OUTPUT)
    folder_of_treatments, _ = bench.treatment_folder()
    for lang in languages():
        prefix = lang.url_prefix
        exclude = ["assets/", "editors/", search.OUTPUT + "/", *(others if not prefix else [])]
        result.sizes[lang.code] = tree_size(site / prefix, exclude)
        page = f"{prefix}{folder_of_treatments}/treatment-0001/"
        result.first_view[lang.code] = pageweight.first_view(site / page / "index.html")
        if browser is not None:
            query = bench.prose(lang.code).query  # what a reader might look up there
            result.first_search[lang.code] = browser.first_search(site, page, query)
    remove(root)
    return result


# --- The command -------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    import tempfile

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
            run_size(n, args.runs, Path(work), build=True, log=log, browser=tab) for n in args.pages
        ]
        extra = [
            run_size(n, args.runs, Path(work), build=False, log=log)
            for n in args.checker_pages
            if n not in args.pages
        ]
    table = bench_report.report(results, extra, args.runs)
    if command is not None:
        load_lighthouse = os.getloadavg()
        scores = _guarded_lighthouse(
            lambda: lighthouse.audit_site(command, log, args.lighthouse_runs)
        )
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
        target = ROOT / "benchmarks" / "RESULTS.md"
        target.parent.mkdir(exist_ok=True)
        header = (
            "# Benchmark results\n\n"
            f"Measured on {dt.date.today().isoformat()} with `python scripts/bench.py"
            f"{' ' + ' '.join(argv) if argv else ''}` on {machine()}; "
            f"the whole benchmark took {elapsed / 60:.1f} minutes.\n\n"
        )
        existing = target.read_text(encoding="utf-8") if target.exists() else ""
        notes = existing.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in existing else ""
        target.write_text(header + table + "\n<!-- notes -->" + notes, encoding="utf-8")
        log(f"saved to {display_path(target)}")
    return 0


def _guarded_lighthouse(audit: Callable[[], list[Any]]) -> list[Any] | None:
    try:
        return audit()
    except lighthouse.LighthouseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return None
