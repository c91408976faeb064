"""Every command that README, CONTRIBUTING and the PR template give runs as written.

Editors copy these lines into a shell that has not activated `.venv/`, so each
command runs here with the base interpreter (not the test's virtual
environment) in a copy of the project: the scripts must find `.venv/` by
themselves. Servers, benchmarks and the full build are only asked for `--help`;
the full build has tests of its own. Commands that differ only in the page they
name take the same code path: one of them runs, and every page named exists.
"""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitekit.project import ROOT

GUIDES = [
    ROOT / "README.md",
    *sorted(ROOT.glob("CONTRIBUTING*.md")),
    ROOT / ".github" / "pull_request_template.md",
]
_PYTHON = re.compile(r"\bpython3? (scripts/[\w/]+\.py(?:[ \t]+(?![#|`])[^\s`|#]+)*)")
_MAKE = re.compile(r"\bmake ([a-z][a-z-]*(?: [A-Z_]+=[^\s`]+)*)")
# Long-running commands: servers, benchmarks, installers and the build itself.
HELP_ONLY = {"serve.py", "preview.py", "bench.py", "build.py", "ensure_browser.py"}
PLACEHOLDER = re.compile(r"<[^>]+>")
# What a reader puts in place of each <placeholder>.
EXAMPLES = {"<section/name>": "treatments/example-page", "<Title>": "Example page"}


def documented(pattern: re.Pattern[str]) -> list[str]:
    found: list[str] = []
    for guide in GUIDES:
        for match in pattern.finditer(guide.read_text(encoding="utf-8")):
            command = " ".join(match.group(1).split())
            if command not in found:
                found.append(command)
    return found


def test_the_guides_document_commands() -> None:
    assert len(documented(_PYTHON)) >= 8
    assert {"site", "test", "check", "serve"} <= {c.split()[0] for c in documented(_MAKE)}


@pytest.fixture(scope="module")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's content and tools, with the real .venv beside them."""
    root = tmp_path_factory.mktemp("project")
    for name in ("docs", "data", "includes", "overrides", "scripts"):
        shutil.copytree(ROOT / name, root / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "Makefile", "requirements.txt", "requirements-test.txt"):
        shutil.copy2(ROOT / name, root / name)
    venv = Path(sys.prefix)
    assert venv != Path(sys.base_prefix), "the tests run inside the project's virtual environment"
    (root / ".venv").symlink_to(venv)
    return root


def argv_of(command: str) -> list[str]:
    """What runs for a documented command: placeholders filled in, long runs asked for help."""
    argv = shlex.split(
        PLACEHOLDER.sub(lambda m: EXAMPLES.get(m.group(0), "docs/es/about.md"), command)
    )
    return [argv[0], "--help"] if Path(argv[0]).name in HELP_ONLY else argv


def one_of_each_shape(commands: list[str]) -> list[str]:
    """The first command of each shape: the same script and options, any page."""
    shapes: dict[tuple[str, ...], str] = {}
    for command in commands:
        shape = tuple("<page>" if a.startswith("docs/") else a for a in argv_of(command))
        shapes.setdefault(shape, command)
    return list(shapes.values())


@pytest.mark.parametrize("command", documented(_PYTHON))
def test_every_page_a_command_names_exists(command: str) -> None:
    pages = [arg for arg in argv_of(command) if arg.startswith("docs/")]
    assert [page for page in pages if not (ROOT / page).is_file()] == []


@pytest.mark.parametrize("command", one_of_each_shape(documented(_PYTHON)))
def test_python_command_runs_without_activation(project_copy: Path, command: str) -> None:
    base_python = Path(sys.base_prefix) / "bin" / "python3"
    result = subprocess.run(
        [str(base_python), *argv_of(command)],
        cwd=project_copy,
        capture_output=True,
        text=True,
        check=False,
        env={"PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1"},
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert "Traceback" not in output, output
    # 0: clean; 1: the command found problems in the content (reported, not a crash).
    assert result.returncode in (0, 1), output


@pytest.mark.parametrize("command", documented(_MAKE))
def test_make_target_exists(command: str) -> None:
    result = subprocess.run(
        ["make", "-n", *shlex.split(command)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
