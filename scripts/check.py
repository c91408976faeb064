#!/usr/bin/env python3
"""Check every page of the site without building it.

    python scripts/check.py                      # all checks, problems grouped by file
    python scripts/check.py --strict             # warnings are errors too
    python scripts/check.py --format github      # annotations on a pull request
    python scripts/check.py --mark-translated docs/es/about.md

Exit status: 0 no errors, 1 errors found, 2 wrong usage.
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import check_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(check_main())
