"""Helpers shared by the sources tests: fast settings, a fake clock, fixture files."""

from __future__ import annotations

from pathlib import Path

from tieline.settings import MIB, FetchSettings

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
PAGE_CAP = 1 * MIB  # page and response cap in these tests, so "too large" stays cheap to reach


class FakeTime:
    """A clock that moves only when slept on, recording each sleep."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def fast_fetch_settings(**changes: object) -> FetchSettings:
    """Small timeouts and waits so that every network test finishes in well under a second."""
    values: dict[str, object] = {
        "timeout": 1.0,
        "retries": 2,
        "backoff": 0.01,
        "max_retry_after": 5.0,
        "host_delay": 0.0,
        "max_redirects": 3,
        "max_bytes": PAGE_CAP,
        "max_feed_entries": 50,
    }
    values.update(changes)
    return FetchSettings(**values)  # type: ignore[arg-type]


def fixture_text(name: str, **fields: str) -> str:
    """A fixture file's text, with {base} and other placeholders filled in."""
    text = (FIXTURES / name).read_text(encoding="utf-8")
    for key, value in fields.items():
        text = text.replace("{" + key + "}", value)
    return text
