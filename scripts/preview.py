#!/usr/bin/env python3
"""Serve the built site/ as a static host would (per-language 404 pages included).

    python scripts/preview.py [--port 8001]

Build first with `make site`; the site is built for site_url, so use
`SITE_URL=http://127.0.0.1:8001/ make site` for links that stay on your machine.
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import preview_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(preview_main())
