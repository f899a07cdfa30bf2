"""Fixtures for the sources stage: a loopback HTTP server, fast settings, a fake clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.httpserver import LoopbackServer
from tests.sources.support import PAGE_CAP, FakeTime, fast_fetch_settings
from tieline.settings import Settings
from tieline.sources import Fetcher


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as running:
        yield running


@pytest.fixture
def settings() -> Settings:
    return Settings(fetch=fast_fetch_settings(), max_page_bytes=PAGE_CAP)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def fetcher(settings: Settings, fake_time: FakeTime) -> Iterator[Fetcher]:
    """A fetcher whose waits (host delay, backoff, Retry-After) are recorded, not slept."""
    with Fetcher(settings.fetch, clock=fake_time.clock, sleep=fake_time.sleep) as made:
        yield made
