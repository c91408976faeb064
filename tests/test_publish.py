"""Publishing: site/ is replaced in one step, or left exactly as it was."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from helpers import BuiltSite
from sitekit import building, publish
from sitekit.cli import build_main


def make_site(path: Path, text: str) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    (path / "index.html").write_text(text)
    return path


def test_the_new_site_takes_the_place_of_the_old(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", "old")
    new = make_site(publish.staging_dir(site), "new")
    publish.replace_dir(new, site)
    assert (site / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_the_swap_is_one_exchange_on_linux(tmp_path: Path) -> None:
    first = make_site(tmp_path / "a", "a")
    second = make_site(tmp_path / "b", "b")
    if not publish.exchange(first, second):
        pytest.skip("this system or filesystem cannot exchange two paths")
    assert (first / "index.html").read_text() == "b"
    assert (second / "index.html").read_text() == "a"


def test_without_an_exchange_two_renames_do_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    site = make_site(tmp_path / "site", "old")
    publish.replace_dir(make_site(publish.staging_dir(site), "new"), site)
    assert (site / "index.html").read_text() == "new"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


def test_a_failed_second_rename_puts_the_old_site_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(publish, "exchange", lambda first, second: False)
    site = make_site(tmp_path / "site", "old")
    new = make_site(publish.staging_dir(site), "new")
    rename = Path.rename

    def failing(self: Path, target: Path) -> Path:
        if self == new:
            raise OSError(28, "No space left on device", str(target))
        return rename(self, target)

    monkeypatch.setattr(Path, "rename", failing)
    with pytest.raises(OSError):
        publish.replace_dir(new, site)
    assert (site / "index.html").read_text() == "old"


def test_a_symbolic_link_site_stays_a_link(tmp_path: Path) -> None:
    real = make_site(tmp_path / "releases" / "current", "old")
    site = tmp_path / "site"
    site.symlink_to(real, target_is_directory=True)
    staging = publish.staging_dir(publish.target_of(site))
    publish.replace_dir(make_site(staging, "new"), site)
    assert site.is_symlink() and site.resolve() == real
    assert (real / "index.html").read_text() == "new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["current"]


def test_folders_left_by_killed_builds_are_removed(tmp_path: Path) -> None:
    site = make_site(tmp_path / "site", "old")
    dead = 2**22 + 12345  # above the kernel's largest process id
    (tmp_path / f".site-build-{dead}-abc").mkdir()
    (tmp_path / f".site-old-{dead}").mkdir()
    mine = publish.staging_dir(site)
    publish.remove_stale(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["site", mine.name])


def test_the_published_folder_is_readable_by_a_web_server(tmp_path: Path) -> None:
    staging = publish.staging_dir(tmp_path / "site")
    assert staging.stat().st_mode & 0o055 == 0o055 & ~_umask()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_system_error_is_named_with_its_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the site's parent folder should be")
    assert build_main(["--site-dir", str(blocker / "site")]) == 1
    err = capsys.readouterr().err
    assert "the system refused an operation" in err
    assert str(blocker) in err
    assert "bug in the tooling" not in err and "Traceback" not in err


@pytest.mark.build
def test_a_build_that_fails_verification_publishes_nothing(
    built_site: BuiltSite,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The whole build.py path, with MkDocs replaced by a crafted output."""

    def crafted_build(output: Path, **_: object) -> tuple[bool, str]:
        shutil.copytree(built_site.root, output, dirs_exist_ok=True)
        page = output / "es" / "index.html"
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("</article>", "<script>x()</script></article>"), "utf-8")
        return True, ""

    monkeypatch.setattr(building, "build_in_process", crafted_build)
    site = make_site(tmp_path / "site", "previous build")
    assert build_main(["--site-dir", str(site)]) == 1
    err = capsys.readouterr().err
    assert "site/es/index.html" in err and "[unsafe-html]" in err
    assert "failed verification" in err and "Traceback" not in err
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text() == "previous build"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]
