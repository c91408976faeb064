"""The HTML a page produces, through an allowlist sanitizer before the theme wraps it.

nh3 (the ammonia library) parses the fragment with an HTML5 parser and keeps
only the tags, attributes, schemes and style properties that
data/html_policy.yml allows; everything else is dropped. On top of that,
resources must come from the site itself and the theme's reserved IDs and
classes are removed.

Engine-neutral: ``clean`` takes and returns an HTML fragment. The site's
Markdown extension (sitekit.mdext) calls it on every page's content, in any
engine; ``sanitize_page`` does the same to the article of an already built page.
"""

from __future__ import annotations

from functools import cache

import nh3

from sitekit import htmlscan, urls
from sitekit.html_policy import Policy, load_policy

# Removed with everything inside them (the others keep their text).
_DROP_WITH_CONTENT = frozenset(
    {"script", "style", "template", "noscript", "svg", "math", "iframe", "object", "textarea"}
)
# Attributes whose addresses the browser loads by itself (not links a reader follows).
_LINK_ATTRS = frozenset({("a", "href"), ("area", "href"), ("q", "cite"), ("blockquote", "cite")})


class Sanitizer:
    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self._cleaner = nh3.Cleaner(
            tags=set(policy.tags),
            clean_content_tags=set(_DROP_WITH_CONTENT - policy.tags),
            attributes={tag: set(names) for tag, names in policy.attributes.items()},
            attribute_filter=self._attribute,
            strip_comments=True,
            link_rel=None,
            url_schemes=set(policy.link_schemes),
            filter_style_properties=set(policy.style_properties),
        )

    def clean(self, html: str) -> str:
        """The fragment with only what the policy allows."""
        return str(self._cleaner.clean(html))

    def _attribute(self, tag: str, name: str, value: str) -> str | None:
        if name == "id":
            return None if self.policy.reserved_id(value) else value
        if name == "class":
            kept = [token for token in value.split() if not self.policy.reserved_class(token)]
            return " ".join(kept) or None
        if name in htmlscan.URL_ATTRS:
            kinds = {urls.resolve(part).kind for part in urls.addresses(name, value)}
            if (tag, name) in _LINK_ATTRS:
                allowed = {urls.Kind.LOCAL, urls.Kind.REMOTE, urls.Kind.OTHER}
            else:
                allowed = {urls.Kind.LOCAL}
            return value if kinds <= allowed else None
        return value


@cache
def default_sanitizer() -> Sanitizer:
    return Sanitizer(load_policy())


def clean(html: str) -> str:
    """A page's content HTML, sanitized with data/html_policy.yml."""
    return default_sanitizer().clean(html)


def sanitize_page(page_html: str) -> str:
    """A whole built page with its article sanitized (a post-render step)."""
    tree = htmlscan.parse(page_html)
    article = tree.css_first(htmlscan.CONTENT_SELECTOR)
    if article is None:
        return page_html
    article.inner_html = clean(article.inner_html or "")
    return str(tree.html)
