"""Fetching a page or a feed for ``briefkit add URL``: the only network use briefkit has.

The build never calls this; only ``add`` with a URL does. Every fetch is bounded,
because the address comes from a feed or a paste and the server is anyone's:
http and https only (at every redirect too), a connect and a read timeout and a
deadline for the whole transfer (a server that drips a byte a second passes a
read timeout forever), a cap on the body whatever Content-Length claims, and a
bounded number of redirects. A public address may not lead inside the network
briefkit runs in (loopback, private ranges, link-local cloud metadata): a redirect,
or a public feed's item, that points there is refused, so a stranger's page cannot
have briefkit read an internal service into ``article.txt`` and the published site;
the address each connection reaches is checked too, so a name that resolves
inside only at connect time (DNS rebinding) is refused as well.
An address the analyst types is fetched as typed. Each failure is one
:class:`Problem` at the URL, so the command prints ``url:0:0: message`` and writes
nothing.

urllib3 comes with trafilatura (which must never fetch on its own, without
these limits): its pool is used with redirects and retries off, so each hop is
checked here.
"""

from __future__ import annotations

import ipaddress
import re
import socket
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from briefkit.errors import BriefkitError, Problem

if TYPE_CHECKING:
    import urllib3

# A news page is 50 kB to 3 MB of HTML; a feed less. Past this it is not an article.
MAX_BYTES = 10 * 1024 * 1024
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 20.0
# The whole transfer, redirects included.
DEADLINE = 60.0
MAX_REDIRECTS = 5
_SCHEMES = ("http", "https")
_REDIRECTS = (301, 302, 303, 307, 308)
_CHUNK = 1 << 16
_USER_AGENT = "briefkit/0.1 (article import)"
_ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,*/*;q=0.5"

# "scheme://...": what the command line takes for an address rather than a file path.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(text: str) -> bool:
    """Whether ``text`` is written as an address (any scheme: a bad one is refused, not read)."""
    return bool(_URL.match(text))


@dataclass(frozen=True)
class Fetched:
    """A response body and what it was served as."""

    url: str  # after redirects
    data: bytes
    media_type: str  # "text/html", lowercased, without parameters; "" when not said


def _fail(url: str, message: str) -> BriefkitError:
    return BriefkitError([Problem(url, 0, 0, f"{message}; nothing was written")])


def check_url(url: str) -> None:
    """Refuse an address briefkit will not fetch: not http(s), or with no host."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES:
        scheme = parts.scheme or "no scheme"
        raise _fail(url, f"briefkit fetches only http and https addresses, not {scheme}")
    if not parts.hostname:
        raise _fail(url, "the address names no host")


def internal(host: str) -> bool:
    """Whether ``host`` is, or resolves to, an address that is not on the public
    internet: loopback, private, link-local (169.254.169.254 serves cloud
    credentials), shared or reserved. A host that does not resolve is not internal:
    the fetch reports the failed lookup itself."""
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    return any(internal_address(str(info[4][0])) for info in infos)


def internal_address(address: str) -> bool:
    """Whether the IP ``address`` (a scope suffix "%eth0" allowed) is not public."""
    return not ipaddress.ip_address(address.split("%")[0]).is_global


class _ReachedInside(Exception):
    """The connection reached an internal address though the name had checked public."""

    def __init__(self, host: str, peer: str) -> None:
        super().__init__(host, peer)
        self.host, self.peer = host, peer


def _reached_inside(peer: str) -> bool:
    return internal_address(peer)


def _guarded_pool(timeout: urllib3.Timeout) -> urllib3.PoolManager:
    """A pool whose connections refuse an internal peer right after the TCP connect.

    The name was checked a moment before, but the connection resolves it again: a
    name that answers public first and internal next (DNS rebinding) would pass the
    check and still read an internal service. The socket's own peer decides, before
    a byte of the request (or a TLS handshake) is sent.
    """
    import urllib3
    from urllib3.connection import HTTPConnection, HTTPSConnection
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    def checked(sock: socket.socket, host: str) -> socket.socket:
        try:
            peer = str(sock.getpeername()[0])
        except OSError:
            return sock
        if _reached_inside(peer):
            sock.close()
            raise _ReachedInside(host, peer)
        return sock

    class PublicHTTPConnection(HTTPConnection):
        def _new_conn(self) -> socket.socket:
            return checked(super()._new_conn(), self.host)

    class PublicHTTPSConnection(HTTPSConnection):
        def _new_conn(self) -> socket.socket:
            return checked(super()._new_conn(), self.host)

    class PublicHTTPPool(HTTPConnectionPool):
        ConnectionCls = PublicHTTPConnection

    class PublicHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = PublicHTTPSConnection

    pool = urllib3.PoolManager(timeout=timeout, retries=False)
    pool.pool_classes_by_scheme = {"http": PublicHTTPPool, "https": PublicHTTPSPool}
    return pool


def _check_inside(url: str, origin: str, internal_ok: bool) -> None:
    host = urlsplit(url).hostname or ""
    if not internal_ok and internal(host):
        raise _fail(
            origin,
            f"{url} is inside this network ({host}), and {origin} is not: briefkit "
            "follows a public page or feed only to public addresses",
        )


def fetch(
    url: str,
    *,
    internal_ok: bool | None = None,
    max_bytes: int = MAX_BYTES,
    max_redirects: int = MAX_REDIRECTS,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    deadline: float = DEADLINE,
) -> Fetched:
    """GET ``url`` within the limits above; a :class:`BriefkitError` at ``url`` for any failure.

    ``internal_ok``: whether the fetch may reach an internal address (see ``internal``).
    None: as ``url`` is, so a typed local address works and its redirects may stay
    local, while a public one's may not lead inside. A feed's items pass the feed's.
    """
    import urllib3
    from urllib3.exceptions import (
        ConnectTimeoutError,
        HTTPError,
        NameResolutionError,
        NewConnectionError,
        ProtocolError,
        ReadTimeoutError,
        SSLError,
    )

    check_url(url)
    if internal_ok is None:
        internal_ok = internal(urlsplit(url).hostname or "")
    _check_inside(url, url, internal_ok)
    timeout = urllib3.Timeout(connect=connect_timeout, read=read_timeout)
    pool = (
        urllib3.PoolManager(timeout=timeout, retries=False)
        if internal_ok
        else _guarded_pool(timeout)
    )
    headers = {"User-Agent": _USER_AGENT, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
    start = time.monotonic()
    seen = [url]
    current = url
    try:
        while True:
            response = pool.request(
                "GET", current, headers=headers, redirect=False, preload_content=False
            )
            try:
                if response.status in _REDIRECTS:
                    location = response.headers.get("Location")
                    if not location:
                        raise _fail(url, f"HTTP {response.status} redirect without a Location")
                    target = urljoin(current, location)
                    if target in seen:
                        raise _fail(url, f"redirect loop: {target} leads back to itself")
                    if len(seen) > max_redirects:
                        raise _fail(url, f"more than {max_redirects} redirects (last to {target})")
                    try:
                        check_url(target)
                    except BriefkitError:
                        raise _fail(url, f"redirects to {target}, which is not http(s)") from None
                    _check_inside(target, url, internal_ok)
                    seen.append(target)
                    current = target
                    continue
                if response.status != 200:
                    reason = f" {response.reason}" if response.reason else ""
                    raise _fail(url, f"the server answered HTTP {response.status}{reason}")
                data = _read(response, url, max_bytes, start + deadline)
                media = (response.headers.get("Content-Type") or "").split(";")[0]
                return Fetched(current, data, media.strip().lower())
            finally:
                response.release_conn()
    except BriefkitError:
        raise
    except _ReachedInside as inside:
        raise _fail(
            url,
            f"{inside.host} connected to {inside.peer}, inside this network, though its "
            "name had resolved to a public address a moment before: briefkit follows a "
            "public page or feed only to public addresses",
        ) from None
    except NameResolutionError:
        host = urlsplit(current).hostname
        raise _fail(url, f"cannot find the host {host} (DNS lookup failed)") from None
    except ConnectTimeoutError:
        raise _fail(url, f"no connection within {connect_timeout:g} s") from None
    except ReadTimeoutError:
        raise _fail(url, f"the server sent nothing for {read_timeout:g} s") from None
    except SSLError as exc:
        raise _fail(url, f"the TLS handshake failed: {_reason(exc)}") from None
    except NewConnectionError as exc:
        raise _fail(url, f"cannot connect: {_reason(exc)}") from None
    except (ProtocolError, HTTPError, OSError) as exc:
        raise _fail(url, f"the transfer failed: {_reason(exc)}") from None
    finally:
        pool.clear()


def _read(response: object, url: str, max_bytes: int, deadline_at: float) -> bytes:
    """The body, decompressed, at most ``max_bytes``, before the deadline."""
    length = response.headers.get("Content-Length")  # type: ignore[attr-defined]
    if length and length.isdecimal() and int(length) > max_bytes:
        raise _fail(url, f"the page is {int(length):,} bytes, past the cap of {max_bytes:,}")
    chunks: list[bytes] = []
    size = 0
    # decode_content: a gzip bomb counts at its unpacked size.
    for chunk in response.stream(_CHUNK, decode_content=True):  # type: ignore[attr-defined]
        size += len(chunk)
        if size > max_bytes:
            raise _fail(url, f"the page is larger than the cap of {max_bytes:,} bytes")
        if time.monotonic() > deadline_at:
            raise _fail(url, "the transfer took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(exc: BaseException) -> str:
    """The innermost cause's words: urllib3 wraps a refused connection three deep."""
    while exc.__cause__ is not None or exc.__context__ is not None:
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    if isinstance(exc, socket.gaierror | ConnectionRefusedError):
        return exc.strerror or str(exc)
    text = str(exc)
    return text.split(": ", 1)[-1] if "object at 0x" in text else text
