"""Running MkDocs: a strict build in this process, and the environment of a MkDocs run."""

from __future__ import annotations

import logging
import os
from pathlib import Path

from sitekit.project import MKDOCS_YML, ROOT

# Set only by `make serve`: the hooks then run the checks on every rebuild and show
# the problems on the pages (sitekit.live_checks). Never set for a production build.
PREVIEW_ENV = "SITEKIT_PREVIEW"


def mkdocs_env(
    site_url: str | None = None, only_language: str | None = None, *, preview: bool = False
) -> dict[str, str]:
    """Environment for a MkDocs run: quiet end-of-life notice, optional overrides."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # The site's Markdown extension (sitekit.mdext) is imported from scripts/.
    paths = [str(ROOT / "scripts"), *filter(None, [env.get("PYTHONPATH")])]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env.pop(PREVIEW_ENV, None)
    if preview:
        env[PREVIEW_ENV] = "1"
    if site_url:
        env["SITE_URL"] = site_url
    if only_language:
        env["SITE_LANG"] = only_language
    else:
        env.pop("SITE_LANG", None)
    return env


class _Collect(logging.Handler):
    """Keeps what MkDocs logs, to show it if the build fails."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_in_process(
    output: Path, *, config: Path = MKDOCS_YML, site_url: str | None = None, strict: bool = True
) -> tuple[bool, str]:
    """``mkdocs build --strict`` in this process (no second interpreter to start); a draft
    build is not strict (warnings are logged, not fatal).

    Returns whether it succeeded and what MkDocs logged.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    saved = {
        key: os.environ.get(key)
        for key in ("SITE_URL", "SITE_LANG", "NO_MKDOCS_2_WARNING", "PYTHONPATH", PREVIEW_ENV)
    }
    os.environ.update(mkdocs_env(site_url))
    os.environ.pop("SITE_LANG", None)
    os.environ.pop(PREVIEW_ENV, None)
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    logger.addHandler(collect)
    previous_level = logger.level
    logger.setLevel(logging.INFO)
    previous_cwd = Path.cwd()
    try:
        os.chdir(config.parent)  # snippets and hooks are found relative to the project
        settings = load_config(config_file=str(config), site_dir=str(output), strict=strict)
        build(settings)
        return True, "\n".join(collect.lines)
    except (Abort, ConfigurationError) as exc:
        collect.lines.append(f"ERROR   -  {exc}")
        return False, "\n".join(collect.lines)
    finally:
        os.chdir(previous_cwd)
        logger.removeHandler(collect)
        logger.setLevel(previous_level)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
