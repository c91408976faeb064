"""The experimental Zensical build's generated configuration, without Zensical: each
language's project is what mkdocs.yml says of that language (no build here; CI runs
`make site-zensical` as a job of its own)."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import pytest
import yaml

from helpers import FixtureSite
from sitekit import after_build, mdext, ui, wayfinding, zensical_build
from sitekit.pages import built_path
from sitekit.project import MKDOCS_YML, ROOT, Language, i18n_config, languages, languages_of


@pytest.mark.parametrize("lang", languages(), ids=lambda lang: lang.code)
def test_each_language_gets_a_project_generated_from_mkdocs_yml(lang: Language) -> None:
    config, _ = after_build.load_config(MKDOCS_YML)
    site = zensical_build.language_config(config, lang, languages(), ROOT)
    code = lang.code
    entry = next(e for e in i18n_config(config)["languages"] if str(e["locale"]) == code)
    # Plain data, written as YAML; Zensical runs no hooks and knows no i18n plugin.
    assert yaml.safe_load(yaml.safe_dump(site, allow_unicode=True)) == site
    assert "hooks" not in site and site["plugins"] == [{"search": {"enabled": False}}]
    assert site["site_url"] == str(config["site_url"]) + lang.url_prefix
    assert site["site_name"] == entry.get("site_name", config["site_name"])
    assert (site["docs_dir"], site["site_dir"]) == ("docs", "site")
    theme = site["theme"]
    assert (theme["language"], theme["variant"]) == (lang.html_lang, "classic")
    project = ROOT / zensical_build.WORK / code
    assert Path(os.path.normpath(project / theme["custom_dir"])) == ROOT / "overrides"
    extensions = {
        next(iter(e)) if isinstance(e, dict) else e: e for e in site["markdown_extensions"]
    }
    settings = extensions[mdext.NAME][mdext.NAME]
    assert settings["lang"] == code and Path(settings["docs_dir"]) == ROOT / "docs"
    snippets = extensions["pymdownx.snippets"]["pymdownx.snippets"]
    assert snippets["base_path"] == [str(ROOT / "includes")]
    assert site["extra"]["site_ui"] == dict(ui.strings(code))
    assert site["extra"]["site_is_root_language"] == (not lang.url_prefix)
    assert [a["lang"] for a in site["extra"]["alternate"]] == [x.code for x in languages()]
    sections = [next(iter(item)) for item in site["nav"] if isinstance(item, dict)]
    translations = entry.get("nav_translations") or {}
    original = [next(iter(item)) for item in config["nav"] if isinstance(item, dict)]
    assert sections == [translations.get(name, name) for name in original]


def test_zensical_output_is_made_what_the_post_build_step_expects(tmp_path: Path) -> None:
    page = tmp_path / "index.html"
    page.write_text(
        '<article class="md-content__inner md-typeset">\n  <a id="__skip" tabindex="-1"></a>'
        "\n  <h1>Title</h1></article>",
        encoding="utf-8",
    )
    (tmp_path / "search.json").write_text("{}", encoding="utf-8")
    modern = tmp_path / "assets" / "stylesheets" / "modern"
    modern.mkdir(parents=True)
    (modern / "main.css").write_text("", encoding="utf-8")
    zensical_build.adapt(tmp_path)
    assert page.read_text(encoding="utf-8") == (
        '<article class="md-content__inner md-typeset">\n  <h1>Title</h1></article>'
    )
    assert not (tmp_path / "search.json").exists() and not modern.exists()


def test_the_extension_s_warnings_fail_the_zensical_build(caplog: pytest.LogCaptureFixture) -> None:
    from test_markdown_extension import convert

    with caplog.at_level(logging.WARNING, logger=mdext.log.name):
        convert("Text.\n", page="stray.md")
    printed = "Build started\n" + "\n".join(r.getMessage() for r in caplog.records) + "\nDone"
    assert zensical_build.extension_warnings(printed) == [caplog.records[0].getMessage()]
    assert zensical_build.extension_warnings("Build started\nNo issues found") == []


def test_each_page_s_language_menu_leads_to_its_translations(site: FixtureSite) -> None:
    """As the i18n plugin makes it under MkDocs; Zensical's menu leads to the homes."""
    langs = languages_of(site.root / "mkdocs.yml")
    menu = "".join(
        f'<a href="/{lang.url_prefix}" hreflang="{lang.code}" class="md-select__link">'
        for lang in langs
    )
    built = site.root / "built"
    for lang in langs:
        for rel in ("index.md", "treatments/example.md"):
            page = built / built_path(rel, lang.url_prefix)
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(menu, encoding="utf-8")
    zensical_build.menus_to_translations(built, site.docs, langs)
    translation = langs[1]
    page = built / built_path("treatments/example.md", translation.url_prefix)
    links = re.findall(r'href="([^"]*)" hreflang="([^"]+)"', page.read_text(encoding="utf-8"))
    expected = [
        (
            wayfinding.relative(
                built_path("treatments/example.md", translation.url_prefix),
                built_path("treatments/example.md", lang.url_prefix),
            ),
            lang.code,
        )
        for lang in langs
    ]
    assert links == expected
    assert links[0] == ("../../../treatments/example/", langs[0].code)
    assert (translation.code, "./") in [(code, href) for href, code in links]


def test_a_broken_configuration_is_named_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitekit.cli.site import zensical_main

    engine = tmp_path / "zensical"
    engine.write_text("", encoding="utf-8")  # never run: the configuration fails first
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nplugins:\n  - i18n:\n      languages: 3\n", encoding="utf-8")
    status = zensical_main(
        [
            "--zensical",
            str(engine),
            "--site-dir",
            str(tmp_path / "out"),
            "--config-file",
            str(config),
        ]
    )
    printed = capsys.readouterr()
    err = printed.out + printed.err
    assert status == 1 and "Traceback" not in err and "bug in the tooling" not in err
    assert f"{config}: error [languages]" in err and "fix: give plugins" in err, err
    assert not (tmp_path / "out").exists()
