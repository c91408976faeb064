"""Reading the pages: a file that cannot be read is a problem on its line, not a crash.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

from helpers import FixtureSite, line_of, only


def test_non_utf8_file(site: FixtureSite) -> None:
    heading = "## Qué es {#what-it-is}"
    line = line_of(site.path("es"), heading)
    data = site.read("es").encode("utf-8").replace(heading.encode(), heading.encode("latin-1"))
    site.path("es").write_bytes(data)
    [problem] = only(site.problems(), "encoding", site.path("es"))
    assert problem.line == line


def test_unreadable_file(site: FixtureSite) -> None:
    folder = site.path("no", "treatments/folder.md")
    folder.mkdir()
    only(site.problems(), "unreadable", folder)


def test_missing_language_folder(site: FixtureSite) -> None:
    import shutil

    shutil.rmtree(site.docs / "no")
    problems = site.problems()
    only(problems, "missing-folder", site.docs / "no")
