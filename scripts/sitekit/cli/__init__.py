"""Command-line entry points: each file in scripts/ calls one of these.

Each command parses its arguments, calls the module that does the work, and
prints the result; ``common.guarded`` turns a failure into one readable line.
"""

from sitekit.cli.bench import bench_main
from sitekit.cli.check import check_main
from sitekit.cli.editors import new_language_main, new_page_main, status_main
from sitekit.cli.site import build_main, preview_main, serve_main

__all__ = [
    "bench_main",
    "build_main",
    "check_main",
    "new_language_main",
    "new_page_main",
    "preview_main",
    "serve_main",
    "status_main",
]
