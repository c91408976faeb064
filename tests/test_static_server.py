"""The preview server answers like a static host."""

from __future__ import annotations

import gzip
from pathlib import Path
from urllib.request import Request, urlopen

from sitekit.static_server import StaticServer


def test_the_preview_server_gzips_text_like_a_host(tmp_path: Path) -> None:
    (tmp_path / "es").mkdir()
    (tmp_path / "es" / "index.html").write_text("<p>hola</p>" * 50, encoding="utf-8")
    (tmp_path / "chunk.pf_index").write_bytes(b"\x1f\x8b already compressed")
    with StaticServer(tmp_path) as server:
        wants_gzip = {"Accept-Encoding": "gzip, br"}
        with urlopen(Request(server.url + "es/", headers=wants_gzip)) as response:
            assert response.headers["Content-Encoding"] == "gzip"
            assert gzip.decompress(response.read()) == b"<p>hola</p>" * 50
        with urlopen(Request(server.url + "chunk.pf_index", headers=wants_gzip)) as response:
            assert response.headers["Content-Encoding"] is None
            assert response.read() == b"\x1f\x8b already compressed"
        with urlopen(server.url + "es/index.html") as response:
            assert response.headers["Content-Encoding"] is None
