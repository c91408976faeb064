"""build.py verifies the built pages and never replaces site/ after a failure."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import BuiltSite, Verify
from sitekit import problems_panel, publish, report
from sitekit.checks import Context, collect_problems
from sitekit.disclaimers import expected_text
from sitekit.project import ROOT

pytestmark = pytest.mark.build


def test_the_real_site_passes_every_content_check() -> None:
    _, problems = collect_problems(strict=True)
    assert problems == []


def test_the_real_built_site_passes_verification(built_site: BuiltSite, verify: Verify) -> None:
    assert verify(built_site.root) == []


@pytest.fixture
def copy(built_site: BuiltSite, tmp_path: Path) -> Path:
    target = tmp_path / "site"
    shutil.copytree(built_site.root, target)
    return target


def test_spanish_page_showing_the_english_disclaimer(copy: Path, verify: Verify) -> None:
    page = copy / "es" / "index.html"
    html = page.read_text(encoding="utf-8")
    spanish, english = expected_text("es"), expected_text("en")
    assert english != spanish and spanish.split()[0] in html  # what is swapped below
    english_html = (copy / "index.html").read_text(encoding="utf-8")
    start = english_html.index('<div class="admonition disclaimer"')
    end = english_html.index("</div>", start) + len("</div>")
    s_start = html.index('<div class="admonition disclaimer"')
    s_end = html.index("</div>", s_start) + len("</div>")
    page.write_text(html[:s_start] + english_html[start:end] + html[s_end:], encoding="utf-8")
    problems = verify(copy)
    assert [(p.path, p.code) for p in problems] == [("site/es/index.html", "disclaimer")]
    assert "another language" in problems[0].message


def test_page_without_disclaimer_in_the_built_output(copy: Path, verify: Verify) -> None:
    page = copy / "no" / "index.html"
    html = page.read_text(encoding="utf-8")
    page.write_text(
        html.replace('class="admonition disclaimer"', 'class="admonition"'), encoding="utf-8"
    )
    problems = verify(copy)
    assert [(p.path, p.code) for p in problems] == [("site/no/index.html", "disclaimer")]


def _callout(html: str) -> tuple[int, int]:
    start = html.index('<div class="urgent-help-callout"')
    return start, html.index("</div>", start) + len("</div>")


TREATMENT = Path("treatments") / "mesotherapy" / "index.html"


def test_treatment_page_without_the_urgent_help_callout_is_caught(
    copy: Path, verify: Verify
) -> None:
    page = copy / "es" / TREATMENT
    html = page.read_text(encoding="utf-8")
    start, end = _callout(html)
    page.write_text(html[:start] + html[end:], encoding="utf-8")
    problems = verify(copy)
    assert [(p.path, p.code) for p in problems] == [
        (f"site/es/{TREATMENT.as_posix()}", "urgent-help")
    ]
    assert "0 times" in problems[0].message


def test_urgent_help_callout_with_a_wrong_number_is_caught(copy: Path, verify: Verify) -> None:
    page = copy / "no" / TREATMENT
    html = page.read_text(encoding="utf-8")
    assert html.count('href="tel:113"') == 1
    page.write_text(html.replace('href="tel:113"', 'href="tel:13"'), encoding="utf-8")
    problems = verify(copy)
    assert [(p.path, p.code) for p in problems] == [
        (f"site/no/{TREATMENT.as_posix()}", "urgent-help")
    ]
    assert "113 (tel:13)" in problems[0].message and "113 (tel:113)" in problems[0].message


def test_urgent_help_callout_of_another_language_is_caught(copy: Path, verify: Verify) -> None:
    english_html = (copy / TREATMENT).read_text(encoding="utf-8")
    english = english_html[slice(*_callout(english_html))]
    page = copy / "es" / TREATMENT
    html = page.read_text(encoding="utf-8")
    start, end = _callout(html)
    page.write_text(html[:start] + english + html[end:], encoding="utf-8")
    problems = verify(copy)
    shown = f"site/es/{TREATMENT.as_posix()}"
    assert [(p.path, p.code) for p in problems] == [(shown, "urgent-help")]
    assert "not the Spanish one" in problems[0].message


def test_urgent_help_callout_without_tap_to_call_links_is_caught(
    copy: Path, verify: Verify
) -> None:
    page = copy / TREATMENT
    html = page.read_text(encoding="utf-8")
    page.write_text(html.replace('href="tel:', 'href="#tel:'), encoding="utf-8")
    problems = verify(copy)
    assert [(p.path, p.code) for p in problems] == [(f"site/{TREATMENT.as_posix()}", "urgent-help")]
    assert "links none" in problems[0].message


def test_english_fallback_published_under_es_is_caught(copy: Path, verify: Verify) -> None:
    shutil.copy(copy / "index.html", copy / "es" / "index.html")
    problems = verify(copy)
    messages = [p.message for p in problems if p.path == "site/es/index.html"]
    assert any("another language's page was published here" in m for m in messages)
    assert any('<html lang="en">' in m for m in messages)


def test_page_without_a_source_in_its_language_is_caught(copy: Path, verify: Verify) -> None:
    extra = copy / "no" / "stray"
    extra.mkdir()
    shutil.copy(copy / "index.html", extra / "index.html")
    problems = verify(copy)
    assert [(p.path, p.code) for p in problems] == [("site/no/stray/index.html", "built-output")]


@pytest.mark.parametrize("trace", ["panel", "banner"])
def test_a_preview_panel_or_draft_banner_is_never_published(
    copy: Path, real_context: Context, trace: str
) -> None:
    page = copy / "es" / "safety" / "index.html"
    html = page.read_text(encoding="utf-8")
    problem = report.error("docs/es/safety.md", 3, "disclaimer", "the page has no disclaimer.")
    if trace == "panel":
        html = problems_panel.add_to_page(html, problems_panel.render([problem], "x.md", 0))
    else:
        html = problems_panel.add_banner(html, problems_panel.banner(1))
    page.write_text(html, encoding="utf-8")
    problems = publish.verify(real_context, copy)
    # The page's own verification may object too (styles, placement); this says why.
    assert {p.path for p in problems} == {"site/es/safety/index.html"}
    assert any(p.code == "built-output" and "never published" in p.message for p in problems)


def test_failed_build_leaves_the_previous_site_untouched(tmp_path: Path) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("previous build")
    # Far in the future every page is past its review date: an error under --strict.
    far = (dt.date.today() + dt.timedelta(days=3650)).isoformat()
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "build.py"),
            "--site-dir",
            str(site_dir),
            "--strict",
            "--today",
            far,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "was left as it was" in result.stderr
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text() == "previous build"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging folder left behind
