"""Sources: every citation is in data/sources.yml, listed in the front matter,
and every language cites the same sources."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.pages import Page
from sitekit.report import Problem, error

# How alike an unknown id and a known one must be (difflib's ratio) to be offered as
# the intended one: typos score 0.9 and more; unrelated ids of the same year, about 0.7.
SUGGEST_FROM = 0.8


def check(context: Context) -> Iterator[Problem]:
    site = context.site
    known = sorted(context.registry.sources)
    for page in site.all_pages():
        kind = context.model.type_of(page.meta)
        yield from _page_citations(page, known, must_cite=kind is not None and kind.must_cite)
    for _, english in sorted(site.english().items()):
        cited = {label for label, _ in english.footnote_refs}
        for lang in site.translations:
            translation = site.counterpart(english, lang.code)
            if translation is None:
                continue
            theirs = {label for label, _ in translation.footnote_refs}
            for label in sorted(cited - theirs):
                yield error(
                    translation.display,
                    translation.line_of("sources"),
                    "sources-parity",
                    f"the English page cites {label}, this translation does not.",
                    f"cite it where the English page does: [^{label}]",
                )
            for label, line in translation.footnote_refs:
                if label not in cited:
                    yield error(
                        translation.display,
                        line,
                        "sources-parity",
                        f"{label} is cited here but not in the English page.",
                        "translations cite the same sources as the English page; add it "
                        "to the English page first.",
                    )
                    cited.add(label)  # report each extra source once


def _page_citations(page: Page, known: list[str], *, must_cite: bool) -> Iterator[Problem]:
    for label, line in page.footnote_definitions:
        yield error(
            page.display,
            line,
            "citation",
            f"the footnote text for [^{label}] is written in the page.",
            "delete this line: the build writes every citation from data/sources.yml.",
        )
    listed = page.meta.get("sources")
    listed = listed if isinstance(listed, list) else []
    cited: set[str] = set()
    for label, line in page.footnote_refs:
        if label not in known:
            close = difflib.get_close_matches(label, known, n=1, cutoff=SUGGEST_FROM)
            add = "add the source to data/sources.yml first (with its identifier and grade)"
            hint = f"did you mean [^{close[0]}]? If not, {add}." if close else f"{add}."
            yield error(
                page.display, line, "citation", f"[^{label}] is not in data/sources.yml.", hint
            )
        elif label not in listed and label not in cited:
            yield error(
                page.display,
                line,
                "citation",
                f"{label} is cited but not listed under 'sources' in the front matter.",
                f"add {label} to sources.",
            )
        cited.add(label)
    for label in listed:
        if isinstance(label, str) and label not in cited:
            problem = "is not in data/sources.yml" if label not in known else "is never cited"
            yield error(
                page.display,
                page.line_of("sources"),
                "citation",
                f"{label} is listed under 'sources' but {problem}.",
                f"cite it in the text with [^{label}] where it supports a statement, "
                "or remove it from the list.",
            )
    if must_cite and not cited:
        yield error(
            page.display,
            page.line_of("sources"),
            "citation",
            f"a {page.meta.get('page_type')} page cites no sources.",
            "support each medical statement with a footnote: [^SOURCE-ID].",
        )
