"""MkDocs hooks, registered in mkdocs.yml. The logic lives in sitekit.site_hooks."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sitekit.site_hooks import (
    on_env,
    on_nav,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_template,
    on_pre_build,
)

__all__ = [
    "on_env",
    "on_nav",
    "on_page_context",
    "on_page_markdown",
    "on_post_build",
    "on_post_template",
    "on_pre_build",
]
