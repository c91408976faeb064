"""Pages and language verdicts kept between runs: reused while unchanged, never stale."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from helpers import FixtureSite
from sitekit import checks, langid_model, textblocks
from sitekit.blockcache import BlockCache


@pytest.fixture
def site(tmp_path: Path) -> FixtureSite:
    return FixtureSite(tmp_path / "site")


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """How often pages are rendered and texts judged."""
    calls = {"render": 0, "judge": 0}

    def counting(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any) -> Any:
            calls[name] += 1
            return real(*args)

        return wrapper

    monkeypatch.setattr(
        "sitekit.checks.context.read_page", counting("render", textblocks.read_page)
    )
    monkeypatch.setattr("sitekit.identify.identifier", counting("judge", langid_model.identifier))
    return calls


def run(site: FixtureSite, cache_file: Path) -> list[Any]:
    context = site.context()
    context.cache = BlockCache.load(cache_file)
    return checks.run(context, parallel=False)


def test_a_second_run_renders_and_judges_nothing_again(
    site: FixtureSite, tmp_path: Path, counted: dict[str, int]
) -> None:
    site.replace("es", "con 1022 adultos", "con 1023 adultos")  # a problem to find again
    cache_file = tmp_path / "blocks.json"
    first = run(site, cache_file)
    assert counted["render"] == 6 and counted["judge"] > 0
    counted.update(render=0, judge=0)
    assert run(site, cache_file) == first
    assert counted == {"render": 0, "judge": 0}


def test_a_changed_page_is_rendered_and_judged_again(
    site: FixtureSite, tmp_path: Path, counted: dict[str, int]
) -> None:
    cache_file = tmp_path / "blocks.json"
    run(site, cache_file)
    counted.update(render=0, judge=0)
    english = site.read("no").split("## Risiko og bivirkninger {#risks}\n\n")[1].split("\n")[0]
    site.replace(
        "no",
        english,
        "Bruising, pain and swelling where the needle went in are common, and infections "
        "have been reported after treatment.",
    )
    problems = run(site, cache_file)
    assert counted["render"] == 1 and counted["judge"] > 0
    assert any(p.code == "language" and "/no/" in p.path for p in problems)


@pytest.mark.parametrize("content", ["", "{not json", '{"fingerprint": "old", "pages": {}}'])
def test_a_damaged_or_stale_cache_is_ignored(
    site: FixtureSite, tmp_path: Path, counted: dict[str, int], content: str
) -> None:
    cache_file = tmp_path / "blocks.json"
    cache_file.write_text(content, encoding="utf-8")
    assert run(site, cache_file) == []
    assert counted["render"] == 6


def test_a_page_that_cannot_be_rendered_is_not_kept(site: FixtureSite, tmp_path: Path) -> None:
    nested = "<div markdown>\n" * 600 + "Texto." + "\n</div>" * 600
    site.replace("es", "## Fuentes {#sources}", f"{nested}\n\n## Fuentes {{#sources}}")
    cache_file = tmp_path / "blocks.json"
    for _ in range(2):  # reported on every run, not taken from the cache
        assert any(p.code == "render" for p in run(site, cache_file))
