#!/usr/bin/env python3
"""Benchmark the checker and the build on synthetic sites of growing size.

    python scripts/bench.py                         # 50, 200, 500 and 1,000 pages per language
    python scripts/bench.py --pages 50 --runs 1     # a quick look
    python scripts/bench.py --lighthouse            # also Lighthouse on the real site
    python scripts/bench.py --save                  # also write benchmarks/RESULTS.md

Prints Markdown tables: medians of several runs, peak memory, output sizes and
what a reader's browser downloads on a first visit.
"""

import sys

import _project_python  # runs this script with .venv/bin/python when needed

try:
    from sitekit.cli import bench_main
except ImportError as exc:
    sys.exit(_project_python.missing_dependencies(exc))

if __name__ == "__main__":
    sys.exit(bench_main())
