#!/usr/bin/env python3
"""Live preview with automatic reload.

python scripts/serve.py             # every language
python scripts/serve.py --lang es   # Spanish only, served at /, for a faster loop
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import serve_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(serve_main())
