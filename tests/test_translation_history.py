"""What changed in English since a translation was made: status.py --diff and the
status report, with Git history, in a shallow clone and without Git."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from helpers import FixtureSite, git
from sitekit.cli import status_main

RISKS_CHANGED = "2026-11-20T10:00:00+00:00"
CLAIMS_CHANGED = "2026-11-25T10:00:00+00:00"


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path / "repo")


@pytest.fixture
def history(site: FixtureSite) -> FixtureSite:
    """The fixture site in Git: translated, then {#risks} and later {#claims} changed."""
    git(site.root, "init", "--quiet")
    git(site.root, "add", ".")
    git(site.root, "commit", "--quiet", "-m", "Translated")
    site.replace("en", "are common,", "are very common,")
    git(site.root, "commit", "--quiet", "-am", "English risks", date=RISKS_CHANGED)
    site.replace("en", "smoother", "softer")
    git(site.root, "commit", "--quiet", "-am", "English claims", date=CLAIMS_CHANGED)
    return site


def status(site: FixtureSite, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = status_main(["--docs", str(site.docs), "--today", "2026-12-01", *args])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def test_diff_shows_each_changed_english_section_since_translation(
    history: FixtureSite, capsys: pytest.CaptureFixture[str]
) -> None:
    translated = git(history.root, "rev-list", "--max-parents=0", "HEAD").strip()[:8]
    out = status(history, capsys, "--diff", str(history.path("es")))
    assert out.startswith(f"{history.path('es').as_posix()}: {{#claims}} and {{#risks}} changed")
    claims = out.index("\n{#claims}: changed in English on 2026-11-25")
    risks = out.index(
        "\n{#risks} (safety information: readers see a prominent notice): "
        "changed in English on 2026-11-20"
    )
    assert claims < risks  # the English page's order
    assert re.search(r"^-Bruising, pain and swelling .* are common,", out, re.MULTILINE)
    assert re.search(r"^\+Bruising, pain and swelling .* are very common,", out, re.MULTILINE)
    assert re.search(r"^\+Clinics claim .* softer", out, re.MULTILINE)
    assert f"as translated (commit {translated}, 2026-10-01)" in out
    assert f"git diff {translated} -- " in out
    assert "--mark-translated" in out


def test_a_shallow_clone_says_how_to_fetch_the_history(
    history: FixtureSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "--quiet", "--depth", "1", history.root.as_uri(), str(clone))
    shallow = FixtureSite.__new__(FixtureSite)
    shallow.root, shallow.docs = clone, clone / "docs"
    out = status(shallow, capsys, "--diff", str(shallow.path("es")))
    assert "git fetch --unshallow" in out
    assert "{#claims} and {#risks}" in out  # the changed sections are still named


def test_without_git_the_changed_sections_are_still_listed(
    site: FixtureSite, capsys: pytest.CaptureFixture[str]
) -> None:
    site.replace("en", "are common,", "are very common,")
    out = status(site, capsys, "--diff", str(site.path("no")))
    assert "{#risks} has changed in English" in out
    assert "no Git history here" in out
    assert "are very common," in out  # the English text to translate from


def test_an_up_to_date_translation_says_so(
    site: FixtureSite, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "is up to date" in status(site, capsys, "--diff", str(site.path("es")))


def test_diff_of_an_english_page_is_a_usage_error(
    site: FixtureSite, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        status_main(["--docs", str(site.docs), "--diff", str(site.path("en"))])
    assert exit_info.value.code == 2
    assert "is not a translation" in capsys.readouterr().err


def test_status_json_has_sections_dates_links_orphans_and_counts(
    history: FixtureSite, capsys: pytest.CaptureFixture[str]
) -> None:
    history.write("es", history.read("es"), rel="treatments/orphan.md")
    data = json.loads(status(history, capsys, "--format", "json"))
    [example] = [page for page in data["pages"] if page["page"] == "treatments/example.md"]
    spanish = example["languages"]["es"]
    assert spanish["state"] == "outdated"
    assert spanish["url"] == "es/treatments/example/"
    assert example["languages"]["en"]["url"] == "treatments/example/"
    assert spanish["outdated_sections"] == [
        {"id": "claims", "safety": False, "changed_on": "2026-11-25"},
        {"id": "risks", "safety": True, "changed_on": "2026-11-20"},
    ]
    assert spanish["since"] == "2026-11-20"
    assert data["orphans"] == [
        {"lang": "es", "file": history.path("es", "treatments/orphan.md").as_posix()}
    ]
    assert data["counts"]["es"] == {"up to date": 1, "outdated": 1}
    assert data["counts"]["en"] == {"original": 2}


def test_status_text_names_outdated_sections_and_orphans(
    history: FixtureSite, capsys: pytest.CaptureFixture[str]
) -> None:
    history.write("no", history.read("no"), rel="treatments/orphan.md")
    out = status(history, capsys)
    changed = "{#claims}, {#risks} (safety); English changed 2026-11-20"
    assert f"{history.path('es').as_posix()}: {changed}" in out
    assert "orphans" in out and history.path("no", "treatments/orphan.md").as_posix() in out
    assert "Spanish: 1 up to date, 1 outdated." in out
