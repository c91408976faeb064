"""The command-line interface: exit codes, output formats, --mark-translated, bad input.

check.py runs in this process (check_main); one test runs the script itself.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from helpers import FixtureSite
from sitekit.cli import check_main
from sitekit.project import ROOT


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_check(site: FixtureSite, capsys: pytest.CaptureFixture[str]) -> Callable[..., Ran]:
    """check.py on the fixture site, in this process."""

    def run(*args: str) -> Ran:
        capsys.readouterr()
        argv = ["--docs", str(site.docs), "--sources", str(site.root / "sources.yml")]
        try:
            status = check_main([*argv, "--today", "2026-06-01", *args])
        except SystemExit as exc:  # argparse: wrong usage
            status = int(exc.code or 0)
        out, err = capsys.readouterr()
        return Ran(status, out, err)

    return run


def test_the_script_runs_as_a_command(site: FixtureSite) -> None:
    command = [sys.executable, str(ROOT / "scripts" / "check.py"), "--docs", str(site.docs)]
    command += ["--sources", str(site.root / "sources.yml"), "--today", "2026-06-01"]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No problems found." in result.stdout


def test_clean_site_exits_0(site: FixtureSite, run_check: Callable[..., Ran]) -> None:
    result = run_check()
    assert result.returncode == 0, result.stdout
    assert "No problems found." in result.stdout


def test_errors_exit_1_with_path_line_message_and_fix(
    site: FixtureSite, run_check: Callable[..., Ran]
) -> None:
    site.replace("es", "## Normativa {#regulation}", "## Normativa")
    result = run_check()
    assert result.returncode == 1
    page = site.path("es").as_posix()
    assert f"{page}:" in result.stdout
    assert "error [heading-id]" in result.stdout
    assert "fix: add a language-independent ID" in result.stdout


def test_usage_error_exits_2(site: FixtureSite, run_check: Callable[..., Ran]) -> None:
    assert run_check("--format", "xml").returncode == 2
    assert run_check("--mark-translated").returncode == 2


def test_warnings_pass_unless_strict(site: FixtureSite, run_check: Callable[..., Ran]) -> None:
    site.replace("en", "next_review: 2026-12-31", "next_review: 2026-05-20")  # overdue
    assert run_check().returncode == 0
    strict = run_check("--strict")
    assert strict.returncode == 1
    assert "error [review-due]" in strict.stdout


def test_outdated_translations_are_notices_even_when_strict(
    site: FixtureSite, run_check: Callable[..., Ran]
) -> None:
    site.replace("en", "are common,", "are very common,")
    strict = run_check("--strict")
    assert strict.returncode == 0, strict.stdout
    assert "notice [outdated]" in strict.stdout


def test_github_format_gives_inline_annotations(
    site: FixtureSite, run_check: Callable[..., Ran]
) -> None:
    site.replace("no", "## Regelverk {#regulation}", "## Regelverk")
    result = run_check("--format", "github")
    annotations = [line for line in result.stdout.splitlines() if "title=heading-id::" in line]
    number = next(
        n for n, text in enumerate(site.read("no").splitlines(), 1) if text == "## Regelverk"
    )
    assert annotations == [
        f"::error file={site.path('no').as_posix()},line={number},title=heading-id::"
        "the heading 'Regelverk' has no ID. Fix: add a language-independent ID in English, "
        "the same in every language, e.g. '## Risks {#risks}'."
    ]


def test_json_format(site: FixtureSite, run_check: Callable[..., Ran]) -> None:
    site.path("no").unlink()
    data = json.loads(run_check("--format", "json").stdout)
    assert data["problems"][0]["code"] == "missing-translation"
    assert data["problems"][0]["severity"] == "error"


def test_paths_limit_the_report(site: FixtureSite, run_check: Callable[..., Ran]) -> None:
    site.replace("no", "## Regelverk {#regulation}", "## Regelverk")
    site.replace("es", "## Normativa {#regulation}", "## Normativa")
    result = run_check(str(site.path("es")))
    assert site.path("es").as_posix() in result.stdout
    assert site.path("no").as_posix() not in result.stdout


def record_lines(text: str) -> dict[str, str]:
    """The translated_from entries of a page, by section."""
    block = text.split("translated_from:\n", 1)[1].split("---", 1)[0]
    return dict(line.strip().split(": ", 1) for line in block.splitlines() if line.strip())


def test_mark_translated_records_the_changed_section(
    site: FixtureSite, run_check: Callable[..., Ran]
) -> None:
    site.replace("en", "are common,", "are very common,")
    site.replace("es", "son frecuentes,", "son muy frecuentes,")
    before = site.read("es")
    result = run_check("--mark-translated", str(site.path("es")))
    assert result.returncode == 0, result.stdout + result.stderr
    after = site.read("es")
    # Only the record of {#risks} changed; the text and the other sections did not.
    old, new = record_lines(before), record_lines(after)
    assert [s for s in old if old[s] != new[s]] == ["risks"]
    assert before.split("---", 2)[2] == after.split("---", 2)[2]
    strict = run_check("--strict")
    assert str(site.path("es")) not in strict.stdout  # up to date now
    assert str(site.path("no")) in strict.stdout  # still outdated


def test_mark_translated_refuses_an_unedited_changed_section(
    site: FixtureSite, run_check: Callable[..., Ran]
) -> None:
    site.replace("en", "are common,", "are very common,")
    before = site.read("no")
    result = run_check("--mark-translated", str(site.path("no")))
    assert result.returncode == 1
    assert "{#risks} changed in English, but this translation of it was not edited" in (
        result.stdout
    )
    assert "--no-change-needed" in result.stdout
    assert site.read("no") == before


def test_no_change_needed_is_recorded(site: FixtureSite, run_check: Callable[..., Ran]) -> None:
    site.replace("en", "are common,", "are common,\nas the studies show,")
    result = run_check("--mark-translated", "--no-change-needed", str(site.path("no")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "unchanged: true" in record_lines(site.read("no"))["risks"]
    assert str(site.path("no")) not in run_check("--strict").stdout


def test_mark_translated_one_section(site: FixtureSite, run_check: Callable[..., Ran]) -> None:
    site.replace("en", "are common,", "are very common,")  # {#risks}
    site.replace("en", "smoother", "softer")  # {#claims}
    site.replace("es", "son frecuentes,", "son muy frecuentes,")
    result = run_check("--mark-translated", "--section", "risks", str(site.path("es")))
    assert result.returncode == 0, result.stdout + result.stderr
    [problem] = json.loads(run_check("--format", "json", str(site.path("es"))).stdout)["problems"]
    assert problem["message"].startswith("{#claims} has changed in English")


@pytest.mark.parametrize("unfinished", ["marker", "english"])
def test_mark_translated_refuses_an_untranslated_page(
    site: FixtureSite, run_check: Callable[..., Ran], unfinished: str
) -> None:
    spanish = "Los moratones, el dolor y la hinchazón en la zona del pinchazo son frecuentes"
    if unfinished == "marker":
        site.replace("es", spanish, "[TODO: translate] Bruising, pain")
    else:
        english = site.read("en").split("\n## Risks and side effects {#risks}\n\n", 1)[1]
        site.replace("es", spanish, english.split("\n", 1)[0].removesuffix("."))
    before = site.read("es")
    result = run_check("--mark-translated", str(site.path("es")))
    assert result.returncode == 1
    assert ("[unfinished]" if unfinished == "marker" else "[language]") in result.stdout
    assert site.read("es") == before


def test_mark_translated_refuses_a_non_translation(
    site: FixtureSite, run_check: Callable[..., Ran]
) -> None:
    before = site.read("en")
    result = run_check("--mark-translated", str(site.path("en")))
    assert result.returncode == 2
    assert "is not a translation" in result.stderr
    assert site.read("en") == before


def test_mark_translated_writes_nothing_when_a_file_is_broken(
    site: FixtureSite, run_check: Callable[..., Ran]
) -> None:
    site.replace("en", "are common,", "are very common,")
    site.replace("no", "title: Eksempelbehandling", "title: [broken")
    before = site.read("es")
    result = run_check("--mark-translated", str(site.path("es")), str(site.path("no")))
    assert result.returncode == 1
    assert "Nothing was written." in result.stderr
    assert site.read("es") == before


@pytest.mark.parametrize("breakage", ["non-utf8", "directory", "no-docs", "yaml"])
def test_bad_input_is_a_clear_message_not_a_traceback(
    site: FixtureSite, run_check: Callable[..., Ran], breakage: str
) -> None:
    import shutil

    if breakage == "non-utf8":
        site.path("es").write_bytes(b"---\ntitle: \xff\n---\n")
    elif breakage == "directory":
        site.path("no", "broken.md").mkdir()
    elif breakage == "no-docs":
        shutil.rmtree(site.docs)
    else:
        site.replace("en", "sources: [", "sources: [[")
    result = run_check()
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "error [" in result.stdout
