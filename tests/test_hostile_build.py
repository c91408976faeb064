"""Crafted pages through the real build, with the Markdown lint out of the way.

A small project (the fixture's home pages, the site's theme, hooks and
includes) gets one English page per hostile shape, and one page with all of
them. A strict build refuses it, naming every page, and leaves site/ as it
was; a lenient build publishes only what the sanitizer kept, which passes the
built-site verification and, in Chromium, runs no script of the page and
sends no request off the site.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import FIXTURE
from sitekit import building, publish
from sitekit.checks import collect_problems
from sitekit.project import INCLUDES, MKDOCS_YML, ROOT, languages, parse_mkdocs_config
from sitekit.static_server import StaticServer, free_port
from sitekit.verify_site import verify_site

pytestmark = pytest.mark.build

DISCLAIMER = '--8<-- "en/disclaimer.md"'
HOSTILE_TITLE = "<img src=x onerror=\"window.__pwned='title'\">"


def hostile_bodies(evil: str) -> dict[str, str]:
    """Page bodies by name; ``evil`` is another host (a second local port)."""
    return {
        "script": '<script>window.__pwned = "script"</script>',
        "onerror": '<img src="missing.png" onerror="window.__pwned = \'onerror\'">',
        "javascript": (
            '<a href="java&#x09;script:window.__pwned=1">a</a> '
            '<a href=" JaVaScRiPt&colon;window.__pwned=2">b</a> [c](javascript:window.__pwned=3)'
        ),
        "remote": f'![x](//{evil}/md.png) <img src="\\\\{evil}\\slashes.png">',
        "srcset": f'<img src="local.png" srcset="http://{evil}/srcset.png 2x">',
        "style": f'<p style="background:url(//{evil}/style.png)">styled</p>',
        "theme-id": '<div id="__drawer">x</div> <span id="__search">y</span>',
    }


@dataclass(frozen=True)
class Project:
    config: Path
    docs: Path
    site_url: str
    evil: str

    def page(self, name: str) -> str:
        return f"en/{name}.md"


def make_project(root: Path, site_url: str, evil: str, *, crafted: bool = True) -> Project:
    """The project; without ``crafted``, only the fixture's (clean) home pages."""
    docs = root / "docs"
    for lang in languages():
        (docs / lang.code).mkdir(parents=True)
        shutil.copy(FIXTURE / "docs" / lang.code / "index.md", docs / lang.code / "index.md")
    bodies = hostile_bodies(evil) if crafted else {}
    pages = {name: (name.capitalize(), f"{DISCLAIMER}\n\n{body}") for name, body in bodies.items()}
    pages["title"] = (HOSTILE_TITLE, f"{DISCLAIMER}\n\nA page with markup in its title.")
    pages["details"] = (
        "Details",
        f"<details markdown>\n<summary>Info</summary>\n\n{DISCLAIMER}\n\n</details>",
    )
    pages["hidden"] = ("Hidden", f"<div hidden markdown>\n\n{DISCLAIMER}\n\n</div>")
    pages["all"] = (HOSTILE_TITLE, DISCLAIMER + "\n\n" + "\n\n".join(bodies.values()))
    if not crafted:
        pages = {}
    for name, (title, body) in pages.items():
        meta = {"title": title, "description": "A crafted page.", "sources": []}
        text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n\n{body}\n"
        (docs / "en" / f"{name}.md").write_text(text, encoding="utf-8")
    config = parse_mkdocs_config(MKDOCS_YML.read_text(encoding="utf-8"), "mkdocs.yml")
    config.pop("nav")  # every page, found by MkDocs
    config.update(docs_dir=str(docs), site_url=site_url, watch=[])
    config["hooks"] = [str(ROOT / "scripts" / "mkdocs_hooks.py")]
    config["theme"]["custom_dir"] = str(ROOT / "overrides")
    for extension in config["markdown_extensions"]:
        if isinstance(extension, dict) and "pymdownx.snippets" in extension:
            extension["pymdownx.snippets"]["base_path"] = [str(INCLUDES)]
        if isinstance(extension, dict) and "sitekit.mdext" in extension:
            extension["sitekit.mdext"]["docs_dir"] = str(docs)
    path = root / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return Project(path, docs, site_url, evil)


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    site_url = f"http://127.0.0.1:{free_port()}/"
    evil = f"127.0.0.1:{free_port()}"
    return make_project(tmp_path_factory.mktemp("hostile"), site_url, evil)


@dataclass(frozen=True)
class LenientBuild:
    site: Path
    log: str


@pytest.fixture(scope="session")
def lenient(project: Project, tmp_path_factory: pytest.TempPathFactory) -> LenientBuild:
    """The project built without --strict: published with what the sanitizer kept."""
    site = tmp_path_factory.mktemp("hostile-site")
    succeeded, log = building.build_in_process(site, config=project.config, strict=False)
    assert succeeded, log
    return LenientBuild(site, log)


NAMED = ["script", "onerror", "javascript", "remote", "srcset", "style", "theme-id"]


@pytest.mark.parametrize("name", [*NAMED, "details", "hidden"])
def test_the_build_names_every_crafted_page(
    project: Project, lenient: LenientBuild, name: str
) -> None:
    warnings = [line for line in lenient.log.splitlines() if line.startswith("WARNING")]
    assert any(f"{project.page(name)}:" in line and "Fix:" in line for line in warnings), warnings


def test_what_the_build_publishes_passes_the_verification(lenient: LenientBuild) -> None:
    assert list(verify_site(lenient.site)) == []


def test_a_strict_build_refuses_the_pages_and_keeps_the_site(
    project: Project,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """build.py with the content checks emptied: the build alone refuses."""
    monkeypatch.setattr(publish, "collect_problems", lambda **kw: (collect_problems(**kw)[0], []))
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    status = publish.build_site(site, project.site_url, False, None, project.config)
    err = capsys.readouterr().err
    assert status == 1
    for name in [*NAMED, "details", "hidden"]:
        assert f"{project.page(name)}:" in err, name
    assert "was left as it was" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous build"


def _break_with_a_symlink(docs: Path) -> Path:
    link = docs / "en" / "linked.md"
    link.symlink_to(docs / "en" / "index.md")
    return link


def _break_with_a_file(docs: Path) -> Path:
    page = docs / "en" / "page.html"
    page.write_text("<script>alert(1)</script>")
    return page


def _break_with_a_title(docs: Path) -> Path:
    page = docs / "es" / "index.md"
    text = page.read_text(encoding="utf-8").replace(
        "title: Guía de ejemplo", f"title: '{HOSTILE_TITLE}'"
    )
    page.write_text(text, encoding="utf-8")
    return page


@pytest.mark.parametrize(
    "breaking", [_break_with_a_symlink, _break_with_a_file, _break_with_a_title]
)
def test_build_py_refuses_inputs_the_checker_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], breaking: Any
) -> None:
    project = make_project(tmp_path / "project", "http://127.0.0.1:9/", "evil.test", crafted=False)
    broken = breaking(project.docs)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build")
    assert publish.build_site(site, None, False, None, project.config) == 1
    err = capsys.readouterr().err
    assert f"{broken.as_posix()}:" in err
    assert "the content checks failed" in err and "was left as it was" in err
    assert "Traceback" not in err
    assert (site / "index.html").read_text() == "previous build"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


@pytest.fixture(scope="session")
def served(project: Project, lenient: LenientBuild) -> Iterator[str]:
    port = int(project.site_url.rsplit(":", 1)[1].strip("/"))
    with StaticServer(lenient.site, port) as server:
        yield server.url


@pytest.mark.browser
def test_a_hostile_page_runs_no_script_and_sends_nothing_elsewhere(
    browser: object, served: str, project: Project
) -> None:
    from playwright.sync_api import Browser, Dialog

    from browsing import watch

    assert isinstance(browser, Browser)
    context = browser.new_context()
    page = context.new_page()
    traffic = watch(page, served)
    dialogs: list[str] = []

    def on_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(served + "all/")
    page.wait_for_load_state("networkidle")
    for link in page.locator("article a:not([href^='#'])").all():
        link.click(modifiers=["Control"], no_wait_after=True)  # a new tab, if anything
    page.wait_for_timeout(300)
    # The theme's own scripts ran; none of the page's did.
    assert page.evaluate("typeof window.__md_scope") == "object"
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []
    assert HOSTILE_TITLE.split()[0] in page.title()  # shown as text
    script_links = page.evaluate(
        "[...document.querySelectorAll('[href]')].filter(e => e.href && "
        "new URL(e.href, location.href).protocol === 'javascript:').length"
    )
    assert script_links == 0
    requests = traffic.requests
    context.close()
    assert [url for url in requests if project.evil in url] == []
    assert traffic.foreign() == []
