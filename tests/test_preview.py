"""Problems where editors work: the live preview and the draft build show each page's
problems on it, in a panel that a production build refuses to publish."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from helpers import FixtureSite, buildable
from sitekit.bench_serve import preview_process

pytestmark = pytest.mark.build

BROKEN = "treatments/example.md"
PANEL = "data-sitekit-problems"
DRAFT = "data-sitekit-draft"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, a project of its own, whose Spanish example page lost its
    disclaimer and shows a remote image."""
    project = tmp_path_factory.mktemp("preview") / "project"
    buildable(FixtureSite(project))
    page = project / "docs" / "es" / BROKEN
    text = page.read_text(encoding="utf-8")
    (project / "fixed.md").write_text(text, encoding="utf-8")
    text = text.replace('--8<-- "es/disclaimer.md"\n', "", 1)
    page.write_text(text + "\n![Foto](https://images.example.com/ozono.jpg)\n", encoding="utf-8")
    return project


def run_script(project: Path, script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(project / "scripts" / script), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
    )


def test_draft_build_shows_the_problems_on_their_page(project: Path, tmp_path: Path) -> None:
    config = ["--config-file", str(project / "mkdocs.yml")]
    refused = run_script(project, "build.py", *config, "--site-dir", str(tmp_path / "prod"))
    assert refused.returncode == 1 and "the content checks failed" in refused.stderr

    result = run_script(project, "build.py", "--draft", *config, "--site-dir", str(tmp_path / "s"))
    assert result.returncode == 0, result.stderr
    assert "Built a DRAFT" in result.stdout
    broken = (tmp_path / "s" / "es" / "treatments" / "example" / "index.html").read_text()
    panel = broken[broken.index(PANEL) : broken.index("</aside>", broken.index(PANEL))]
    # The source's two problems, and the built page's missing disclaimer.
    assert "Problems on this page: 3" in panel
    assert "[disclaimer]" in panel and "[remote-content]" in panel
    assert "the built page shows no disclaimer" in panel
    home = (tmp_path / "s" / "es" / "index.html").read_text()
    assert PANEL not in home  # nothing here, nothing elsewhere
    assert "never published" in panel
    assert broken.index(PANEL) < broken.index("<h1")  # at the top of the article
    assert PANEL not in (tmp_path / "s" / "index.html").read_text()
    for page in (tmp_path / "s").rglob("*.html"):
        assert DRAFT in page.read_text(), page  # every page says it is a draft


def test_draft_and_strict_do_not_go_together(project: Path) -> None:
    result = run_script(project, "build.py", "--draft", "--strict")
    assert result.returncode == 2


def _wait_for(url: str, condition: str, present: bool, deadline: float) -> str:
    """The page once ``condition`` is (or is no longer) in it; fails at the deadline."""
    body = ""
    while time.monotonic() < deadline:
        try:
            body = urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
        except OSError:
            body = ""
        if body and (condition in body) == present:
            return body
        time.sleep(0.2)
    raise AssertionError(f"{url}: {condition!r} {'never appeared' if present else 'stayed'}")


@pytest.fixture
def serving(project: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    log = tmp_path / "serve.log"
    with preview_process(project, "es", log) as port:
        yield f"http://127.0.0.1:{port}/", log


def test_serve_checks_every_rebuild_and_shows_problems_on_the_page(
    project: Path, serving: tuple[str, Path]
) -> None:
    base, log = serving
    url = base + "treatments/example/"
    page = _wait_for(url, PANEL, present=True, deadline=time.monotonic() + 120)
    assert "[disclaimer]" in page and "[remote-content]" in page
    assert DRAFT not in page
    terminal = log.read_text()
    assert f"docs/es/{BROKEN}" in terminal and "error [disclaimer]" in terminal

    # The editor fixes the page: the next rebuild checks again and the panel is gone.
    source = project / "docs" / "es" / BROKEN
    broken = source.read_text(encoding="utf-8")
    source.write_text((project / "fixed.md").read_text(encoding="utf-8"), "utf-8")
    try:
        _wait_for(url, PANEL, present=False, deadline=time.monotonic() + 120)
        assert "No problems found." in log.read_text()
    finally:
        source.write_text(broken, encoding="utf-8")
