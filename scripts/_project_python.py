"""Run an entry script with the project's own Python, activated or not.

`make site` installs the dependencies into `.venv/`. Editors then type the
commands of README and CONTRIBUTING as written (`python scripts/check.py`), with
whatever `python` their shell has: this module re-runs the script with
`.venv/bin/python` when the script was started by another interpreter. Without
`.venv/` (CI installs into its own Python) nothing changes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

VENV = Path(__file__).resolve().parent.parent / ".venv"
_MARK = "SITEKIT_PROJECT_PYTHON"


def _venv_python() -> Path | None:
    for name in ("bin/python", "Scripts/python.exe"):
        candidate = VENV / name
        if candidate.exists():
            return candidate
    return None


def use_project_python() -> None:
    """Re-execute this process with .venv's interpreter if it is not already running."""
    python = _venv_python()
    if python is None or Path(sys.prefix).resolve() == VENV.resolve():
        return
    if os.environ.get(_MARK):  # already re-executed once: never loop
        return
    os.environ[_MARK] = "1"
    os.execv(python, [str(python), *sys.argv])


def missing_dependencies(exc: ImportError) -> int:
    """Say how to install what is missing instead of printing a traceback."""
    print(
        f"error: a dependency is not installed ({exc.name or exc}).\n"
        "fix: run `make site` once: it creates .venv/ with the pinned dependencies, "
        "and every script then uses it by itself.",
        file=sys.stderr,
    )
    return 2


use_project_python()
