"""Benchmark: edit-to-preview time of ``make serve LANG=<lang>`` on the real site.

A copy of the project (the real pages; tooling and theme shared by symbolic
links) is served by ``scripts/serve.py`` exactly as an editor runs it. A
paragraph of one page is edited several times; each time the clock runs from
the file's write until the served page contains the new text: change
detection, the content checks, the build and the problems panel included.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import statistics
import string
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sitekit.pages import built_path
from sitekit.project import ROOT
from sitekit.static_server import free_port
from sitekit.wayfinding import page_url

SHARED = ("overrides", "includes", "scripts", "data")
_BUILT = re.compile(r"Documentation built in ([0-9.]+) seconds")
_CHECKS = re.compile(r"content checks \(([0-9.]+) s\)")


@dataclass(frozen=True)
class ServeResult:
    lang: str
    page: str
    first_build: float
    edits: list[float]  # seconds from the write to the new text in the served page
    builds: list[float]  # what MkDocs reported for each rebuild
    checks: list[float]  # what the content checks took on each rebuild


def _fetch(url: str) -> str:
    try:
        return str(urllib.request.urlopen(url, timeout=5).read().decode("utf-8"))
    except OSError:
        return ""


def _wait_for(url: str, text: str, timeout: float) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        if text in _fetch(url):
            return time.perf_counter() - started
        time.sleep(0.02)
    raise TimeoutError(f"{url} never showed {text!r}")


@contextmanager
def preview_process(project: Path, lang: str, log: Path) -> Iterator[int]:
    """``scripts/serve.py --lang <lang>`` of ``project`` running on a free port (yielded),
    its output in ``log``; stopped with everything it started."""
    port = free_port()
    command = [sys.executable, str(project / "scripts" / "serve.py"), "--lang", lang]
    command += ["--port", str(port), "--config-file", str(project / "mkdocs.yml")]
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            cwd=project,
            stdout=output,
            stderr=subprocess.STDOUT,
            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
            start_new_session=True,
        )
    try:
        yield port
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def measure_serve(lang: str, page: str, edits: int = 5, pause: float = 2.0) -> ServeResult:
    """Serve a copy of the site in ``lang`` and time ``edits`` edits of ``page``."""
    with tempfile.TemporaryDirectory(prefix="serve-bench-") as work:
        project = Path(work)
        for shared in SHARED:
            (project / shared).symlink_to(ROOT / shared, target_is_directory=True)
        shutil.copytree(ROOT / "docs", project / "docs")
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        source = project / "docs" / lang / page
        original = source.read_text(encoding="utf-8")
        log = project / "serve.log"
        with preview_process(project, lang, log) as port:
            url = f"http://127.0.0.1:{port}/{page_url(built_path(page, ''))}"
            first = _wait_for(url, "</html>", timeout=300)
            times = []
            for _ in range(edits):
                time.sleep(pause)  # let the watcher settle between edits
                marker = "Edit" + "".join(random.choices(string.ascii_lowercase, k=10))
                source.write_text(original + f"\n{marker}\n", encoding="utf-8")
                times.append(_wait_for(url, marker, timeout=120))
        text = log.read_text(encoding="utf-8")
    return ServeResult(
        lang,
        page,
        first,
        times,
        [float(x) for x in _BUILT.findall(text)][1:],
        [float(x) for x in _CHECKS.findall(text)][1:],
    )


def report(result: ServeResult) -> str:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")

    def spread(values: list[float]) -> str:
        if not values:
            return "–"
        return f"{statistics.median(values):.2f} s (min {min(values):.2f}, max {max(values):.2f})"

    return (
        f"### Edit to preview: make serve LANG={result.lang}\n\n"
        f"Page edited: docs/{result.lang}/{result.page}, {len(result.edits)} edits; "
        f"load average {load:.1f} when finished.\n\n"
        "| Measure | Median |\n|---|---:|\n"
        f"| First build (start to first page) | {result.first_build:.2f} s |\n"
        f"| Edit to new text in the served page | {spread(result.edits)} |\n"
        f"| Rebuild, as MkDocs reports it | {spread(result.builds)} |\n"
        f"| Content checks within the rebuild | {spread(result.checks)} |\n"
    )
