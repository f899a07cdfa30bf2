"""Defaults in one place. Each setting has a one-line note; callers override what they need."""

from __future__ import annotations

from dataclasses import dataclass, field

from tieline import __version__

MIB = 1024 * 1024


@dataclass(frozen=True)
class FetchSettings:
    """How tieline behaves on the network: politely, and with every loop bounded."""

    # Says who we are and where to read about it, as robots.txt and site operators expect.
    user_agent: str = (
        f"tieline/{__version__} (news relations research; +https://pypi.org/project/tieline/)"
    )
    timeout: float = 20.0  # seconds allowed for connecting and for each read
    retries: int = 3  # further attempts after a 429, a 5xx or a dropped connection
    backoff: float = 1.0  # seconds before the first retry, doubled for each one after
    max_retry_after: float = 60.0  # a server's Retry-After longer than this fails the item
    host_delay: float = 1.0  # seconds between two requests to the same host
    max_redirects: int = 5  # more redirects than this fail the item
    max_bytes: int = 10 * MIB  # a response larger than this (decompressed) is skipped
    respect_robots: bool = True  # honour robots.txt for our user agent
    max_feed_entries: int = 1000  # entries read from one feed or sitemap


@dataclass(frozen=True)
class Settings:
    fetch: FetchSettings = field(default_factory=FetchSettings)
    max_page_bytes: int = (
        10 * MIB
    )  # a page (file, record, decompressed) larger than this is skipped
    min_body_chars: int = 80  # an extracted body shorter than this is skipped as "no article text"
