"""Reading an address as a browser does: the WHATWG URL standard, through ada-url.

The parser strips leading and trailing spaces and control characters, removes
tabs and line breaks anywhere, reads ``\\`` as ``/`` and ``//host`` as another
host, and compares schemes without case, exactly as Chromium does. (The HTML
parser has already decoded entities in attribute values.) An address is
resolved against a page of the site, over both https and http, because
``http:host`` is another host from an https page but a relative path from an
http one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from ada_url import URL

_SITE_HOST = "site.invalid"  # stands for the site itself; never a real host
_BASES = (f"https://{_SITE_HOST}/page/", f"http://{_SITE_HOST}/page/")
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript"})
# Attributes that hold several addresses: srcset="a.png 1x, b.png 2x", ping="a b".
LIST_ATTRS = frozenset({"srcset", "imagesrcset", "ping", "archive"})
_DESCRIPTOR = re.compile(r"[0-9]+(?:\.[0-9]+)?[wxh]")
_SEPARATORS = re.compile(r"[\s,]+")


class Kind(Enum):
    LOCAL = "a page or file of the site"
    REMOTE = "another host"
    SCRIPT = "a script address"
    DATA = "a data: address"
    OTHER = "another kind of address"
    INVALID = "not a valid address"


@dataclass(frozen=True)
class Address:
    kind: Kind
    scheme: str  # without the colon: "https", "javascript"; "" when invalid
    host: str = ""


@lru_cache(maxsize=8192)  # a site repeats its navigation addresses on every page
def resolve(value: str) -> Address:
    """What an address points at, read as a page of the site would read it."""
    worst: Address | None = None
    for base in _BASES:
        try:
            url = URL(value, base)
        except ValueError:
            return Address(Kind.INVALID, "")
        scheme = url.protocol.removesuffix(":")
        if scheme in SCRIPT_SCHEMES:
            return Address(Kind.SCRIPT, scheme)
        if scheme == "data":
            return Address(Kind.DATA, scheme)
        if scheme not in {"http", "https"}:
            return Address(Kind.OTHER, scheme)
        if url.host != _SITE_HOST:
            return Address(Kind.REMOTE, scheme, url.host)
        worst = worst or Address(Kind.LOCAL, scheme)
    assert worst is not None
    return worst


def addresses(attr: str, value: str) -> list[str]:
    """The addresses in one attribute value (several for srcset and ping).

    A srcset is split at every space and comma, which may cut an address into
    more pieces than the browser would, never fewer: each piece is checked.
    """
    if attr not in LIST_ATTRS:
        return [value]
    return [
        token for token in _SEPARATORS.split(value) if token and not _DESCRIPTOR.fullmatch(token)
    ]
