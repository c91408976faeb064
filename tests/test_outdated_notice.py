"""A translation made from an older English text shows readers a notice in its language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sitekit import building, ui
from sitekit.project import ROOT

pytestmark = pytest.mark.build


def test_changed_english_page_puts_a_notice_on_its_translations(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for shared in ("overrides", "includes", "scripts", "data"):
        (project / shared).symlink_to(ROOT / shared, target_is_directory=True)
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    english = project / "docs" / "en" / "about.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nA new English paragraph.\n")

    result = building.run_mkdocs_build(project / "site", config=project / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr

    for code in ("es", "no"):
        html = (project / "site" / code / "about" / "index.html").read_text(encoding="utf-8")
        assert 'class="admonition warning translation-outdated"' in html
        assert ui.strings(code)["outdated_title"] in html
        assert '<a href="../../about/" hreflang="en">' in html
    english_html = (project / "site" / "about" / "index.html").read_text(encoding="utf-8")
    assert "translation-outdated" not in english_html
    untouched = (project / "site" / "es" / "safety" / "index.html").read_text(encoding="utf-8")
    assert "translation-outdated" not in untouched
