"""Fetching on behalf of API callers: refuse private, loopback and link-local addresses.

A web server that fetches URLs its callers name can be turned against the network it runs in
(the cloud metadata service at 169.254.169.254, an admin page on localhost). Every URL an API
caller gives is checked before it is queued, and every request the fetcher then makes —
redirects, feed entries, robots.txt — is checked again by `GuardedTransport`, so a public page
cannot redirect the fetcher inward. The operator can allow private addresses (`tieline serve
--allow-private-urls`) for a crawl of an intranet, and tests do so to reach their loopback server.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

import httpx

from tieline.models import Status
from tieline.sources.fetch import FetchError

MAX_URL_CHARS = 2048  # longer URLs are refused: no real article URL comes close


def refusal(url: str, *, allow_private: bool) -> str | None:
    """Why `url` may not be fetched for an API caller, or None when it may."""
    if len(url) > MAX_URL_CHARS:
        return f"URL longer than {MAX_URL_CHARS} characters"
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
        port = parts.port
    except ValueError as error:
        return f"invalid URL: {error}"
    if parts.scheme.lower() not in ("http", "https"):
        return f"only http and https URLs are fetched, not {url[:80]!r}"
    if not host:
        return f"no host in URL {url[:80]!r}"
    if allow_private:
        return None
    try:
        found = socket.getaddrinfo(host, port or 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return f"cannot resolve host {host}"
    for *_, address in found:
        ip = ipaddress.ip_address(str(address[0]).split("%")[0])
        if not is_public(ip):
            return (
                f"{host} is a private, loopback or link-local address ({ip}); "
                "the server's operator can allow such URLs with --allow-private-urls"
            )
    return None


def is_public(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether `ip` is a public unicast address (IPv4 mapped into IPv6 judged as IPv4)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


class GuardedTransport(httpx.HTTPTransport):
    """An HTTP transport that refuses, before connecting, any host resolving to a private
    address. The refusal is a `FetchError`, so the item is skipped at once, without retries."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        reason = refusal(str(request.url), allow_private=False)
        if reason is not None:
            raise FetchError(f"refused: {reason}", Status.SKIPPED)
        return super().handle_request(request)
