"""A fourth language is data only: new_language.py adds it to the fixture site, the
checker names every part still to translate, and once it is translated the
checks pass and the site builds with it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import FixtureSite, buildable
from sitekit.cli import new_language_main
from sitekit.disclaimers import file_hash
from sitekit.report import Severity

FRENCH = Path(__file__).parent / "fixtures" / "french"
MARK = "[TODO: translate] "


def snapshot(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


@pytest.fixture
def before(tmp_path: Path) -> dict[str, bytes]:
    """The fixture site's files before French is added."""
    return snapshot(FixtureSite(tmp_path / "site").root)


@pytest.fixture
def french(tmp_path: Path, before: dict[str, bytes], capsys: Any) -> FixtureSite:
    site = FixtureSite.existing(tmp_path / "site")
    assert new_language_main(["fr", "--root", str(site.root)]) == 0
    assert "created" in capsys.readouterr().out
    return site


def test_the_checker_names_every_part_still_to_translate(french: FixtureSite) -> None:
    problems = french.problems()
    errors = {p.path: p for p in problems if p.severity is Severity.ERROR}
    assert {p.code for p in errors.values()} == {"unfinished"}, problems
    for rel in ("index.md", "treatments/example.md"):
        assert "not yet translated" in errors[french.path("fr", rel).as_posix()].message
    for part in ("mkdocs.yml", "data/ui.yml", "data/numbers.yml", "includes/fr/disclaimer.md"):
        assert (french.root / part).as_posix() in errors
    assert "French" in errors[(french.root / "data/ui.yml").as_posix()].message
    numbers = errors[(french.root / "data/numbers.yml").as_posix()]
    lines = (french.root / "data/numbers.yml").read_text(encoding="utf-8").splitlines()
    assert "'fr'" in numbers.message and lines[numbers.line - 1] == "fr:"


def test_only_configuration_data_and_content_change(
    french: FixtureSite, before: dict[str, bytes]
) -> None:
    after = snapshot(french.root)
    assert {name for name in before if after.get(name) != before[name]} == {
        "mkdocs.yml",
        "data/ui.yml",
        "data/numbers.yml",
        "data/disclaimers.yml",
        "data/readability.yml",
    }
    assert set(after) - set(before) == {
        "docs/fr/index.md",
        "docs/fr/treatments/example.md",
        "includes/fr/disclaimer.md",
    }
    pins = yaml.safe_load((french.root / "data" / "disclaimers.yml").read_text())
    assert pins["fr"]["emergency_numbers"] == pins["en"]["emergency_numbers"]


def test_a_language_cannot_be_added_twice_and_nothing_is_written(
    french: FixtureSite, capsys: Any
) -> None:
    before = (french.root / "mkdocs.yml").read_text(encoding="utf-8")
    assert new_language_main(["es", "--root", str(french.root)]) == 2
    assert "already a language" in capsys.readouterr().err
    assert new_language_main(["Fr!", "--root", str(french.root)]) == 2
    assert (french.root / "mkdocs.yml").read_text(encoding="utf-8") == before


def translate(site: FixtureSite) -> None:
    """What translators and a maintainer do: pages, disclaimer (pinned again), number
    words; the interface text and the settings are taken as they are."""
    for page in (FRENCH / "docs").rglob("*.md"):
        rel = page.relative_to(FRENCH / "docs").as_posix()
        site.write("fr", page.read_text(encoding="utf-8"), rel)
    include = site.root / "includes" / "fr" / "disclaimer.md"
    include.write_text((FRENCH / "disclaimer.md").read_text(encoding="utf-8"), encoding="utf-8")
    pins = site.root / "data" / "disclaimers.yml"
    text = pins.read_text(encoding="utf-8")
    pinned = re.search(r'(?m)^"?fr"?:\n  sha256: (\w+)', text)
    assert pinned is not None
    pins.write_text(text.replace(pinned.group(1), file_hash(include)), encoding="utf-8")
    numbers = site.root / "data" / "numbers.yml"
    head, _, block = numbers.read_text(encoding="utf-8").partition("\nfr:\n")
    entry = yaml.safe_load("fr:\n" + block)["fr"]
    entry.update(yaml.safe_load((FRENCH / "numbers.yml").read_text(encoding="utf-8")))
    dumped = yaml.safe_dump({"fr": entry}, allow_unicode=True, sort_keys=False)
    numbers.write_text(head + "\n" + dumped, encoding="utf-8")
    for name in ("mkdocs.yml", "data/ui.yml"):
        path = site.root / name
        path.write_text(path.read_text(encoding="utf-8").replace(MARK, ""), encoding="utf-8")


def test_translated_it_passes_the_checks_and_builds(
    french: FixtureSite, capsys: Any, tmp_path: Path
) -> None:
    translate(french)
    pages = [str(french.path("fr", rel)) for rel in ("index.md", "treatments/example.md")]
    status, output = french.check(capsys, "--mark-translated", *pages)
    assert status == 0, output
    assert french.problems() == []
    script = buildable(french)
    out = tmp_path / "built"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    result = subprocess.run(
        [sys.executable, str(script), "--site-dir", str(out)],
        cwd=french.root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "in 4 languages" in result.stdout
    page = (out / "fr" / "treatments" / "example" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in page
    assert "Ceci n'est pas un avis médical" in page and "Thérapie d'exemple" in page
    assert (out / "fr" / "404.html").is_file()
