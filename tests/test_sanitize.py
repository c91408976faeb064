"""The sanitizer and the content rules, on HTML fragments (no build).

Each hostile shape is refused by the content rules as it is, and the
sanitizer's output of it passes the same rules: the two agree, and neither
depends on the Markdown lint.
"""

from __future__ import annotations

import pytest

from sitekit import sanitize, urls
from sitekit.htmlsafety import css_loads
from sitekit.htmlscan import parse_fragment
from sitekit.report import Problem
from sitekit.verify_site import content_problems

PAGE = "docs/en/treatments/example.md"

# (shape, hostile HTML, the code the content rules give it)
HOSTILE = [
    ("script", "<p>Hi</p><script>window.pwned = 1</script>", "unsafe-html"),
    ("script-in-svg", "<svg><script>window.pwned = 1</script></svg>", "unsafe-html"),
    ("onerror", '<img src="x.png" onerror="window.pwned = 1">', "unsafe-html"),
    ("handler-after-slash", '<img/src="x.png"/onerror=window.pwned=1>', "unsafe-html"),
    ("handler-without-space", '<img src="x.png"onerror="window.pwned=1">', "unsafe-html"),
    ("javascript", '<a href="javascript:window.pwned=1">x</a>', "unsafe-url"),
    ("javascript-case-space", '<a href="  JaVaScRiPt:window.pwned=1">x</a>', "unsafe-url"),
    ("javascript-tab-entity", '<a href="java&#x09;script:window.pwned=1">x</a>', "unsafe-url"),
    ("javascript-newline", '<a href="java\nscript:window.pwned=1">x</a>', "unsafe-url"),
    ("javascript-entities", '<a href="&#106;avascript&colon;window.pwned=1">x</a>', "unsafe-url"),
    ("data-url", '<a href="data:text/html,<script>alert(1)</script>">x</a>', "unsafe-url"),
    ("remote-image", '<img src="https://evil.test/x.png">', "remote-content"),
    ("scheme-relative", '<img src="//evil.test/x.png">', "remote-content"),
    ("backslashes", '<img src="\\\\evil.test\\x.png">', "remote-content"),
    ("slash-backslash", '<img src="/\\evil.test/x.png">', "remote-content"),
    ("schemeless-host", '<img src="http:evil.test/x.png">', "remote-content"),
    (
        "srcset",
        '<img src="x.png" srcset="a.png 1x, https://evil.test/b.png 2x">',
        "remote-content",
    ),
    ("style-url", '<p style="background:url(//evil.test/x.png)">x</p>', "remote-content"),
    (
        "style-escaped",
        '<p style="background:u\\72 l(//evil.test/x.png)">x</p>',
        "remote-content",
    ),
    ("style-import", "<p style=\"@import '//evil.test/x.css'\">x</p>", "remote-content"),
    ("theme-id-drawer", '<div id="__drawer">x</div>', "theme-id"),
    ("theme-id-search", '<span id="__search">x</span>', "theme-id"),
    ("iframe", '<iframe src="https://evil.test/"></iframe>', "unsafe-html"),
    ("object", '<object data="x.swf"></object>', "unsafe-html"),
    ("form", '<form action="https://evil.test/"><input name="q"></form>', "unsafe-html"),
    (
        "meta-refresh",
        '<meta http-equiv="refresh" content="0;url=https://evil.test">',
        "unsafe-html",
    ),
    ("base", '<base href="https://evil.test/">', "unsafe-html"),
    ("style-element", "<style>body{background:url(//evil.test/x)}</style>", "unsafe-html"),
    ("picture-source", '<picture><source srcset="//evil.test/x.webp"></picture>', "unsafe-html"),
]


def codes(problems: list[Problem]) -> set[str]:
    assert all(problem.path == PAGE for problem in problems), problems
    return {problem.code for problem in problems}


@pytest.mark.parametrize(("html", "code"), [h[1:] for h in HOSTILE], ids=[h[0] for h in HOSTILE])
def test_hostile_html_is_refused_then_removed(html: str, code: str) -> None:
    assert code in codes(content_problems(html, PAGE))
    cleaned = sanitize.clean(html)
    assert content_problems(cleaned, PAGE) == [], cleaned
    assert "pwned" not in cleaned and "evil.test" not in cleaned.replace("&", "")


LEGITIMATE = (
    '<div class="admonition disclaimer" role="note">'
    '<p class="admonition-title">Not medical advice</p><p>Call 112.</p></div>'
    '<h2 id="risks">Risks<a class="headerlink" href="#risks" title="Permanent link">¶</a></h2>'
    '<p>Text<sup id="fnref:X-1"><a class="footnote-ref" href="#fn:X-1">1</a></sup>'
    '<sup class="footnote-sep" aria-hidden="true">,</sup> and <abbr title="Food and Drug '
    'Administration">FDA</abbr>, <a href="https://www.fda.gov/x">a link</a>, '
    '<a href="mailto:editor@example.org">mail</a>, <a href="tel:112">112</a>.</p>'
    '<table><thead><tr><th style="text-align: center;">A</th></tr></thead>'
    "<tbody><tr><td>1</td></tr></tbody></table>"
    '<details class="note"><summary>More</summary><p>x</p></details>'
    '<p><img src="../images/x.png" alt="A diagram"> <span lang="en">word</span></p>'
    '<div class="footnote"><hr><ol><li id="fn:X-1"><p>Source.&nbsp;'
    '<a class="footnote-backref" href="#fnref:X-1" title="Back">↩</a></p></li></ol></div>'
)


def test_the_sites_own_markup_passes_unchanged() -> None:
    assert content_problems(LEGITIMATE, PAGE) == []
    cleaned = parse_fragment(sanitize.clean(LEGITIMATE)).html
    # Only the table's alignment style is rewritten (to the same property).
    expected = parse_fragment(LEGITIMATE.replace("text-align: center;", "text-align:center")).html
    assert cleaned == expected


def test_the_theme_namespace_is_taken_out_of_classes() -> None:
    assert sanitize.clean('<p class="md-header note">x</p>') == '<p class="note">x</p>'


@pytest.mark.parametrize(
    ("wrapper", "reason"),
    [
        ("<details><summary>Read</summary>{}</details>", "the reader must open"),
        ('<div hidden="">{}</div>', "'hidden'"),
        ('<div aria-hidden="true">{}</div>', "aria-hidden"),
        ('<div style="display:none">{}</div>', "inline style"),
        ('<div style="position:absolute;left:-9999px">{}</div>', "inline style"),
        ("<p>An introduction first.</p>{}", "not the first block"),
        ("<div>{}</div>", "not a top-level block"),
    ],
)
def test_a_hidden_or_late_disclaimer_is_refused_in_the_content(wrapper: str, reason: str) -> None:
    disclaimer = '<div class="admonition disclaimer" role="note"><p>Call 112.</p></div>'
    problems = content_problems(wrapper.format(disclaimer), PAGE)
    assert [p.code for p in problems if p.code == "disclaimer"], problems
    assert any(reason in p.message for p in problems), problems


def test_the_disclaimer_itself_hidden_is_refused() -> None:
    html = '<div class="admonition disclaimer" hidden=""><p>Call 112.</p></div>'
    assert "disclaimer" in codes(content_problems(html, PAGE))


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ("../x/", urls.Kind.LOCAL),
        ("#fn:1", urls.Kind.LOCAL),
        ("https://www.fda.gov/", urls.Kind.REMOTE),
        ("https:evil.test", urls.Kind.REMOTE),  # another host when the page is http
        ("\t//evil.test", urls.Kind.REMOTE),
        ("\x00javascript:x", urls.Kind.SCRIPT),
        ("vbscript:x", urls.Kind.SCRIPT),
        ("mailto:a@b.example", urls.Kind.OTHER),
        ("http://[bad", urls.Kind.INVALID),
    ],
)
def test_addresses_are_read_as_a_browser_reads_them(value: str, kind: urls.Kind) -> None:
    assert urls.resolve(value).kind is kind


def test_every_address_of_a_srcset_is_read() -> None:
    found = urls.addresses("srcset", "a.png 1x,b.png 2x, data:image/png;base64,AA 3x")
    assert found[:2] == ["a.png", "b.png"]
    assert urls.resolve(found[2]).kind is urls.Kind.DATA


@pytest.mark.parametrize(
    "style",
    [
        "background:URL(x)",
        "background:\\75rl(x)",
        "b:u/**/rl(x)",
        "list-style:image-set(x 1x)",
        "behavior: x.htc",
        "-moz-binding: x",
    ],
)
def test_styles_that_load_are_found_however_written(style: str) -> None:
    assert css_loads(style)


@pytest.mark.parametrize("style", ["text-align: center; color: red", "scroll-behavior: smooth"])
def test_styles_that_load_nothing_pass(style: str) -> None:
    assert not css_loads(style)


def test_a_built_page_is_sanitized_as_a_post_render_step() -> None:
    page = (
        '<html><body><nav><script src="assets/javascripts/bundle.x.min.js"></script></nav>'
        '<article class="md-content__inner"><h1>T</h1><img src="x.png" onerror="alert(1)">'
        "</article></body></html>"
    )
    cleaned = sanitize.sanitize_page(page)
    assert "onerror" not in cleaned
    assert "bundle.x.min.js" in cleaned  # the theme's part is left alone
