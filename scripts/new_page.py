#!/usr/bin/env python3
"""Create a new page in every language and add it to the navigation.

    python scripts/new_page.py treatments/microneedling --title "Microneedling"
    python scripts/new_page.py after-care --title "After a treatment" --type general

The pages are full of [TODO] markers that the checker rejects until they are
replaced, so a new page can be reviewed but not published unfinished.
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import new_page_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(new_page_main())
