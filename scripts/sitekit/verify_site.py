"""Every file of a built site, verified before it is published.

Only the file types data/html_policy.yml allows, no symbolic link, scripts,
stylesheets and data (the search index) only where the policy lists them;
every HTML page read with the rules of ``htmlsafety``. ``content_problems`` applies the
same rules to one page's content HTML while it is built, so that the build
names the Markdown file.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path

from sitekit import disclaimers, htmlscan
from sitekit.html_policy import Policy, PolicyError, load_policy, matches
from sitekit.htmlsafety import Finding, fragment_findings, page_findings
from sitekit.report import Problem, error

_BUILD_HINT = "pages are plain Markdown: remove it from the page. The published page leaves it out."
_CONTENT_HINT = (
    "pages are plain Markdown: remove the HTML that does this{source}. The build also "
    "strips it, so if the page's Markdown is clean, check that the build ran the site's "
    "Markdown extension (sitekit.mdext in mkdocs.yml)."
)
_SITE_HINT = (
    "the theme, a template or the configuration added this. If it is the site's own, "
    "a maintainer lists it in data/html_policy.yml; otherwise remove what added it."
)


def _problem(shown: str, finding: Finding, source: str | None) -> Problem:
    if finding.content:
        hint = _CONTENT_HINT.format(source=f" in {source}" if source else "")
    else:
        hint = _SITE_HINT
    return error(shown, 0, finding.code, finding.message + ".", hint)


def content_problems(html: str, source: str, policy: Policy | None = None) -> list[Problem]:
    """What one page's content HTML (before the theme wraps it) may not contain."""
    policy = policy or load_policy()
    body = htmlscan.parse_fragment(html)
    problems = [
        error(source, 0, finding.code, finding.message + ".", _BUILD_HINT)
        for finding in fragment_findings(body, policy)
    ]
    problems += [
        error(source, 0, "disclaimer", message + ".", disclaimers.PLACEMENT_HINT)
        for message in disclaimers.placement_problems(body, policy, after_title=False)
    ]
    return problems


def verify_site(
    site_dir: Path, sources: Mapping[str, str] | None = None, engine: str | None = None
) -> Iterator[Problem]:
    """Every problem in the built site; ``sources`` maps site paths to their Markdown file
    (``engine``: the section of the policy's ``engines:`` that built it, if not MkDocs)."""
    try:
        policy = load_policy(engine=engine)
    except PolicyError as exc:
        yield error("data/html_policy.yml", 0, "html-policy", f"{exc}.", "restore the file.")
        return
    sources = sources or {}
    for folder, dirs, files in os.walk(site_dir):
        base = Path(folder)
        for name in sorted(dirs + files):
            path = base / name
            rel = path.relative_to(site_dir).as_posix()
            if path.is_symlink():
                yield _file_problem(rel, "is a symbolic link")
            elif path.is_file():
                yield from _verify_file(path, rel, policy, sources.get(rel))
        dirs[:] = sorted(d for d in dirs if not (base / d).is_symlink())


def _file_problem(rel: str, what: str) -> Problem:
    return error(
        f"site/{rel}",
        0,
        "site-file",
        f"this file {what}; the built site holds only pages, the site's own assets and images.",
        "remove it from docs/ (images may be .png, .jpg, .gif, .webp or .avif), or, if the "
        "theme ships it, a maintainer lists it in data/html_policy.yml.",
    )


def _verify_file(path: Path, rel: str, policy: Policy, source: str | None) -> Iterator[Problem]:
    suffix = path.suffix.lower()
    listed = {".js": policy.scripts, ".css": policy.stylesheets, ".map": policy.source_maps}
    listed.update(dict.fromkeys((".json", ".xml", ".gz"), policy.data_files))
    if suffix in listed and not matches(rel, listed[suffix]):
        yield _file_problem(rel, f"is a {suffix} file the site does not ship")
        return
    if suffix not in policy.file_types and suffix not in listed:
        if matches(rel, policy.data_files):
            return  # data the site ships where the policy lists it (the search index)
        yield _file_problem(rel, f"is of a type that is not allowed ({suffix or 'no extension'})")
        return
    shown = f"site/{rel}"
    if suffix == ".html":
        document = htmlscan.read_page(path.read_text(encoding="utf-8", errors="replace"))
        for finding in page_findings(document, policy, rel):
            yield _problem(shown, finding, source)
