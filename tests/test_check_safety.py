"""Content safety: unsafe Markdown is named on its line.

Each failure mode is broken on purpose in the fixture site and must be named on
its line (tests/helpers.py: ``only``).
"""

from __future__ import annotations

import pytest

from helpers import FixtureSite, line_of, only


@pytest.mark.parametrize(
    ("snippet", "code"),
    [
        ("<script>alert(1)</script>", "unsafe-html"),
        ('<iframe src="/x"></iframe>', "unsafe-html"),
        ('<object data="x.swf"></object>', "unsafe-html"),
        ('<embed src="x.swf">', "unsafe-html"),
        ('<form action="/x"><input></form>', "unsafe-html"),
        ("<style>body{display:none}</style>", "unsafe-html"),
        ('<span onclick="steal()">click</span>', "unsafe-html"),
        ("[click](javascript:alert(1))", "unsafe-url"),
        ('<a href="javascript:alert(1)">x</a>', "unsafe-url"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", "unsafe-url"),
        ("![chart](https://tracker.example/pixel.png)", "remote-content"),
        ('<img src="//cdn.example/x.png" alt="x">', "remote-content"),
        ("![chart][pixel]\n\n[pixel]: https://tracker.example/p.png", "remote-content"),
    ],
)
def test_unsafe_markdown_is_rejected(site: FixtureSite, snippet: str, code: str) -> None:
    site.replace("en", "The numbered notes", f"{snippet}\n\nThe numbered notes")
    [problem] = only(site.problems(), code, site.path("en"))
    assert problem.line == line_of(site.path("en"), snippet.splitlines()[0])


def test_code_is_shown_not_run(site: FixtureSite) -> None:
    site.replace(
        "en",
        "The numbered notes",
        "```html\n<script>alert(1)</script>\n```\n\nUse `<iframe>` never.\n\nThe numbered notes",
    )
    assert [p for p in site.problems() if p.code == "unsafe-html"] == []


def test_ordinary_outbound_links_are_fine(site: FixtureSite) -> None:
    site.replace(
        "en", "The numbered notes", "See [the agency](https://agency.example/). The numbered notes"
    )
    assert all(p.code == "outdated" for p in site.problems())
