"""What a built page can run or load, read with the browser's own parsing rules.

Independent of the Markdown lint and of the sanitizer: these rules read the
HTML itself. Everywhere on a page: no event handler, no script address, no
resource from another host or a ``data:`` address, no inline style that loads
anything, no embedded document, no ``<base>``, no duplicate ID; scripts only
those data/html_policy.yml lists. In what comes from content (the article and
the search data): only the policy's tags, no script or style element, links
only with the policy's schemes, and none of the theme's reserved IDs.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ada_url import URL
from selectolax.lexbor import LexborNode

from sitekit import urls
from sitekit.html_policy import Policy, matches
from sitekit.htmlscan import URL_ATTRS, Document, attributes, elements

EMBEDS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal"})
_JS_TYPES = frozenset({"", "text/javascript", "application/javascript", "module"})
_LINK_ATTRS = frozenset({("a", "href"), ("area", "href"), ("form", "action")})
_NAVIGATION_RELS = frozenset(
    {"canonical", "alternate", "author", "license", "help", "prev", "next"}
)
_CSS_ESCAPE = re.compile(r"\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?|\\(.)", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
# CSS that fetches something (read after escapes, comments and spaces are removed).
_CSS_LOADS = re.compile(
    r"url\(|image\(|image-set\(|(?<![a-z-])src\(|@import|expression\(|-moz-binding"
    r"|(?<![a-z-])behavior:"
)
# The path from a page to the site root, in the theme's inline script: "../..", "/sub/".
_RELATIVE_BASE = re.compile(r'"(?:\.\.?(?:/\.\.)*/?|/(?:[\w.~-]+/)*)"')
_SITE = "https://site.invalid/"


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    content: bool  # in what comes from content (else the theme or a template wrote it)


def describe(node: LexborNode) -> str:
    """A short form of the element for messages: <img src="x" onerror="...">."""
    html = " ".join((node.html or "").split())
    end = html.find(">") + 1
    start = html[:end] if end else html
    return start if len(start) <= 100 else start[:97] + "...>"


def css_loads(style: str) -> bool:
    """Whether inline CSS can load something (escapes and comments read as the browser does)."""

    def unescape(match: re.Match[str]) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF else "\ufffd"
        return match.group(2)

    text = _CSS_COMMENT.sub("", _CSS_ESCAPE.sub(unescape, style))
    return bool(_CSS_LOADS.search("".join(text.lower().split())))


def script_hash(text: str) -> str:
    """SHA-256 of an inline script, with relative paths to the site root as {base}."""
    return hashlib.sha256(_RELATIVE_BASE.sub('"{base}"', text).encode()).hexdigest()


def element_findings(node: LexborNode, policy: Policy, *, content: bool) -> Iterator[Finding]:
    """What one element may not do; ``content`` applies the stricter rules of page content."""
    tag = node.tag or ""
    attrs = attributes(node)

    def finding(code: str, message: str) -> Finding:
        return Finding(code, f"{message}: {describe(node)}", content)

    if content and tag not in policy.tags:
        what = "a script" if tag == "script" else f"the element <{tag}>"
        yield finding("unsafe-html", f"{what} is not allowed in page content")
    elif tag in EMBEDS:
        yield finding("unsafe-html", f"<{tag}> embeds another document")
    elif tag == "base":
        yield finding("unsafe-html", "<base> changes where every address of the page points")
    elif tag == "meta" and attrs.get("http-equiv", "").lower() == "refresh":
        yield finding("unsafe-url", "a <meta> refresh sends the reader to another address")
    elif tag == "style":
        yield finding("unsafe-html", "a <style> element is not allowed (stylesheets are files)")
    for name, value in attrs.items():
        if name.startswith("on"):
            yield finding("unsafe-html", f"the event handler '{name}' runs a script")
        elif name == "style" and css_loads(value):
            yield finding("remote-content", "an inline style loads a resource")
        elif name == "srcdoc":
            yield finding("unsafe-html", "'srcdoc' embeds another document")
        elif name in URL_ATTRS and value.strip():
            for code, message in _address_problems(tag, name, value, attrs, policy, content):
                yield finding(code, message)
    if content and policy.reserved_id(attrs.get("id", "")):
        yield finding("theme-id", f"the ID '{attrs['id']}' is reserved for the theme")


def _is_link(tag: str, name: str, attrs: dict[str, str]) -> bool:
    """Whether the address is only followed by a reader (not loaded by the browser)."""
    if (tag, name) in _LINK_ATTRS or name in {"cite", "longdesc", "formaction"}:
        return True
    rels = set(attrs.get("rel", "").lower().split())
    return tag == "link" and name == "href" and bool(rels) and rels <= _NAVIGATION_RELS


def _address_problems(
    tag: str, name: str, value: str, attrs: dict[str, str], policy: Policy, content: bool
) -> Iterator[tuple[str, str]]:
    is_link = _is_link(tag, name, attrs)
    where = f"<{tag} {name}>"
    for part in urls.addresses(name, value):
        address = urls.resolve(part)
        if address.kind is urls.Kind.SCRIPT:
            yield "unsafe-url", f"{where} uses a '{address.scheme}:' address, which runs code"
        elif address.kind in {urls.Kind.DATA, urls.Kind.INVALID}:
            yield "unsafe-url", f"{where} is {address.kind.value}"
        elif is_link:
            other = address.kind is urls.Kind.OTHER
            if content and other and address.scheme not in policy.link_schemes:
                yield "unsafe-url", f"{where} uses the scheme '{address.scheme}:'"
        elif address.kind is urls.Kind.REMOTE:
            yield "remote-content", f"{where} loads from another host ({address.host})"
        elif address.kind is not urls.Kind.LOCAL:
            yield "unsafe-url", f"{where} loads {address.kind.value} ('{address.scheme}:')"


def fragment_findings(root: LexborNode, policy: Policy) -> Iterator[Finding]:
    """Every element under ``root`` read as page content (the article, search data)."""
    for node in elements(root):
        if node.mem_id != root.mem_id:
            yield from element_findings(node, policy, content=True)


def page_findings(document: Document, policy: Policy, rel: str) -> Iterator[Finding]:
    """A whole built page: content rules in its article, the site's rules everywhere else."""
    article = document.content
    if article is None:
        yield Finding("unsafe-html", "this page was not built by the theme (no article)", True)
    ids: Counter[str] = Counter()
    content_ids: set[str] = set()
    root = document.tree.root
    article_id = article.mem_id if article is not None else None
    for node in elements(root) if root is not None else ():
        inside = node.mem_id != article_id and document.in_content(node)
        yield from element_findings(node, policy, content=inside)
        if not inside and node.tag == "script":
            yield from _script_findings(node, policy, rel)
        if not inside and node.tag == "link":
            yield from _stylesheet_findings(node, policy, rel)
        node_id = node.attributes.get("id")
        if node_id:
            ids[node_id] += 1
            if inside:
                content_ids.add(node_id)
    for node_id, count in sorted(ids.items()):
        if count > 1:
            taken = " (content takes an ID of the theme's)" if node_id in content_ids else ""
            message = f"the ID '{node_id}' is used {count} times on the page{taken}"
            yield Finding("theme-id", message, node_id in content_ids)


def shipped(rel: str, value: str, patterns: tuple[str, ...]) -> bool:
    """Whether a local address, seen from page ``rel``, is a file the policy lists.

    The site may be served below a path ("/sub/"), which absolute addresses
    then start with: any leading folders may be left out. (Every script and
    stylesheet file of the built site is itself checked against the policy.)
    """
    try:
        url = URL(value, _SITE + rel)
    except ValueError:
        return False
    if url.origin != _SITE.rstrip("/"):
        return False
    parts = url.pathname.lstrip("/").split("/")
    return any(matches("/".join(parts[i:]), patterns) for i in range(len(parts)))


def _script_findings(node: LexborNode, policy: Policy, rel: str) -> Iterator[Finding]:
    attrs = attributes(node)
    kind = attrs.get("type", "").strip().lower()
    shown = describe(node)
    if "src" in attrs:
        if not shipped(rel, attrs["src"], policy.scripts):
            yield Finding("unsafe-html", f"a script the site does not ship: {shown}", False)
        return
    text = node.text(deep=True)
    if kind in policy.data_script_types:
        try:
            json.loads(text)
        except ValueError:
            yield Finding("unsafe-html", f"a data script that is not valid JSON: {shown}", False)
    elif kind not in _JS_TYPES or script_hash(text) not in policy.inline_scripts:
        yield Finding(
            "unsafe-html",
            "an inline script that data/html_policy.yml does not list "
            f"(sha256 {script_hash(text)}): {' '.join(text.split())[:60]}",
            False,
        )


def _stylesheet_findings(node: LexborNode, policy: Policy, rel: str) -> Iterator[Finding]:
    attrs = attributes(node)
    if "stylesheet" not in attrs.get("rel", "").lower().split():
        return
    if not shipped(rel, attrs.get("href", ""), policy.stylesheets):
        yield Finding(
            "unsafe-html", f"a stylesheet the site does not ship: {describe(node)}", False
        )
