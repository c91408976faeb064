"""Lighthouse scores of the real site, served locally the way a host serves it.

Lighthouse is not a dependency of the site: install it from the npm registry
(``npm install -g lighthouse@12.8.2``; 12.x runs on Node.js 18.16 or newer)
and the benchmark finds it on PATH, or give its path with ``--lighthouse``.
It drives the system Chromium (``CHROME_PATH``), never a downloaded browser.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sitekit import building
from sitekit.browser import find_chromium
from sitekit.project import languages
from sitekit.static_server import StaticServer, free_port

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
FORM_FACTORS = ("mobile", "desktop")
PAGES = ("", "treatments/iv-vitamin-drips/")  # per language: the home page and a treatment


class LighthouseError(Exception):
    """Lighthouse is missing or failed; the message says what to do."""


@dataclass(frozen=True)
class Scores:
    url: str
    form_factor: str
    scores: dict[str, int]  # category -> 0..100


def find(explicit: str | None = None) -> Path:
    """The Lighthouse command: ``explicit``, or ``lighthouse`` on PATH."""
    found = explicit or shutil.which("lighthouse")
    if not found or not Path(found).is_file():
        raise LighthouseError(
            "Lighthouse was not found. Install it with `npm install -g lighthouse@12.8.2` "
            "or pass its path with --lighthouse PATH."
        )
    return Path(found)


def run(command: Path, url: str, form_factor: str) -> Scores:
    """Audit one page; mobile is Lighthouse's default (a throttled mid-range phone)."""
    chromium = find_chromium()
    if chromium is None:
        raise LighthouseError("Chromium was not found; see `python scripts/ensure_browser.py`.")
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        report = Path(work) / "report.json"
        arguments = [
            str(command),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
        ]
        if form_factor == "desktop":
            arguments.append("--preset=desktop")
        env = dict(os.environ, CHROME_PATH=str(chromium))
        result = subprocess.run(arguments, env=env, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not report.is_file():
            raise LighthouseError(
                f"Lighthouse failed on {url} ({form_factor}): {result.stderr.strip()[-500:]}"
            )
        categories = json.loads(report.read_text(encoding="utf-8"))["categories"]
    return Scores(
        url,
        form_factor,
        {name: round(float(categories[name]["score"] or 0) * 100) for name in CATEGORIES},
    )


def audit_site(command: Path, log: Callable[[str], None], runs: int = 1) -> list[Scores]:
    """Build the real site for a local address and audit its pages in every language.

    Each page is audited ``runs`` times; the scores are the medians.
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    scores = []
    with tempfile.TemporaryDirectory(prefix="lighthouse-site-") as output:
        succeeded, log_text = building.build_in_process(Path(output), site_url=base)
        if not succeeded:
            raise LighthouseError(f"the site did not build:\n{log_text[-2000:]}")
        with StaticServer(Path(output), port):
            for lang in languages():
                for page in PAGES:
                    for form_factor in FORM_FACTORS:
                        url = f"{base}{lang.url_prefix}{page}"
                        log(f"  lighthouse {form_factor}: {url}")
                        audits = [run(command, url, form_factor).scores for _ in range(runs)]
                        medians = {
                            name: round(statistics.median(a[name] for a in audits))
                            for name in CATEGORIES
                        }
                        scores.append(Scores(f"/{lang.url_prefix}{page}", form_factor, medians))
    return scores
