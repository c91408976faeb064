"""Serve a built site the way a static host does, 404 pages included.

A missing address under ``/es/`` gets ``/es/404.html`` (with status 404), as
Cloudflare Pages does by itself and Netlify or nginx do when configured (see
README). Text files (HTML, CSS, JavaScript, JSON, XML, SVG) are sent gzipped
to browsers that accept it, as every static host does. Used by the browser
tests, the benchmark and ``python scripts/preview.py``.
"""

from __future__ import annotations

import functools
import gzip
import io
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

_COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/xml",
    "image/svg+xml",
)


class _Handler(SimpleHTTPRequestHandler):
    prefix = "/"  # the path the site is served under ("/sub/" for a site in a subfolder)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the tests and the preview report what matters

    def translate_path(self, path: str) -> str:
        address = urlsplit(path).path
        if not address.startswith(self.prefix):
            return str(Path(self.directory) / ".outside-the-prefix")  # no such file
        return super().translate_path("/" + path[len(self.prefix) :])

    def send_head(self) -> Any:
        if not self._exists():
            return self._not_found()
        return self._compressed() or super().send_head()

    def _compressed(self) -> io.BytesIO | None:
        """The file gzipped, with its headers sent; None to serve it as it is."""
        if "gzip" not in self.headers.get("Accept-Encoding", ""):
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return None  # the parent class redirects to the address with a slash
            path = path / "index.html"
        content_type = self.guess_type(str(path))
        if not content_type.startswith(_COMPRESSIBLE):
            return None
        body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def _exists(self) -> bool:
        path = Path(self.translate_path(self.path))
        return path.is_file() or (path.is_dir() and (path / "index.html").is_file())

    def _not_found(self) -> Any:
        root = Path(self.directory)
        inside = urlsplit(self.path).path.removeprefix(self.prefix)
        parts = [part for part in unquote(inside).split("/") if part]
        # The nearest 404.html, looking up from the requested folder to the root.
        for depth in range(len(parts), -1, -1):
            candidate = root.joinpath(*parts[:depth], "404.html")
            if candidate.is_file():
                body = candidate.read_bytes()
                break
        else:
            body = b"Not found"
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None


class StaticServer:
    """A threaded server for ``root`` on 127.0.0.1; use as a context manager."""

    def __init__(self, root: Path, port: int = 0, prefix: str = "/") -> None:
        handler_class = type("Handler", (_Handler,), {"prefix": prefix})
        handler = functools.partial(handler_class, directory=str(root))
        self._server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self.prefix = prefix

    @property
    def url(self) -> str:
        port = self._server.server_address[1]
        return f"http://127.0.0.1:{port}{self.prefix}"

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


def free_port() -> int:
    """A port that is free now on 127.0.0.1."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
