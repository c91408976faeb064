"""The fixture site passes every check: each failure test breaks exactly one thing."""

from __future__ import annotations

from pathlib import Path

from helpers import FixtureSite


def test_fixture_site_passes_every_check(tmp_path: Path) -> None:
    problems = FixtureSite(tmp_path).problems()
    assert problems == []
