"""A local web for the tests of `briefkit add URL`: pages, feeds and misbehaving addresses.

An http.server in a thread, bound to 127.0.0.1 on a free port: never the internet.
The pages (tests/pages/) are invented, in the markup outlets use (JSON-LD
NewsArticle, Open Graph, ``<time datetime>``), with the furniture around them.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).resolve().parent / "pages"
# Words of the furniture around the articles: none may reach article.txt.
FURNITURE = [
    "cookie", "newsletter", "Related stories", "More from Farming", "Sport pages",
    "All rights reserved", "Privacy", "photographed last winter", "News desk",
    "Dairy prices steady",
]  # fmt: skip


def wire_copy() -> bytes:
    """The ferry story as a wire service republished it: another outlet, another address,
    a dateline added and no canonical link."""
    html = (PAGES / "ferry.html").read_text("utf-8")
    html = html.replace("The Northgate Courier", "Harbour Wire")
    html = html.replace(
        '<link rel="canonical" href="https://courier.example/news/2024/03/harbour-ferry-link">', ""
    )
    html = html.replace(
        '<meta property="og:url" content="https://courier.example/news/2024/03/harbour-ferry-link">',
        "",
    )
    html = html.replace(
        "<p>The Northgate harbour", "<p>NORTHGATE (Harbour Wire) - The Northgate harbour"
    )
    return html.encode("utf-8")


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Regional news</title><link>{base}/</link>
<description>Invented regional stories</description>
<item><title>Harbour council approves new ferry link</title><link>{base}/news/ferry.html</link>
<pubDate>Thu, 14 Mar 2024 09:30:00 GMT</pubDate></item>
<item><title>Frost threatens Dellmoor apple harvest</title><link>{base}/news/orchard.html</link>
<pubDate>Mon, 22 Apr 2024 07:00:00 GMT</pubDate></item>
</channel></rss>
""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire feed</title><id>urn:x-wire</id>
<updated>2024-04-22T08:00:00Z</updated>
<entry><title>Harbour council approves new ferry link</title><id>urn:x-wire:1</id>
<link href="{base}/wire/ferry.html"/><updated>2024-03-14T10:00:00Z</updated></entry>
<entry><title>Frost threatens Dellmoor apple harvest</title><id>urn:x-wire:2</id>
<link href="{base}/news/orchard.html"/><updated>2024-04-22T08:00:00Z</updated></entry>
</feed>
""".encode()


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:  # quiet test output
        pass

    def _send(self, status: int, body: bytes, kind: str, headers: dict[str, str] | None = None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self._send(302, b"", "text/plain", {"Location": location})

    def do_GET(self) -> None:
        base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"
        path = self.path
        if path.startswith("/news/") and (PAGES / path[6:]).is_file():
            self._send(200, (PAGES / path[6:]).read_bytes(), "text/html; charset=utf-8")
        elif path == "/wire/ferry.html":
            self._send(200, wire_copy(), "text/html; charset=utf-8")
        elif path == "/moved":
            self._redirect("/news/ferry.html")
        elif path == "/rss.xml":
            self._send(200, rss(base), "application/rss+xml")
        elif path == "/atom.xml":
            self._send(200, atom(base), "application/atom+xml")
        elif path in ("/loop-a", "/loop-b"):
            self._redirect("/loop-b" if path == "/loop-a" else "/loop-a")
        elif path.startswith("/chain/"):
            n = int(path.rsplit("/", 1)[1])
            self._redirect(f"/chain/{n + 1}")
        elif path == "/to-internal":
            self._redirect(f"{base}/news/ferry.html")  # by address, not by name
        elif path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/file")
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(1 << 40))
            self.end_headers()
        elif path == "/huge":
            # No Content-Length: the cap must hold while reading.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"filler " * 8000 + b"</p>\n"
            try:
                for _ in range(400):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
        elif path == "/plain.txt":
            self._send(200, b"Just some words, not a page.\n", "text/plain")
        elif path == "/logo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png")
        else:
            self._send(404, b"<h1>Not found</h1>", "text/html")


@contextmanager
def serving() -> Iterator[str]:
    """The local web's base address, e.g. ``http://127.0.0.1:43123``, while the block runs."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
