"""The benchmark's figures as Markdown tables (printed, and saved to benchmarks/RESULTS.md)."""

from __future__ import annotations

import datetime as dt
import os
import platform
from dataclasses import dataclass, field
from pathlib import Path

from sitekit.files import atomic_write
from sitekit.lighthouse import CATEGORIES, Scores
from sitekit.pageweight import Bytes, SearchCost
from sitekit.project import ROOT, english_name, languages

FIRST_VIEW_TARGET = 100 * 1024  # gzipped bytes of HTML, CSS and JavaScript


def _langs(built: list[Result]) -> list[str]:
    """The languages measured, in the order of the site's configuration."""
    return list(built[0].sizes) if built else []


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float


@dataclass
class Result:
    pages: int
    check: Run | None = None
    build: Run | None = None
    english: Run | None = None
    indexing: Run | None = None  # the search index alone, on the built site
    sizes: dict[str, int] = field(default_factory=dict)  # language -> its pages
    search_index: int = 0  # all languages
    shared_assets: int = 0
    first_view: dict[str, dict[str, Bytes]] = field(default_factory=dict)
    first_search: dict[str, SearchCost] = field(default_factory=dict)
    html_safety: tuple[float, float, int] | None = None  # sanitizing s, verifying s, pages


def _kb(value: int) -> str:
    return f"{value / 1024:,.0f} KB" if value >= 10 * 1024 else f"{value / 1024:,.1f} KB"


def _size(value: Bytes) -> str:
    return f"{_kb(value.raw)} ({_kb(value.gz)})"


def report(results: list[Result], checker_only: list[Result], runs: int) -> str:
    built = sorted((r for r in results if r.build and r.english), key=lambda r: r.pages)
    every = sorted(results + checker_only, key=lambda r: r.pages)
    runs_text = f"Medians of {runs} runs" if runs > 1 else "One run of each measurement"
    lines = [f"{runs_text}; peak memory is the largest of the runs.", ""]
    lines += _times(every) + _output(built) + _first_view(built) + _first_search(built)
    return "\n".join(lines) + "\n"


def _times(every: list[Result]) -> list[str]:
    count = len(languages())
    lines = [
        "### Time and memory",
        "",
        f"The {count}-language build includes the content checks, the search index and the "
        "verification of the output; the last column is the search index alone.",
        "",
        f"| Pages per language | Checker | Checker memory | {count}-language build | Build memory "
        f"| English-only build | Build ÷ ({count} × English-only) | Search index |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in every:
        assert r.check is not None
        check = f"{r.check.seconds:.2f} s | {r.check.peak_mb:.0f} MB"
        if r.build and r.english:
            ratio = r.build.seconds / (count * r.english.seconds)
            index = f"{r.indexing.seconds:.1f} s" if r.indexing else "–"
            lines.append(
                f"| {r.pages} | {check} | {r.build.seconds:.1f} s | {r.build.peak_mb:.0f} MB "
                f"| {r.english.seconds:.1f} s | {ratio:.2f} | {index} |"
            )
        else:
            lines.append(f"| {r.pages} | {check} | – | – | – | – | – |")
    lines += [
        "",
        "### Cost per page (all three languages)",
        "",
        "| Pages per language | Checker per page | Build per page | English-only per page |",
        "|---:|---:|---:|---:|",
    ]
    for r in every:
        assert r.check is not None
        check = f"{r.check.seconds / (3 * r.pages) * 1000:.2f} ms"
        build = f"{r.build.seconds / (3 * r.pages) * 1000:.1f} ms" if r.build else "–"
        english = f"{r.english.seconds / r.pages * 1000:.1f} ms" if r.english else "–"
        lines.append(f"| {r.pages} | {check} | {build} | {english} |")
    built = [r for r in every if r.build]
    if len(built) >= 2 and built[0].build and built[-1].build:
        first, last = built[0].build, built[-1].build
        growth = (last.seconds / built[-1].pages) / (first.seconds / built[0].pages)
        lines += [
            "",
            f"Build time per page at {built[-1].pages} pages is {growth:.2f}× the time per page "
            f"at {built[0].pages} pages (1.00 = linear growth).",
        ]
    if len(every) >= 2 and every[0].check and every[-1].check:
        growth = (every[-1].check.seconds / every[-1].pages) / (
            every[0].check.seconds / every[0].pages
        )
        lines.append(
            f"Checker time per page at {every[-1].pages} pages is {growth:.2f}× the time per "
            f"page at {every[0].pages} pages (fixed start-up cost included)."
        )
    lines += [
        "",
        "### Sanitizing and verifying the HTML (part of the build time above)",
        "",
        "| Pages per language | Pages | Sanitizing (content rules + nh3) | Verifying every file "
        "| Both, per page |",
        "|---:|---:|---:|---:|---:|",
    ]
    for r in every:
        if r.html_safety:
            sanitizing, verifying, count = r.html_safety
            per_page = (sanitizing + verifying) / max(count, 1) * 1000
            lines.append(
                f"| {r.pages} | {count} | {sanitizing:.2f} s | {verifying:.2f} s "
                f"| {per_page:.1f} ms |"
            )
    return lines


def _output(built: list[Result]) -> list[str]:
    lines = [
        "",
        "### Output size",
        "",
        "| Pages per language | "
        + " | ".join(english_name(lang) for lang in _langs(built))
        + " | Shared assets | Search index (all languages) |",
        "|---:|" + "---:|" * (len(_langs(built)) + 2),
    ]
    for r in built:
        pages = " | ".join(_kb(r.sizes[lang]) for lang in _langs(built))
        lines.append(f"| {r.pages} | {pages} | {_kb(r.shared_assets)} | {_kb(r.search_index)} |")
    return lines


def _first_view(built: list[Result]) -> list[str]:
    lines = [
        "",
        "### First view of a treatment page",
        "",
        "What the browser fetches to show the page: its HTML and the CSS and JavaScript it "
        "links. No part of the search index is in it. Target: at most "
        f"{FIRST_VIEW_TARGET // 1024} KB gzipped.",
        "",
        "| Pages per language | Language | HTML | CSS | JavaScript | Total raw | Total gzipped "
        "| Target |",
        "|---:|---|---:|---:|---:|---:|---:|:---:|",
    ]
    for r in built:
        for lang in _langs(built):
            view = r.first_view[lang]
            total = view["html"] + view["css"] + view["js"]
            met = "met" if total.gz <= FIRST_VIEW_TARGET else "**missed**"
            cells = " | ".join(_size(view[part]) for part in ("html", "css", "js"))
            lines.append(
                f"| {r.pages} | {lang} | {cells} | {_kb(total.raw)} | {_kb(total.gz)} | {met} |"
            )
    lines += ["", "Sizes in parentheses are gzipped."]
    return lines


def _first_search(built: list[Result]) -> list[str]:
    measured = [r for r in built if r.first_search]
    if not measured:
        return ["", "### First search", "", "Not measured: Chromium or Playwright is missing."]
    lines = [
        "",
        "### First search",
        "",
        "Measured in Chromium on the same page: what the browser fetched after the reader "
        "typed a query (search code, the language's index entry and the chunks and snippets "
        "the query needs), and how long the results took to settle, on this machine. "
        '"Before" counts search requests made before the reader typed.',
        "",
        "| Pages per language | Language | Query | Requests | Fetched raw (gzipped) "
        "| First view + search (gzipped) | Results shown | Time to results | Before |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in measured:
        for lang, cost in r.first_search.items():
            view = r.first_view[lang]
            total = (view["html"] + view["css"] + view["js"] + cost.search).gz
            lines.append(
                f"| {r.pages} | {lang} | {cost.query} | {cost.search.requests} "
                f"| {_size(cost.search)} | {_kb(total)} | {cost.results} | {cost.seconds:.2f} s "
                f"| {cost.index_requests_before} |"
            )
    return lines


def lighthouse_table(scores: list[Scores], load: str, runs: int) -> str:
    lines = [
        "### Lighthouse",
        "",
        f"Lighthouse 12 on the real site, served locally with gzip; medians of {runs} runs; "
        f"{load}. Mobile is Lighthouse's simulated mid-range phone on a slow 4G network with "
        "its CPU slowed down four times; desktop is its desktop preset.",
        "",
        "| Page | Form factor | " + " | ".join(c.replace("-", " ") for c in CATEGORIES) + " |",
        "|---|---|" + "---:|" * len(CATEGORIES),
    ]
    for entry in scores:
        values = " | ".join(str(entry.scores[c]) for c in CATEGORIES)
        lines.append(f"| {entry.url} | {entry.form_factor} | {values} |")
    return "\n".join(lines) + "\n"


def save(table: str, command: str, seconds: float) -> Path:
    """Write the figures to benchmarks/RESULTS.md, keeping its notes (after <!-- notes -->)."""
    target = ROOT / "benchmarks" / "RESULTS.md"
    header = (
        "# Benchmark results\n\n"
        f"Measured on {dt.date.today().isoformat()} with `{command.strip()}` on {machine()}; "
        f"the whole benchmark took {seconds / 60:.1f} minutes.\n\n"
    )
    existing = target.read_text(encoding="utf-8") if target.exists() else ""
    notes = existing.split("<!-- notes -->", 1)[1] if "<!-- notes -->" in existing else ""
    atomic_write(target, header + table + "\n<!-- notes -->" + notes)
    return target


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
