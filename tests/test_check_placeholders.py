"""Unfinished text: the markers new_page.py and new_language.py write are refused.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from helpers import FixtureSite, only


def test_todo_marker_blocks_publication(site: FixtureSite) -> None:
    site.replace("no", "Studiene er små", "[TODO: translate] Studiene er små")
    [problem] = only(site.problems(), "unfinished", site.path("no"))
    assert "[TODO: translate]" in problem.message
