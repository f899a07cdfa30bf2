"""Shared, cheap fixtures: the sample page, a fresh database, the gold-set folder."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.httpserver import LoopbackServer
from tests.sources.support import PAGE_CAP, FakeTime, fast_fetch_settings
from tieline.settings import Settings
from tieline.sources import Fetcher
from tieline.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "phnompenhpost-cambodia-japan-upgrade-bilateral-ties.txt"
SAMPLE_PUBLISHED = "2022-04-25"  # the page carries no date; see examples/README.md


def shared_data() -> Path | None:
    """The gold sets folder (../shared/data, or $TIELINE_SHARED_DATA), or None if absent."""
    configured = os.environ.get("TIELINE_SHARED_DATA")
    folder = Path(configured) if configured else REPO.parent / "shared" / "data"
    return folder if folder.is_dir() else None


@pytest.fixture(scope="session")
def data_dir() -> Path:
    folder = shared_data()
    if folder is None:
        pytest.skip("../shared/data not found: gold-set gates run in CI")
    return folder


@pytest.fixture
def sample_path() -> Path:
    return SAMPLE


@pytest.fixture
def store() -> Iterator[Store]:
    """An empty in-memory database."""
    with Store.open(":memory:") as db:
        yield db


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A path for a real database file (created on first open)."""
    return tmp_path / "tieline.db"


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    """A real HTTP server on 127.0.0.1 serving the routes a test registers."""
    with LoopbackServer() as running:
        yield running


@pytest.fixture
def settings() -> Settings:
    """Small timeouts, waits and caps, so network tests finish in well under a second."""
    return Settings(fetch=fast_fetch_settings(), max_page_bytes=PAGE_CAP)


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def fetcher(settings: Settings, fake_time: FakeTime) -> Iterator[Fetcher]:
    """A fetcher whose waits (host delay, backoff, Retry-After) are recorded, not slept."""
    with Fetcher(settings.fetch, clock=fake_time.clock, sleep=fake_time.sleep) as made:
        yield made


@pytest.fixture(scope="session")
def resolver():  # type: ignore[no-untyped-def]
    """The actor resolver with the real knowledge base and spaCy model, loaded once."""
    from tieline.actors import load_resolver

    return load_resolver()
