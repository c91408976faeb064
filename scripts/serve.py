#!/usr/bin/env python3
"""Live preview with automatic reload.

python scripts/serve.py             # every language
python scripts/serve.py --lang es   # Spanish only, served at /, for a faster loop
"""

import sys

from sitekit.cli import serve_main

if __name__ == "__main__":
    sys.exit(serve_main())
