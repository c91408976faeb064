#!/usr/bin/env python3
"""Check the content, build the site strictly, verify the output, then publish it to site/.

    python scripts/build.py [--site-dir DIR] [--site-url URL] [--strict]

A failed check or build leaves the previous site/ untouched.
"""

import sys

from sitekit.cli import build_main

if __name__ == "__main__":
    sys.exit(build_main())
