"""Shared fixtures: one strict build of the real site per test session, and the browser."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from helpers import SUB_PATH, BuiltSite, FixtureSite, Verify
from sitekit import building, built_pages
from sitekit.checks import Context, collect_problems
from sitekit.static_server import StaticServer


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    """A copy of the fixture site (tests/fixtures/site) that the test may break."""
    return FixtureSite(tmp_path)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    """The real site, built once, served as a static host would under a sub-path
    (absolute links must honour site_url); the browser tests read it there too."""
    output = tmp_path_factory.mktemp("site")
    with StaticServer(output, prefix=SUB_PATH) as server:
        succeeded, log = building.build_in_process(output, site_url=server.url)
        assert succeeded, log
        yield BuiltSite(output, server.url)


@pytest.fixture(scope="session")
def real_context() -> Context:
    """The real site's pages, sources and data, loaded once: what the built-site
    verification compares a build with. Tests must not change it."""
    context, _ = collect_problems()
    return context


@pytest.fixture
def verify(real_context: Context) -> Verify:
    """The built-site verification (build.py's) of a folder, against the real site."""
    return lambda site_dir: list(built_pages.verify(real_context, site_dir))


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """The system Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from browsing import CHROMIUM_ARGS
    from sitekit.browser import INSTRUCTIONS, find_chromium

    executable = find_chromium()
    if executable is None:
        pytest.fail(INSTRUCTIONS)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(executable), args=CHROMIUM_ARGS)
        yield instance
        instance.close()
