#!/usr/bin/env python3
"""Make sure the system Chromium that the browser tests drive is installed.

    python scripts/ensure_browser.py

As root on Debian or Ubuntu (CI) it installs the distribution's package with
apt-get; anywhere else it says what to install. It never downloads a browser
from the internet by other means.
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.browser import ensure_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(ensure_main())
