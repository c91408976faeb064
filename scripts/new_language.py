#!/usr/bin/env python3
"""Add a language to the site, everything it needs marked as still to translate.

    python scripts/new_language.py fr --name Français

It adds the language to mkdocs.yml, its interface strings to data/ui.yml, its
disclaimer (pinned in data/disclaimers.yml), its number symbols to
data/numbers.yml and a copy of every English page to docs/<code>/. The checker
names every part still to translate, and the site is not published until none is.
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import new_language_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(new_language_main())
