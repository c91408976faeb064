"""The reader-visible text of Markdown, without markup, links or code.

Used for the glossary's tooltips and reading-level scores. Works on a whole
text at once (one pass per pattern, not one per line) and keeps every line
break. No pattern can backtrack over a long line: each stops at the next
character that could start another match (``[``, ``<``, ``{``).
"""

from __future__ import annotations

import html
import re

_M = re.MULTILINE
# What starts a line, handled in one pass: lines that show nothing (snippet
# includes, abbreviation and link definitions, table rules), admonition lines
# (only their title shows) and heading, list and quote markers (list numbers are
# not numbers).
_LINE_START = re.compile(
    r"^[ \t]*(?:"
    r"(?:-{1,}8<-{1,}[ \t].*"
    r"|\*\[[^\]\n]+\]:.*"
    r"|\[[^\]^\n][^\]\n]*\]:[ \t]*\S.*"
    r"|\|?[ \t]*:?-{3,}:?(?:[ \t]*\|[ \t]*:?-{3,}:?)*[ \t]*(?:\|[ \t]*)?$)"
    r'|(?:!!!|\?\?\?\+?)[ \t]*[\w-]+(?:[ \t]+[\w-]+)*[ \t]*(?:"(?P<title>[^"\n]*)"[ \t]*)?$'
    r"|#{1,6}[ \t]+|(?:[-*+]|\d+[.)])[ \t]+|>[ \t]?"
    r")",
    _M,
)
# Markup that disappears before links are read: inline code (whose content is
# not Markdown), attribute lists and footnote references.
_CODE_AND_NOTES = re.compile(r"`[^`\n]*`|\{[:#.][^{}\n]*\}|\[\^[^\]\[\n]+\]")
# Markup that disappears after: addresses, then HTML tags; emphasis marks and table
# pipes become spaces (a byte translation: they are ASCII, and it is much faster).
# (An address in <angle brackets> loses its "<" first: a pattern that starts
# with a literal is many times faster to scan for.)
_ADDRESSES = re.compile(r"https?://[^\s>]*>?")
_TAGS = re.compile(r"<[^<>\n]*>")
_EMPHASIS = bytes.maketrans(b"*_~|", b"    ")
# Images and links: only their text remains (an image's "!" is dropped first).
_LINKS = re.compile(r"\[([^\]\[\n]*)\](?:\([^()\n]*\)|\[[^\]\[\n]*\])")


def visible_text(markdown: str) -> str:
    """The text a reader sees, line for line (the number of lines does not change)."""
    text = _LINE_START.sub(r"\g<title>", markdown)  # an unmatched group gives ""
    text = _CODE_AND_NOTES.sub(" ", text)
    if "](" in text or "][" in text:
        text = _LINKS.sub(r"\1", text.replace("![", "["))
    if "http" in text:
        text = _ADDRESSES.sub(" ", text.replace("<http", " http"))
    if "<" in text:
        text = _TAGS.sub(" ", text)
    text = text.encode().translate(_EMPHASIS).decode()
    if "&" in text:
        text = "\n".join(html.unescape(line).replace("\n", " ") for line in text.split("\n"))
    return text
