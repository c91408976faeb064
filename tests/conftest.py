"""Shared fixtures: one strict build of the real site per test session."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from helpers import TEST_SITE_URL, BuiltSite
from sitekit import building


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BuiltSite]:
    output = tmp_path_factory.mktemp("site")
    result = building.run_mkdocs_build(output, site_url=TEST_SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    yield BuiltSite(output, TEST_SITE_URL)
