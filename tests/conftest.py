"""Shared, cheap fixtures: the sample page, a fresh database, the gold-set folder."""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.httpserver import LoopbackServer
from tests.sources.support import PAGE_CAP, FakeTime, fast_fetch_settings
from tieline.settings import Settings
from tieline.sources import Fetcher
from tieline.store import Store

REPO = Path(__file__).resolve().parents[1]

# The user's own local actor tables (tieline.actors.local) must not change what the tests see:
# point them at an empty folder, for this process and the workers it starts.
# The folder goes when the process that made it exits.
_NO_LOCAL_TABLES = tempfile.mkdtemp(prefix="tieline-no-local-tables-")
atexit.register(shutil.rmtree, _NO_LOCAL_TABLES, ignore_errors=True)
os.environ["TIELINE_TABLES"] = _NO_LOCAL_TABLES
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
    """A real, empty database file (the read commands refuse a path that holds none)."""
    path = tmp_path / "tieline.db"
    Store.open(path).close()
    return path


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


@pytest.fixture(scope="session")
def coding(resolver):  # type: ignore[no-untyped-def]
    """The actor and event stages with the session's loaded models."""
    from tieline.pipeline import Coding

    return Coding(resolver=resolver)


# -- the web server ------------------------------------------------------------------------------

WEB_TOKEN = "test-token"  # the write token of the test servers
WEB_PAGES = (  # besides the sample page: two more Cambodia–Japan stories, 2023 and 2024
    REPO / "tests" / "fixtures" / "html" / "news_article.html",
    REPO / "tests" / "fixtures" / "sources" / "article.html",
)
CHROMIUM = Path("/usr/bin/chromium")  # Debian's Chromium; Playwright's own download is not used
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="session")
def web_template(tmp_path_factory: pytest.TempPathFactory, coding: Any) -> Path:
    """A database with the sample page (published 2022-04-25) and two more pages, made once."""
    from tieline.pipeline import ingest

    path = tmp_path_factory.mktemp("web") / "template.db"
    with Store.open(path) as db:
        published = dt.date.fromisoformat(SAMPLE_PUBLISHED)
        list(ingest([str(SAMPLE)], db, published=published, coding=coding))
        list(ingest([str(p) for p in WEB_PAGES], db, coding=coding))
    return path


@pytest.fixture
def web_db(web_template: Path, tmp_path: Path) -> Path:
    """A private copy of the web template database."""
    copy = tmp_path / "web.db"
    shutil.copyfile(web_template, copy)
    return copy


def make_web_app(db: Path, coding: Any, **options: Any) -> Any:
    """The application as `tieline serve` makes it, with fast network settings for tests."""
    from tests.sources.support import fast_fetch_settings
    from tieline.interfaces.api import create_app

    options.setdefault("token", WEB_TOKEN)
    options.setdefault("allow_private", True)  # tests fetch from their loopback server
    return create_app(db, settings=Settings(fetch=fast_fetch_settings()), coding=coding, **options)


@pytest.fixture
def api(web_db: Path, coding: Any) -> Iterator[Any]:
    """A TestClient over the web template's copy, writes allowed with WEB_TOKEN."""
    from fastapi.testclient import TestClient

    with TestClient(make_web_app(web_db, coding)) as client:
        yield client


class LiveServer:
    """The web app served by uvicorn on 127.0.0.1 from a thread, as `tieline serve` does."""

    def __init__(self, app: Any) -> None:
        import uvicorn

        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._socket.bind(("127.0.0.1", 0))
        self.base = f"http://127.0.0.1:{self._socket.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="warning", lifespan="on")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._socket]}, daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test web server did not start")
            time.sleep(0.02)

    def url(self, path: str) -> str:
        return self.base + path

    def close(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
        self._socket.close()


@pytest.fixture(scope="module")
def live_server(web_template: Path, coding: Any, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A real server over a copy of the web template, for the browser tests of a module."""
    db = tmp_path_factory.mktemp("live") / "web.db"
    shutil.copyfile(web_template, db)
    running = LiveServer(make_web_app(db, coding))
    yield running
    running.close()


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium, headless, through Playwright. Skipped where it is not installed,
    except in CI (CI=true), where its absence is a failure."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} not found: install Debian's chromium to run the browser tests"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run them)")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the browser tests save their screenshots: $TIELINE_SCREENSHOTS, else a tmp dir."""
    configured = os.environ.get("TIELINE_SCREENSHOTS")
    folder = Path(configured) if configured else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder
