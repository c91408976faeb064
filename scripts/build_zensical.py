#!/usr/bin/env python3
"""Experimental: build the site with Zensical, one project per language, into one folder.

    python scripts/build_zensical.py [--zensical PATH] [--site-dir DIR]

`make site-zensical` installs Zensical into .venv-zensical and runs this. The
result goes through the same post-build step and verification as `make site`;
MkDocs stays the production build. Known gaps: README.md, "Experimental Zensical build".
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import zensical_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(zensical_main())
