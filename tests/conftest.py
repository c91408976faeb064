"""Shared fixtures: one strict build of the real site per test session, and the browser."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from helpers import TEST_SITE_URL, BuiltSite
from sitekit import building


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    output = tmp_path_factory.mktemp("site")
    succeeded, log = building.build_in_process(output, site_url=TEST_SITE_URL)
    assert succeeded, log
    yield BuiltSite(output, TEST_SITE_URL)


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
