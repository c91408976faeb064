#!/usr/bin/env python3
"""Show the translation status of every page and the reviews that are due.

python scripts/status.py                     # a table in the terminal
python scripts/status.py --format markdown   # for a pull-request comment
"""

import sys

from sitekit.cli import status_main

if __name__ == "__main__":
    sys.exit(status_main())
