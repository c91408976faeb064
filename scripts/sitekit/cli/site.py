"""build.py, postbuild.py, serve.py and preview.py: the site built, finished, previewed
live, and served as built."""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from sitekit import building
from sitekit.cli.common import date_arg, guarded
from sitekit.paths import SITE
from sitekit.project import MKDOCS_YML, ROOT, display_path, languages


def build_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/build.py",
        description="Check the content, build the site strictly, verify the output and "
        "publish it to site/. A failure leaves site/ as it was.",
    )
    parser.add_argument(
        "--site-dir",
        type=Path,
        default=SITE,
        help="where to publish the built site (default: site/)",
    )
    parser.add_argument(
        "--site-url",
        help="absolute address the site is served from (default: site_url in "
        "mkdocs.yml, or the SITE_URL environment variable)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings (reviews due) as errors; outdated translations stay notices",
    )
    parser.add_argument(
        "--draft",
        action="store_true",
        help="build even if the content checks fail, for a preview that is never "
        "published: each page shows its problems and a draft banner",
    )
    parser.add_argument("--today", type=date_arg, help=argparse.SUPPRESS)
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.draft and args.strict:
        parser.error("--draft and --strict do not go together: a draft is never published")
    from sitekit import publish

    return guarded(
        lambda: publish.build_site(
            args.site_dir,
            args.site_url,
            args.strict,
            args.today,
            args.config_file,
            draft=args.draft,
        )
    )


def postbuild_main(argv: Sequence[str] | None = None) -> int:
    from sitekit import after_build

    return guarded(lambda: after_build.main(argv))


def zensical_main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/build_zensical.py",
        description="Experimental: build every language with Zensical into one folder, "
        "then run the production build's post-build step and verification.",
    )
    parser.add_argument(
        "--zensical",
        type=Path,
        default=ROOT / ".venv-zensical" / "bin" / "zensical",
        help="the zensical command (default: .venv-zensical/bin/zensical, "
        "which `make site-zensical` installs)",
    )
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site-zensical")
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    from sitekit import after_build, search, zensical_build

    if not args.zensical.is_file():
        print(
            f"error: {display_path(args.zensical)} does not exist. Fix: run `make "
            "site-zensical`, which installs requirements-zensical.txt into .venv-zensical.",
            file=sys.stderr,
        )
        return 1

    def run() -> int:
        try:
            return zensical_build.build(args.zensical, args.site_dir, args.config_file)
        except (
            zensical_build.ZensicalError,
            after_build.AlreadyFinished,
            search.SearchIndexError,
        ) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1

    return guarded(run)


def serve_main(argv: Sequence[str] | None = None) -> int:
    codes = [lang.code for lang in languages()]
    parser = argparse.ArgumentParser(
        prog="python scripts/serve.py",
        description="Preview the site with live reload. Every rebuild runs the content "
        "checks: the problems are printed here and shown on each page they concern.",
    )
    parser.add_argument(
        "--lang", choices=codes, help="build only this language (served at /) for a faster loop"
    )
    parser.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    parser.add_argument("--config-file", type=Path, default=MKDOCS_YML, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    address = f"127.0.0.1:{args.port}"
    env = building.mkdocs_env(site_url=f"http://{address}/", only_language=args.lang, preview=True)
    config = args.config_file.resolve()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address]
    command += ["--config-file", str(config)]
    print(f"Serving on http://{address}/ (Ctrl+C to stop)")
    print("Each rebuild runs the content checks: problems are printed here and shown on the page.")
    try:
        return subprocess.run(command, cwd=config.parent, env=env, check=False).returncode
    except KeyboardInterrupt:
        return 0


def preview_main(argv: Sequence[str] | None = None) -> int:
    import time

    from sitekit.static_server import StaticServer

    parser = argparse.ArgumentParser(
        prog="python scripts/preview.py",
        description="Serve the built site as a static host would, 404 pages included.",
    )
    parser.add_argument("--port", type=int, default=8001, help="port on 127.0.0.1 (default 8001)")
    parser.add_argument("--site-dir", type=Path, default=SITE)
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(
            f"error: {display_path(args.site_dir)} has no built site; run `make site` first.",
            file=sys.stderr,
        )
        return 1
    with StaticServer(args.site_dir, args.port) as server:
        print(f"Serving {display_path(args.site_dir)} on {server.url} (Ctrl+C to stop)")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            return 0
