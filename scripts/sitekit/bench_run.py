"""Benchmark runs: the checker and the builds timed, the output and the page weight measured.

``python scripts/bench.py`` calls ``main``; the synthetic sites come from
``bench.py`` and the tables from ``bench_report.py``.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sitekit import bench, pageweight, search
from sitekit.bench import generate
from sitekit.bench_report import Result, Run
from sitekit.project import ROOT, languages

# --- Measuring ------------------------------------------------------------------------


def measure(command: Sequence[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Wall time and peak resident memory of one command (a fresh process)."""
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
    result.check = median_run([measure(check, root, env) for _ in range(runs)])
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
