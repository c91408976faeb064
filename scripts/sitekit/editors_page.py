"""The editors' status page, published at /editors/status/ outside the reader navigation."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import markdown

from sitekit import sanitize, status, status_format
from sitekit.content import load_site

EDITORS_PATH = Path("editors") / "status" / "index.html"


def write(site_dir: Path, docs: Path, today: dt.date | None = None) -> Path:
    """Write the status page of the pages in ``docs`` into a built site; return its path."""
    site = load_site(docs)
    found = status.collect_status(site, today or dt.date.today(), status.git_history())
    # Links are relative to editors/status/: the root of the site is two levels up.
    report = status_format.format_markdown(site, found, link_base="../../")
    table = markdown.markdown(report, extensions=["tables"])
    body = sanitize.clean(table)  # page titles come from the pages
    # The theme's main stylesheet, wherever the engine puts it (Zensical: in classic/).
    folder = site_dir / "assets" / "stylesheets"
    stylesheets = sorted(folder.rglob("main.*.min.css"))
    links = [f"../../assets/stylesheets/{p.relative_to(folder).as_posix()}" for p in stylesheets]
    links.append("../../assets/stylesheets/site.css")
    head = "\n".join(f'  <link rel="stylesheet" href="{html.escape(link)}">' for link in links)
    document = f"""<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width,initial-scale=1">
  <meta name="robots" content="noindex">
  <title>Editors: translation and review status</title>
{head}
</head>
<body>
  <main class="md-main"><div class="md-main__inner md-grid"><div class="md-content">
  <article class="md-content__inner md-typeset">
{body}
  </article>
  </div></div></main>
</body>
</html>
"""
    target = site_dir / EDITORS_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(document, encoding="utf-8")
    return target
