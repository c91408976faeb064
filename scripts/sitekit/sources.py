"""The register of sources (data/sources.yml) and how a citation is written.

Pages cite a source with a footnote whose label is the source's identifier
(``[^IV-ALI-2009]``); the build writes the footnote text from this register in
the page's language, so every language cites the same references, written the
same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import yaml

from sitekit import datafile, model, ui
from sitekit.model import findings
from sitekit.paths import DATA, display_path
from sitekit.reading import read_text
from sitekit.report import Problem, error
from sitekit.yamlio import load_yaml, yaml_error

SOURCES_FILE = DATA / "sources.yml"
CITABLE_GRADES = set(model.CITABLE_GRADES)
_ID = re.compile(model.SOURCE_ID)


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    year: int | None
    lang: str
    grade: str
    line: int
    authors: str = ""
    details: str = ""
    doi: str = ""
    pmid: str = ""
    url: str = ""
    reproduced_by: str = ""
    note: str = ""

    @property
    def link(self) -> str:
        """The canonical address: DOI, then PubMed, then the publisher's own page."""
        if self.doi:
            return f"https://doi.org/{self.doi}"
        if self.pmid:
            return f"https://pubmed.ncbi.nlm.nih.gov/{self.pmid}/"
        return self.url


@dataclass
class Registry:
    path: Path
    sources: dict[str, Source] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)


def load_registry(path: Path = SOURCES_FILE) -> Registry:
    registry = Registry(path)
    shown = display_path(path)
    text, problem = read_text(path, "data")
    if problem is not None or text is None:
        registry.problems.append(problem or error(shown, 0, "unreadable", "cannot read the file."))
        return registry
    try:
        node, data = load_yaml(text)
    except yaml.YAMLError as exc:
        line, what = yaml_error(exc)
        registry.problems.append(
            error(
                shown,
                line or 1,
                "yaml",
                f"not valid YAML: {what}.",
                "check indentation and quoting on this line.",
            )
        )
        return registry
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        registry.problems.append(error(shown, 1, "sources", "expected one entry per source id."))
        return registry
    for source_id, entry in data.items():
        source_id = str(source_id)
        line = datafile.line_of(node, source_id)
        if not _ID.match(source_id):
            registry.problems.append(
                error(
                    shown,
                    line,
                    "sources",
                    f"{source_id}: the id must be upper-case letters, digits and hyphens.",
                    "e.g. IV-ALI-2009.",
                )
            )
            continue
        valid, found = findings(entry, model.SourceEntry, "the entry")
        for finding in found:
            registry.problems.append(
                error(
                    shown,
                    datafile.line_of(node, source_id, *finding.loc),
                    "sources",
                    f"{source_id}: {finding.message}",
                    finding.hint,
                )
            )
        if isinstance(valid, model.SourceEntry):
            registry.sources[source_id] = Source(id=source_id, line=line, **valid.model_dump())
    return registry


def citation_html(source: Source, page_lang: str) -> str:
    """The text of one citation, as HTML, in the page's language."""
    strings = ui.strings(page_lang)
    parts = []
    if source.authors:
        parts.append(escape(source.authors.rstrip(".")) + ".")
    parts.append(escape(source.title.rstrip(".")) + ".")
    where = escape(source.publisher)
    if source.year and not source.details.startswith(str(source.year)):
        where += f", {source.year}"
    if source.details:
        where += f", {escape(source.details)}"
    parts.append(where + ".")
    if source.doi:
        parts.append(f'doi:<a href="{escape(source.link)}">{escape(source.doi)}</a>.')
    if source.pmid:
        pubmed = f"https://pubmed.ncbi.nlm.nih.gov/{source.pmid}/"
        parts.append(f'PMID: <a href="{pubmed}">{escape(source.pmid)}</a>.')
    if source.url and not source.doi:
        parts.append(f'<a href="{escape(source.url)}">{escape(source.url)}</a>')
    extras = []
    if source.lang != page_lang:
        name = ui.language_name(source.lang, page_lang)
        extras.append(escape(strings["source_in_language"].format(language=name)))
    if source.reproduced_by:
        extras.append(escape(strings["source_copy_of"].format(publisher=source.reproduced_by)))
    if extras:
        parts.append("(" + "; ".join(extras) + ")")
    return " ".join(parts)


# A citation: [^ID] (not a footnote definition, [^ID]:).
CITATION = re.compile(r"\[\^([^\]\[\s]+)\](?!:)")
# Two references with nothing between them: "1,2", not "12".
_ADJACENT_REFS = re.compile(r'(?<=</a></sup>)(?=<sup id="fnref)')
_SEPARATOR = '<sup class="footnote-sep" aria-hidden="true">,</sup>'


def render_citations(markdown: str, page_lang: str, registry: Registry) -> tuple[str, str]:
    """Replace every citation ``[^ID]`` with its numbered reference; return the notes.

    The markup is that of Python-Markdown's footnotes (so the theme's footnote
    tooltips work), written directly from the register: parsing the notes as
    Markdown was the most expensive step of building a page. Unknown ids are
    left alone (the checker reports them).
    """
    numbers: dict[str, int] = {}
    uses: dict[str, int] = {}
    back = ui.strings(page_lang)["footnote_back"]

    def reference(match: re.Match[str]) -> str:
        label = match.group(1)
        if registry.get(label) is None:
            return match.group(0)
        number = numbers.setdefault(label, len(numbers) + 1)
        uses[label] = uses.get(label, 0) + 1
        ref_id = _ref_id(label, uses[label])
        return (
            f'<sup id="{ref_id}"><a class="footnote-ref" href="#fn:{escape(label)}">'
            f"{number}</a></sup>"
        )

    text = _ADJACENT_REFS.sub(_SEPARATOR, CITATION.sub(reference, markdown))
    if not numbers:
        return text, ""
    items = []
    for label, number in numbers.items():
        source = registry.get(label)
        assert source is not None
        title = escape(back.format(n=number))
        links = "".join(
            f'<a class="footnote-backref" href="#{_ref_id(label, use)}" title="{title}">&#8617;</a>'
            for use in range(1, uses[label] + 1)
        )
        text_html = citation_html(source, page_lang)
        items.append(f'<li id="fn:{escape(label)}"><p>{text_html}&nbsp;{links}</p></li>')
    return text, '<div class="footnote"><hr /><ol>' + "".join(items) + "</ol></div>"


def _ref_id(label: str, use: int) -> str:
    return f"fnref:{escape(label)}" if use == 1 else f"fnref{use}:{escape(label)}"
