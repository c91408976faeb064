"""new_page.py scaffolds valid, clearly unfinished pages; status.py reports what needs work."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

import pytest

from helpers import FixtureSite
from sitekit import editors_page, model, scaffold, status, status_format
from sitekit.checks import run
from sitekit.cli import new_page_main
from sitekit.content import load_site

TODAY = dt.date(2026, 6, 1)


def scaffold_page(site: FixtureSite, path: str, title: str, page_type: str) -> scaffold.Plan:
    planned = scaffold.plan(
        path, title, page_type, TODAY, site.docs, site.root / "mkdocs.yml", site.root / "data"
    )
    scaffold.apply(planned, site.root / "mkdocs.yml")
    return planned


def test_new_treatment_page_exists_in_every_language_with_its_sections(site: FixtureSite) -> None:
    scaffold_page(site, "treatments/microneedling", "Microneedling", "treatment")
    for lang in ("en", "es", "no"):
        text = site.read(lang, "treatments/microneedling.md")
        assert f'--8<-- "{lang}/disclaimer.md"' in text
        assert "{#at-a-glance}" in text and "{#urgent-help}" in text and "{#sources}" in text
    assert "## Riesgos y efectos adversos {#risks}" in site.read(
        "es", "treatments/microneedling.md"
    )
    assert "## Risiko og bivirkninger {#risks}" in site.read("no", "treatments/microneedling.md")


def test_new_page_is_only_unfinished_for_the_checker(site: FixtureSite) -> None:
    scaffold_page(site, "treatments/microneedling", "Microneedling", "treatment")
    problems = [p for p in site.problems(today=TODAY.isoformat()) if "microneedling" in p.path]
    # Valid front matter and structure; what remains in English is the writing: markers,
    # a short description and no sources yet.
    english = [p for p in problems if "/en/" in p.path]
    assert {p.code for p in english} <= {"unfinished", "front-matter", "citation"}
    content = model.load(site.root / "data" / "content_model.yml")
    sections = content.page_types["treatment"].section_ids
    to_write = len(sections) - 1  # every section but the sources has a prompt
    assert sum(p.code == "unfinished" for p in english) == 1 + to_write  # and the description
    # Each translation: one clear problem, not one per marker plus the English-text noise.
    for lang in ("es", "no"):
        [problem] = [p for p in problems if f"/{lang}/" in p.path]
        assert problem.code == "unfinished" and problem.line == 2
        markers = 2 + to_write  # the title, the description and each section
        assert problem.message.startswith(
            f"not yet translated: {markers} markers such as [TODO: translate] (lines 2, 3, "
        )
        assert "language, number, source and description checks wait" in problem.hint
        assert "problems not shown" in problem.hint


def test_an_unfinished_translation_keeps_its_other_problems(site: FixtureSite) -> None:
    site.replace("es", "## Normativa {#regulation}", "## Normativa")  # a real problem
    site.replace("es", "son frecuentes,", "[TODO: revisar] son frecuentes,")
    codes = [p.code for p in site.problems() if p.path == site.path("es").as_posix()]
    assert sorted(codes) == ["heading-id", "structure", "structure", "unfinished"]


def test_new_page_is_added_to_the_navigation(site: FixtureSite) -> None:
    scaffold_page(site, "treatments/microneedling", "Microneedling", "treatment")
    nav = (site.root / "mkdocs.yml").read_text()
    assert "      - treatments/example.md\n      - treatments/microneedling.md\n" in nav
    scaffold_page(site, "aftercare", "After a treatment", "general")
    assert "  - aftercare.md\n" in (site.root / "mkdocs.yml").read_text()
    scaffold_page(site, "guides/sun", "Sun after treatment", "general")
    nav = (site.root / "mkdocs.yml").read_text()
    assert "  - Guides:\n      - guides/sun.md\n" in nav
    # The new section's title has no translation yet: the checker says so.
    problems = run(site.context(TODAY.isoformat()))
    assert any(p.code == "navigation" and "'Guides'" in p.message for p in problems)


def test_existing_page_is_refused_and_nothing_is_written(site: FixtureSite) -> None:
    before = sorted(p.relative_to(site.root) for p in site.root.rglob("*"))
    with pytest.raises(scaffold.ScaffoldError, match="already exists"):
        scaffold.plan(
            "treatments/example", "Again", "treatment", TODAY, site.docs, site.root / "mkdocs.yml"
        )
    assert sorted(p.relative_to(site.root) for p in site.root.rglob("*")) == before


@pytest.mark.parametrize("path", ["Treatments/Botox", "treatments/botox filler", "a/b/c", ""])
def test_bad_path_is_refused(site: FixtureSite, path: str) -> None:
    with pytest.raises(scaffold.ScaffoldError):
        scaffold.plan(path, "Title", "general", TODAY, site.docs, site.root / "mkdocs.yml")


def test_failure_while_writing_leaves_nothing_behind(
    site: FixtureSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    planned = scaffold.plan(
        "treatments/microneedling",
        "Microneedling",
        "treatment",
        TODAY,
        site.docs,
        site.root / "mkdocs.yml",
    )
    before = sorted(p.relative_to(site.root) for p in site.root.rglob("*"))
    calls = []
    real = tempfile.mkstemp

    def failing(prefix: str, dir: Path) -> tuple[int, str]:
        calls.append(1)
        if len(calls) == 3:
            raise OSError("disk full")
        return real(prefix=prefix, dir=dir)

    monkeypatch.setattr(tempfile, "mkstemp", failing)
    with pytest.raises(OSError, match="disk full"):
        scaffold.apply(planned, site.root / "mkdocs.yml")
    # No new page, no temporary file, mkdocs.yml untouched.
    assert sorted(p.relative_to(site.root) for p in site.root.rglob("*")) == before
    assert "microneedling" not in (site.root / "mkdocs.yml").read_text()


def test_command_line_refuses_bad_input_with_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert new_page_main(["Not A Slug", "--title", "x"]) == 2
    assert "Nothing was written" in capsys.readouterr().err


def test_status_reports_each_state(site: FixtureSite) -> None:
    shutil.rmtree(site.docs / "no" / "treatments")
    site.replace("en", "are common,", "are very common,")
    site.replace("es", "Esta guía explica", "[TODO: revisar] Esta guía explica", rel="index.md")
    rows = {row.rel: row for row in status.collect(load_site(site.docs), dt.date(2026, 11, 15))}
    example = rows["treatments/example.md"]
    assert example.states == {
        "en": status.State.ORIGINAL,
        "es": status.State.OUTDATED,
        "no": status.State.MISSING,
    }
    assert rows["index.md"].states["es"] is status.State.UNFINISHED
    assert rows["index.md"].states["no"] is status.State.UP_TO_DATE
    assert example.days_left == 46 and "due in 46 days" in example.review_note


def test_status_as_terminal_table_and_markdown(site: FixtureSite) -> None:
    loaded = load_site(site.docs)
    found = status.collect_status(loaded, dt.date(2027, 1, 10))
    text = status_format.format_text(loaded, found)
    assert "treatments/example.md" in text and "overdue by 10 days" in text
    markdown = status_format.format_markdown(loaded, found)
    assert "| Page | English | Spanish | Norwegian | Next review |" in markdown
    assert "| `index.md` | ✅ original | ✅ up to date | ✅ up to date |" in markdown


def test_editors_page_links_every_page_and_names_outdated_sections(
    site: FixtureSite, tmp_path: Path
) -> None:
    site.replace("en", "are common,", "are very common,")
    page = editors_page.write(tmp_path / "built", site.docs, dt.date(2026, 6, 1))
    html = page.read_text(encoding="utf-8")
    assert '<a href="../../es/treatments/example/">⚠️ outdated</a><br>{#risks} (safety)' in html
    assert '<a href="../../treatments/example/">✅ original</a>' in html
    assert '<a href="../../no/">✅ up to date</a>' in html
    assert "Spanish: 1 up to date, 1 outdated." in html
