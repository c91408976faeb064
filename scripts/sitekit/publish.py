"""Check, build, verify, and only then replace ``site/``, in one atomic step.

The site is built into a staging folder next to the target (same filesystem).
On Linux, renameat2(RENAME_EXCHANGE) swaps the two folders in one system call,
so a reader or a killed build sees the old site or the new one, never none.
Where the system cannot exchange (another OS, or a filesystem without it), two
renames are used, and the first is undone if the second fails. A symbolic link
``site/`` stays a link: the folder it points at is replaced. Staging folders
carry the builder's process id; the next build removes those of builds that
were killed.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

from sitekit import building, built_pages, problems_panel, report
from sitekit.checks import Context, collect_problems
from sitekit.paths import display_path
from sitekit.project import MKDOCS_YML, docs_dir_of

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EXDEV}


@cache
def _renameat2() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    function = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if function is None:  # a C library older than glibc 2.28
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes += [ctypes.c_uint]
    function.restype = ctypes.c_int
    return function  # type: ignore[no-any-return]


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing paths atomically; False if this system or filesystem cannot."""
    function = _renameat2()
    if function is None:
        return False
    paths = (os.fsencode(first), os.fsencode(second))
    if function(_AT_FDCWD, paths[0], _AT_FDCWD, paths[1], _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(second))


def target_of(site_dir: Path) -> Path:
    """The folder to replace: ``site_dir``, or the folder a symbolic link points at."""
    return site_dir.resolve() if site_dir.is_symlink() else site_dir


def staging_dir(target: Path) -> Path:
    """An empty folder next to ``target``, named after this process."""
    target.parent.mkdir(parents=True, exist_ok=True)
    prefix = f".{target.name}-build-{os.getpid()}-"
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=target.parent))
    umask = os.umask(0)
    os.umask(umask)
    folder.chmod(0o777 & ~umask)  # mkdtemp makes it private; a web server must read it
    return folder


def remove_stale(target: Path) -> None:
    """Remove the staging and old folders that killed builds left next to ``target``."""
    for kind in ("build", "old"):
        for path in target.parent.glob(f".{target.name}-{kind}-*"):
            pid = path.name.removeprefix(f".{target.name}-{kind}-").split("-", 1)[0]
            if pid.isdigit() and not _running(int(pid)) and path.is_dir():
                shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def replace_dir(new: Path, site_dir: Path) -> None:
    """Put the folder ``new`` in place of ``site_dir`` (or of the folder it links to)."""
    target = target_of(site_dir)
    if target.exists() and not target.is_dir():
        raise OSError(errno.ENOTDIR, "not a folder, so it was not replaced", str(target))
    if not target.exists():
        new.rename(target)
        return
    if exchange(new, target):
        shutil.rmtree(new, ignore_errors=True)  # it now holds the previous site
        return
    old = target.with_name(f".{target.name}-old-{os.getpid()}")
    target.rename(old)
    try:
        new.rename(target)
    except OSError:
        old.rename(target)
        raise
    shutil.rmtree(old, ignore_errors=True)


def os_error(exc: OSError) -> str:
    """An operating-system error, said as such, with the path it concerns."""
    where = f": {display_path(Path(exc.filename))}" if exc.filename else ""
    return f"the system refused an operation ({exc.strerror or exc}){where}"


def verify(context: Context, site_dir: Path, engine: str | None = None) -> list[report.Problem]:
    """What is wrong with a built site that is to be published: the checks of the
    built output, and any trace of a preview or a draft."""
    return list(built_pages.verify(context, site_dir, engine)) + problems_panel.leaks(site_dir)


def build_site(
    site_dir: Path,
    site_url: str | None,
    strict: bool,
    today: dt.date | None,
    config: Path = MKDOCS_YML,
    draft: bool = False,
) -> int:
    """``build.py``: checks, strict build, verification, then the swap. Exit status.

    A draft (``--draft``) is built even when the content checks fail, without
    ``--strict``: every page with problems shows them in a panel, every page carries
    a draft banner, and the production verification refuses both, so a draft
    cannot be published by mistake.
    """
    shown = display_path(site_dir)
    context, problems = collect_problems(docs=docs_dir_of(config), today=today, strict=strict)
    if problems:
        sys.stderr.write(report.format_text(problems))
    if report.has_errors(problems) and not draft:
        print(f"error: the content checks failed; {shown} was left as it was.", file=sys.stderr)
        return 1
    staging: Path | None = None
    count = sum(len(pages) for pages in context.site.pages.values())
    langs = context.site.languages
    done = f"Checked and built {count} pages in {len(langs)} languages into {shown}."
    try:
        target = target_of(site_dir)
        remove_stale(target)
        staging = staging_dir(target)
        succeeded, log = building.build_in_process(
            staging, config=config, site_url=site_url, strict=not draft
        )
        if not succeeded:
            sys.stderr.write(log + "\n")
            print(f"error: mkdocs build failed; {shown} was left as it was.", file=sys.stderr)
            return 1
        output_problems = (
            list(built_pages.verify(context, staging)) if draft else verify(context, staging)
        )
        if output_problems:
            sys.stderr.write(report.format_text(output_problems))
            if not draft:
                print(
                    f"error: the built pages failed verification; {shown} was left as it was.",
                    file=sys.stderr,
                )
                return 1
        if draft:
            found = problems + output_problems
            prefixes = {lang.code: lang.url_prefix for lang in langs}
            marked = problems_panel.inject(staging, context.site, found, prefixes)
            problems_panel.mark_draft(staging, len(found))
            done = (
                f"Built a DRAFT of {count} pages into {shown} (never publish it): "
                f"{len(found)} problems, shown on {marked} pages."
            )
        replace_dir(staging, site_dir)
    except OSError as exc:
        print(f"error: {os_error(exc)}; {shown} was left as it was.", file=sys.stderr)
        return 1
    finally:
        if staging is not None and staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    print(done)
    return 0
