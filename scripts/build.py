#!/usr/bin/env python3
"""Check the content, build the site strictly, verify the output, then publish it to site/.

    python scripts/build.py [--site-dir DIR] [--site-url URL] [--strict]

A failed check or build leaves the previous site/ untouched.
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import build_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(build_main())
