"""The built site: every page is the page of its language, with its disclaimer in view,
and no file can run or load what the site does not ship (sitekit.verify_site).

Run by build.py on the freshly built site, before it replaces site/. Not one of
the content checks (sitekit.checks): it reads the built HTML, whatever built it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sitekit import treatment_pages
from sitekit.checks.context import Context
from sitekit.checks.disclaimer import include_problems
from sitekit.disclaimers import (
    PLACEMENT_HINT,
    expected_text,
    placement_problems,
)
from sitekit.html_policy import Policy, PolicyError, load_policy
from sitekit.htmlscan import PageScan, read_page
from sitekit.htmlscan import scan as scan_page
from sitekit.pages import Page, built_path
from sitekit.project import Language, english_name
from sitekit.report import Problem, error
from sitekit.ui import strings
from sitekit.verify_site import verify_site


def verify(context: Context, site_dir: Path, engine: str | None = None) -> Iterator[Problem]:
    site = context.site
    try:
        policy = load_policy(engine=engine)
    except PolicyError as exc:
        yield error("data/html_policy.yml", 0, "html-policy", f"{exc}.", "restore the file.")
        return
    treatments = treatment_pages.load(context.data / treatment_pages.TREATMENT_PAGES_FILE.name)
    sources: dict[str, str] = {}
    for lang in site.languages:
        # The include's language, read by the identifier even when the quick screen is unsure.
        yield from include_problems(context, lang)
        disclaimer = expected_text(lang.code, context.includes)
        for rel, page in sorted(site.pages.get(lang.code, {}).items()):
            target = built_path(rel, lang.url_prefix)
            sources[target] = page.display
            yield from _check_page(
                site_dir / target, target, page, lang, disclaimer, policy, treatments
            )
    expected_pages = set(sources)
    prefixes = tuple(lang.url_prefix for lang in site.translations)
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.relative_to(site_dir).as_posix()
        if rel not in expected_pages and _is_page_of_any_language(rel, prefixes):
            yield error(
                f"site/{rel}",
                0,
                "built-output",
                "the build published a page that has no source in its language "
                "(an English fallback?).",
                "set fallback_to_default: false in mkdocs.yml and add the translation.",
            )
    yield from verify_site(site_dir, sources, engine)


def _is_page_of_any_language(rel: str, prefixes: tuple[str, ...]) -> bool:
    # Folders the theme and the editors' report use hold no reader pages.
    first = rel.split("/", 1)[0] + "/"
    for prefix in prefixes:
        if rel.startswith(prefix):
            first = rel[len(prefix) :].split("/", 1)[0] + "/"
    return first not in {"assets/", "pagefind/", "editors/"}


def _check_page(
    path: Path,
    shown_rel: str,
    page: Page,
    lang: Language,
    disclaimer: str,
    policy: Policy,
    treatments: treatment_pages.TreatmentPages,
) -> Iterator[Problem]:
    shown = f"site/{shown_rel}"
    if not path.is_file():
        yield error(
            shown,
            0,
            "built-output",
            f"{page.display} was not built.",
            "check the MkDocs output above for the reason.",
        )
        return
    document = read_page(path.read_text(encoding="utf-8"))
    scan = scan_page(document)
    name = english_name(lang.code)
    if scan.html_lang != lang.html_lang:
        yield error(
            shown,
            0,
            "built-output",
            f'the page says <html lang="{scan.html_lang}">, not "{lang.html_lang}" ({name}).',
            "set the language's theme.language in the i18n plugin of mkdocs.yml.",
        )
    title = page.meta.get("title")
    if len(scan.h1_texts) != 1:
        yield error(
            shown,
            0,
            "built-output",
            f"the page has {len(scan.h1_texts)} level-1 headings, not 1.",
            f"remove the '# …' heading from {page.display}; the title comes from the front matter.",
        )
    elif isinstance(title, str) and scan.h1_texts[0] != " ".join(title.split()):
        yield error(
            shown,
            0,
            "built-output",
            f"the page is titled '{scan.h1_texts[0]}', not '{title}' from {page.display}: "
            "another language's page was published here.",
            "set fallback_to_default: false in mkdocs.yml.",
        )
    if disclaimer not in scan.disclaimers:
        found = "no disclaimer" if not scan.disclaimers else "a disclaimer in another language"
        yield error(
            shown,
            0,
            "disclaimer",
            f"the built page shows {found} instead of the {name} disclaimer.",
            f"include {page.lang}/disclaimer.md in {page.display} and check the theme overrides.",
        )
    elif len(scan.disclaimers) > 1:
        yield error(
            shown,
            0,
            "disclaimer",
            "the built page shows the disclaimer more than once.",
            f"include it once in {page.display}.",
        )
    if document.content is not None:
        for message in placement_problems(document.content, policy, after_title=True):
            yield error(shown, 0, "disclaimer", f"{message} (from {page.display}).", PLACEMENT_HINT)
    if page.meta.get("page_type") == treatments.page_type:
        yield from _check_urgent_help(shown, page, lang, scan, treatments)


def _check_urgent_help(
    shown: str,
    page: Page,
    lang: Language,
    scan: PageScan,
    treatments: treatment_pages.TreatmentPages,
) -> Iterator[Problem]:
    """A treatment page shows the urgent-help call-out once, in its language, with every
    number of data/treatment_pages.yml as a tap-to-call link."""
    name = english_name(lang.code)
    section = treatments.urgent_section
    if len(scan.urgent_help) != 1:
        yield error(
            shown,
            0,
            "urgent-help",
            f"the built treatment page shows the urgent-help call-out {len(scan.urgent_help)} "
            "times, not once.",
            f"give {page.display} one section {{#{section}}}; the build puts the call-out there.",
        )
        return
    callout = scan.urgent_help[0]
    title = " ".join(str(strings(lang.code)["urgent_help"]["title"]).split())
    if title not in callout.text:
        yield error(
            shown,
            0,
            "urgent-help",
            f"the urgent-help call-out is not the {name} one (its title '{title}' is missing).",
            "check urgent_help in data/ui.yml and the theme overrides.",
        )
    expected = treatment_pages.expected_links(treatments, lang.code)
    if callout.links != expected:
        shown_links = ", ".join(f"{text} ({href})" for href, text in callout.links) or "none"
        wanted = ", ".join(f"{text} ({href})" for href, text in expected)
        yield error(
            shown,
            0,
            "urgent-help",
            f"the urgent-help call-out links {shown_links}; the {name} page needs {wanted}.",
            "check the numbers in data/treatment_pages.yml and urgent_help in data/ui.yml.",
        )
