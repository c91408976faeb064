#!/usr/bin/env python3
"""Add the site's post-build work to a freshly built folder, whatever engine built it.

    python scripts/postbuild.py SITE_DIR [--config-file mkdocs.yml] [--site-url URL] [--verify]

`make site` runs this step by itself; the experimental Zensical build calls it too.
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import postbuild_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(postbuild_main())
