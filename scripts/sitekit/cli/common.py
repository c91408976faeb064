"""What every command shares: dates as arguments, failures as one readable line,
and files written all at once or not at all."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TypeVar

from sitekit import report

T = TypeVar("T")


def date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date (YYYY-MM-DD)") from None


def guarded(
    main: Callable[[], int],
    formatter: Callable[[Sequence[report.Problem]], str] = report.format_text,
) -> int:
    """Run a command; an unexpected failure is one readable line, not a traceback."""
    try:
        return main()
    except KeyboardInterrupt:
        return 130
    except report.DataError as exc:  # a broken mkdocs.yml or data file: where, and what
        sys.stdout.write(formatter([exc.problem]))
        return 1
    except OSError as exc:
        from sitekit.publish import os_error

        print(f"error: {os_error(exc)}.", file=sys.stderr)
        return 1
    except Exception as exc:
        if os.environ.get("SITEKIT_DEBUG"):
            traceback.print_exc()
        print(
            f"error: {type(exc).__name__}: {exc}\n"
            "(this is a bug in the tooling; run again with SITEKIT_DEBUG=1 for details "
            "and report it)",
            file=sys.stderr,
        )
        return 1


def write_all_or_nothing(
    make: Callable[[], T], apply: Callable[[T], None], refused: type[Exception]
) -> T | int:
    """Plan, then write every file or none: the plan, or the exit status of a failure."""
    try:
        planned = make()
        apply(planned)
    except refused as exc:
        print(f"error: {exc}. Nothing was written.", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {exc}. Nothing was written.", file=sys.stderr)
        return 1
    return planned
