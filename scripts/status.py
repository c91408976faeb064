#!/usr/bin/env python3
"""Show the translation status of every page and the reviews that are due.

python scripts/status.py                     # a table in the terminal
python scripts/status.py --format markdown   # for a pull-request comment
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import status_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(status_main())
