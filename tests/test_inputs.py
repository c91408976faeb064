"""Every input is read: files beside the pages, titles, configuration, disclaimer pins,
and code changes in a content pull request."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import FixtureSite
from sitekit import changes
from sitekit.checks import Context, run
from sitekit.cli import check_main
from sitekit.disclaimers import file_hash
from sitekit.project import DATA, INCLUDES, ROOT
from sitekit.report import Problem


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path / "fixture")


def named(problems: list[Problem], code: str, path: Path | str) -> list[Problem]:
    shown = path.as_posix() if isinstance(path, Path) else path
    found = [p for p in problems if p.code == code and p.path == shown]
    assert found, f"no [{code}] problem for {shown}; got: {problems}"
    return found


# --- Files beside the pages -----------------------------------------------------------


@pytest.mark.parametrize("name", ["setup.exe", "diagram.svg", "page.html", "app.js", "x.css"])
def test_a_file_that_is_not_a_page_or_an_image_is_refused_in_docs(
    site: FixtureSite, name: str
) -> None:
    path = site.docs / "en" / "treatments" / name
    path.write_bytes(b"<script>alert(1)</script>")
    [problem] = named(site.problems(), "input-file", path)
    assert "cannot be in docs/" in problem.message


def test_images_are_allowed_in_docs(site: FixtureSite) -> None:
    (site.docs / "en" / "treatments" / "diagram.png").write_bytes(b"\x89PNG")
    assert [p for p in site.problems() if p.code == "input-file"] == []


def test_symbolic_links_are_refused(site: FixtureSite, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.png").write_bytes(b"x")
    linked_file = site.docs / "en" / "secret.png"
    linked_file.symlink_to(outside / "secret.png")
    linked_folder = site.docs / "en" / "more"
    linked_folder.symlink_to(outside, target_is_directory=True)
    problems = site.problems()
    named(problems, "input-file", linked_file)
    named(problems, "input-file", linked_folder)


def test_includes_and_data_are_read_too(site: FixtureSite, tmp_path: Path) -> None:
    includes, data = tmp_path / "includes", tmp_path / "data"
    shutil.copytree(INCLUDES, includes)
    shutil.copytree(DATA, data)
    (includes / "en" / "banner.html").write_text("<script>alert(1)</script>")
    (data / "extra.json").write_text("{}")
    context: Context = site.context()
    context.includes, context.data = includes, data
    problems = run(context)
    named(problems, "input-file", includes / "en" / "banner.html")
    named(problems, "input-file", data / "extra.json")


# --- Titles and descriptions ------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("title", '"Guía <img src=x onerror=alert(1)>"'),
        ("title", '"Guía </title><script>alert(1)</script>"'),
        (
            "description",
            '"Una guía &lt;script&gt; de ejemplo para las pruebas de este sitio web pequeño."',
        ),
    ],
)
def test_markup_in_titles_and_descriptions_is_refused(
    site: FixtureSite, key: str, value: str
) -> None:
    rel = "index.md"
    old = next(line for line in site.read("es", rel).splitlines() if line.startswith(f"{key}:"))
    site.replace("es", old, f"{key}: {value}", rel)
    [problem] = named(site.problems(), "front-matter", site.path("es", rel))
    assert "plain text" in problem.message
    assert problem.line == site.read("es", rel).splitlines().index(f"{key}: {value}") + 1


def test_a_less_than_sign_in_a_title_is_text(site: FixtureSite) -> None:
    site.replace("es", "title: Guía de ejemplo", 'title: "Guía de ejemplo (< 5 ml)"', "index.md")
    assert [p for p in site.problems() if p.code == "front-matter"] == []


# --- Configuration -----------------------------------------------------------------------


def test_remote_assets_in_mkdocs_yml_are_refused(site: FixtureSite) -> None:
    config = site.root / "mkdocs.yml"
    extra = (
        "extra_css:\n  - https://cdn.example/theme.css\n"
        "extra_javascript:\n  - assets/local.js\n  - path: //cdn.example/app.js\n"
        "theme:\n  name: material\n  favicon: https://cdn.example/favicon.png\n"
        "  font:\n    text: Roboto\n"
        "extra:\n  analytics:\n    provider: google\n"
    )
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    problems = named(site.problems(), "remote-content", config)
    lines = config.read_text(encoding="utf-8").splitlines()
    flagged = {lines[p.line - 1].strip() for p in problems}
    assert flagged == {
        "- https://cdn.example/theme.css",
        "- path: //cdn.example/app.js",
        "favicon: https://cdn.example/favicon.png",
        "font:",
        "analytics:",
    }


# --- The disclaimer includes, pinned ----------------------------------------------------


@pytest.fixture
def pinned(site: FixtureSite, tmp_path: Path) -> Context:
    """The fixture's context with its own copy of includes/ and data/."""
    context: Context = site.context()
    context.includes, context.data = tmp_path / "includes", tmp_path / "data"
    shutil.copytree(INCLUDES, context.includes)
    shutil.copytree(DATA, context.data)
    return context


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def _repin(context: Context, lang: str) -> None:
    """Record the include's current hash, as a maintainer would."""
    pins = context.data / "disclaimers.yml"
    old = yaml.safe_load(pins.read_text(encoding="utf-8"))[lang]["sha256"]
    _edit(pins, old, file_hash(context.includes / lang / "disclaimer.md"))


def test_an_edited_disclaimer_fails_and_says_how_to_repin(pinned: Context) -> None:
    include = pinned.includes / "es" / "disclaimer.md"
    _edit(include, "información general", "información")
    [problem] = named(run(pinned), "disclaimer", include)
    assert "not the pinned one" in problem.message
    assert file_hash(include) in problem.hint and "disclaimers.yml" in problem.hint


def test_a_deliberately_repinned_disclaimer_passes(pinned: Context) -> None:
    include = pinned.includes / "es" / "disclaimer.md"
    _edit(include, "información general", "información")
    _repin(pinned, "es")
    assert [p for p in run(pinned) if p.code == "disclaimer"] == []


def test_a_swapped_disclaimer_is_caught_even_when_repinned(pinned: Context) -> None:
    include = pinned.includes / "no" / "disclaimer.md"
    shutil.copy(pinned.includes / "es" / "disclaimer.md", include)
    _repin(pinned, "no")
    [problem] = named(run(pinned), "disclaimer", include)
    assert "reads as Spanish" in problem.message


def test_a_disclaimer_without_an_emergency_number_is_caught(pinned: Context) -> None:
    include = pinned.includes / "en" / "disclaimer.md"
    _edit(include, "113 in Norway or ", "")
    _repin(pinned, "en")
    [problem] = named(run(pinned), "disclaimer", include)
    assert "emergency number 113" in problem.message


# --- Code changes in a pull request -------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A small repository on a branch made from "main"."""
    root = tmp_path / "repo"
    for name in ("mkdocs.yml", ".github/CODEOWNERS", "overrides/main.html"):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, root / name)
    (root / "docs" / "en").mkdir(parents=True)
    (root / "docs" / "en" / "index.md").write_text("# Home\n")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "start")
    _git(root, "checkout", "-q", "-b", "change")
    return root


def test_a_content_change_is_not_a_code_change(repo: Path) -> None:
    (repo / "docs" / "en" / "new.md").write_text("# New\n")
    _edit(repo / "mkdocs.yml", "  - about.md\n", "  - about.md\n  - new.md\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "content")
    assert changes.code_changes("main", repo) == []


@pytest.mark.parametrize(
    ("path", "old", "new", "says"),
    [
        ("overrides/main.html", "{% block scripts %}", "{% block scripts %}<script></script>", ""),
        ("mkdocs.yml", "hooks:\n", "hooks:\n  - other.py\n", "hooks"),
        ("mkdocs.yml", "extra_css:\n", "extra_css:\n  - x.css\n", "extra_css"),
        ("mkdocs.yml", "plugins:\n", "plugins:\n  - privacy\n", "plugins"),
    ],
)
def test_a_code_change_needs_a_maintainers_review(
    repo: Path, path: str, old: str, new: str, says: str
) -> None:
    _edit(repo / path, old, new)  # not even committed: the working tree counts
    [problem] = changes.code_changes("main", repo)
    assert (problem.path, problem.code) == (path, "code-change")
    assert problem.message.startswith("code change: needs a maintainer's review")
    assert says in problem.message


def test_a_new_script_file_is_a_code_change(repo: Path) -> None:
    (repo / "scripts").mkdir()
    (repo / "scripts" / "hook.py").write_text("print()\n")
    assert [p.path for p in changes.code_changes("main", repo)] == ["scripts/hook.py"]


def test_an_unknown_reference_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert check_main(["--changed-from", "no-such-branch-anywhere"]) == 2
    assert "cannot compare with no-such-branch-anywhere" in capsys.readouterr().err
