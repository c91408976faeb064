"""The post-build step as a command on any built folder (scripts/postbuild.py):
its settings from the configuration, sitemaps from the pages' own head, and the
folders it refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import BuiltSite, FixtureSite
from sitekit import after_build, sitemaps
from sitekit.project import MKDOCS_YML, languages

HEAD = """<!doctype html><html lang="{lang}"><head>{links}</head>
<body><article class="md-content__inner md-typeset"><h1>Title</h1></article></body></html>"""


def test_a_finished_folder_is_refused_and_left_as_it_is(
    built_site: BuiltSite, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "site"
    shutil.copytree(built_site.root, site, symlinks=True)
    before = (site / "index.html").read_bytes()
    assert after_build.main([str(site)]) == 1
    assert "finished before" in capsys.readouterr().err
    assert (site / "index.html").read_bytes() == before


def test_a_folder_without_a_built_site_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert after_build.main([str(tmp_path)]) == 1
    assert "index.html: missing, so this is not a built site" in capsys.readouterr().err


def test_the_settings_are_read_from_the_configuration_as_mkdocs_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = languages()[0]
    (tmp_path / "index.html").write_text("<html></html>", encoding="utf-8")
    monkeypatch.delenv("SITE_URL", raising=False)
    monkeypatch.delenv("REPORT_URL", raising=False)
    settings = after_build.settings_for(tmp_path, MKDOCS_YML)
    assert settings.site_url == "https://guide.example.org/"
    assert settings.report_url and "{page}" in settings.report_url
    # Only the languages that were built: here the default one, at the root.
    assert dict(settings.prefixes) == {default.code: ""}
    monkeypatch.setenv("SITE_URL", "https://preview.example.net/sub")
    monkeypatch.setenv("REPORT_URL", "https://example.net/report?page={page}")
    settings = after_build.settings_for(tmp_path, MKDOCS_YML)
    assert settings.site_url == "https://preview.example.net/sub/"
    assert settings.report_url == "https://example.net/report?page={page}"
    given = after_build.settings_for(tmp_path, MKDOCS_YML, "https://given.example/")
    assert given.site_url == "https://given.example/"


@pytest.mark.parametrize("value", [None, "", "no", "https://preview.example.net/"])
def test_env_values_are_read_as_mkdocs_reads_them(
    value: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.utils.yaml import yaml_load

    from sitekit.project import parse_mkdocs_config
    from sitekit.yamlio import EnvConfigLoader

    if value is None:
        monkeypatch.delenv("SITE_URL", raising=False)
    else:
        monkeypatch.setenv("SITE_URL", value)
    text = "site_url: !ENV [SITE_URL, 'https://guide.example.org/']\n"
    ours = parse_mkdocs_config(text, "mkdocs.yml", EnvConfigLoader)
    assert ours == yaml_load(text)


def test_sitemaps_come_from_each_page_head_whatever_wrote_it(site: FixtureSite) -> None:
    built = site.root / "built"
    english, spanish = site.root / "built" / "index.html", site.root / "built" / "es" / "index.html"
    spanish.parent.mkdir(parents=True)
    # MiniJinja (Zensical) writes "/" as &#x2f; in attributes: read as a browser would.
    links = (
        '<link rel="canonical" href="https:&#x2f;&#x2f;guide.test&#x2f;">'
        '<link rel="alternate" hreflang="en" href="https://guide.test/">'
        '<link rel="alternate" hreflang="es" href="https://guide.test/es/">'
        '<link rel="alternate" hreflang="x-default" href="https://guide.test/">'
    )
    english.write_text(HEAD.format(lang="en", links=links), encoding="utf-8")
    # A page without a canonical address is kept out of search engines: not listed.
    spanish.write_text(HEAD.format(lang="es", links=""), encoding="utf-8")
    settings = after_build.settings_for(built, site.root / "mkdocs.yml", "https://guide.test/")
    assert after_build.sitemap_pages(settings) == [
        sitemaps.SitemapPage(
            lang="en",
            url="",
            loc="https://guide.test/",
            lastmod="2026-01-15",
            alternates=(
                ("en", "https://guide.test/"),
                ("es", "https://guide.test/es/"),
                ("x-default", "https://guide.test/"),
            ),
        )
    ]
