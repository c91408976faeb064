"""Command-line entry points: each file in scripts/ calls one of these.

Each command parses its arguments, calls the module that does the work, and
prints the result; ``common.guarded`` turns a failure into one readable line.
A command's module is imported when the command is first used, so that
``check.py`` does not import the benchmark, the build or the editors' tools.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sitekit.cli.bench import bench_main
    from sitekit.cli.check import check_main
    from sitekit.cli.editors import new_language_main, new_page_main, status_main
    from sitekit.cli.site import (
        build_main,
        postbuild_main,
        preview_main,
        serve_main,
        zensical_main,
    )

_MODULES = {
    "bench_main": "bench",
    "build_main": "site",
    "check_main": "check",
    "new_language_main": "editors",
    "new_page_main": "editors",
    "postbuild_main": "site",
    "preview_main": "site",
    "serve_main": "site",
    "status_main": "editors",
    "zensical_main": "site",
}

__all__ = [
    "bench_main",
    "build_main",
    "check_main",
    "new_language_main",
    "new_page_main",
    "postbuild_main",
    "preview_main",
    "serve_main",
    "status_main",
    "zensical_main",
]


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_MODULES[name]}"), name)
