"""Readers of a translation see a notice at each section that changed in English.

One build of the fixture site (build.py, as a clone would run it, over a site
built before), kept in a Git repository of its own: two English sections and the
introduction change in a dated commit; the Spanish translation catches up with two of them, the
Norwegian one with none.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import FixtureSite, buildable, git
from sitekit import publish, ui
from sitekit.checks import collect_problems
from sitekit.content import load_site
from sitekit.freshness import updated_record, write_record

pytestmark = pytest.mark.build

PAGE = "treatments/example.md"
CHANGED_ON = "2026-11-20T10:00:00+00:00"


def add_paragraph_after(text: str, heading_id: str, paragraph: str) -> str:
    heading = re.search(rf"^#+ .*\{{#{heading_id}\}}\n", text, re.MULTILINE)
    assert heading, heading_id
    return text[: heading.end()] + f"\n{paragraph}\n" + text[heading.end() :]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("outdated") / "project"
    script = buildable(FixtureSite(project))
    git(project, "init", "--quiet")
    git(project, "add", "docs", "mkdocs.yml")
    git(project, "commit", "--quiet", "-m", "The site as translated")

    english = project / "docs" / "en" / PAGE
    text = english.read_text(encoding="utf-8")
    text = add_paragraph_after(text, "what-it-is", "A new English paragraph on the method.")
    text = add_paragraph_after(text, "risks", "A new English paragraph on a serious risk.")
    text = text.replace("\ndescription: ", "\ndescription: Updated. ", 1)
    english.write_text(text, encoding="utf-8")
    git(project, "commit", "--quiet", "-am", "English: two sections and the lead", date=CHANGED_ON)

    # The Spanish translator updates what-it-is and the introduction, not the risks.
    site = load_site(project / "docs")
    spanish = site.pages["es"][PAGE]
    write_record(spanish, updated_record(spanish, site.pages["en"][PAGE], ["what-it-is", "_intro"]))

    # A site built before, which the build must replace as a whole.
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("old", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(script), "--site-dir", str(project / "site")],
        cwd=project,
        env=dict(os.environ, NO_MKDOCS_2_WARNING="1"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_a_successful_build_replaces_the_previous_site(built: Path) -> None:
    assert not (built / "stale.html").exists()
    assert (built / "es" / "index.html").is_file()
    # No staging folder is left beside it.
    assert sorted(p.name for p in built.parent.iterdir() if p.name.startswith(".site-")) == []


def notices(html: str) -> list[tuple[str, str]]:
    """(section, class) of every outdated notice, in page order."""
    found = re.findall(r'<div class="admonition ([^"]*translation-outdated[^"]*)"', html)
    return [
        (
            " ".join(c for c in classes.split() if not c.startswith("changed-section-")),
            next(c for c in classes.split() if c.startswith("changed-section-"))[16:],
        )
        for classes in found
    ]


def read(site: Path, lang: str) -> str:
    return (site / lang / "treatments" / "example" / "index.html").read_text(encoding="utf-8")


def test_only_the_sections_still_outdated_carry_a_notice(built: Path) -> None:
    assert [section for _, section in notices(read(built, "es"))] == ["risks"]
    assert [section for _, section in notices(read(built, "no"))] == [
        "_intro",
        "what-it-is",
        "risks",
    ]
    english = (built / "treatments" / "example" / "index.html").read_text(encoding="utf-8")
    assert notices(english) == []
    assert notices((built / "es" / "index.html").read_text(encoding="utf-8")) == []


def test_each_notice_follows_its_heading_and_links_to_the_english_section(built: Path) -> None:
    html = read(built, "no")
    for section in ("what-it-is", "risks"):
        after_heading = re.search(rf'<h2 id="{section}">.*?</h2>(.{{0,200}})', html, re.DOTALL)
        assert after_heading and f"changed-section-{section}" in after_heading.group(1)
        assert f'<a href="../../../treatments/example/#{section}" hreflang="en">' in html
    # The introduction's notice sits under the title, before the disclaimer.
    title, intro, disclaimer = (
        html.index("</h1>"),
        html.index("changed-section-_intro"),
        html.index('class="admonition disclaimer"'),
    )
    assert title < intro < disclaimer
    assert '<a href="../../../treatments/example/" hreflang="en">' in html


@pytest.mark.parametrize(
    ("lang", "date"), [("es", "20 de noviembre de 2026"), ("no", "20. november 2026")]
)
def test_notices_are_in_the_readers_language_with_the_date(
    built: Path, lang: str, date: str
) -> None:
    html = read(built, lang)
    strings = ui.strings(lang)["section_outdated"]
    assert strings["title_safety"] in html
    assert f'<time datetime="2026-11-20">{date}</time>' in html
    assert ui.strings("en")["section_outdated"]["title_safety"] not in html


def test_safety_sections_get_the_prominent_style(built: Path) -> None:
    styles = {section: classes for classes, section in notices(read(built, "no"))}
    assert styles["risks"].split() == [
        "danger",
        "translation-outdated",
        "translation-outdated--safety",
    ]
    assert styles["what-it-is"].split() == ["note", "translation-outdated"]
    assert ui.strings("no")["section_outdated"]["title_section"] in read(built, "no")


def test_the_notices_pass_the_published_sites_verification(built: Path) -> None:
    # Only what data/html_policy.yml allows, and the disclaimer still first after the title.
    context, _ = collect_problems(docs=built.parent / "docs")
    problems = publish.verify(context, built)
    assert [p for p in problems if "treatments/example" in p.path] == []
