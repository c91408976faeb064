#!/usr/bin/env python3
"""Check every page of the site without building it.

    python scripts/check.py                      # all checks, problems grouped by file
    python scripts/check.py --strict             # warnings are errors too
    python scripts/check.py --format github      # annotations on a pull request
    python scripts/check.py --mark-translated docs/es/about.md

Exit status: 0 no errors, 1 errors found, 2 wrong usage.
"""

import sys

from sitekit.cli import check_main

if __name__ == "__main__":
    sys.exit(check_main())
