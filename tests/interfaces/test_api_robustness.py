"""The API and the dashboard when the database fails under them: a one-line error in the
API's own shape, never a plain-text 500."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from tests.interfaces.test_cli_robustness import damaged_database
from tieline.interfaces.api import create_app


def test_a_damaged_database_is_a_503_with_the_reason(tmp_path: Path):
    app = create_app(damaged_database(tmp_path / "damaged.db"))
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/api/articles/abcd")
        assert answer.status_code == 503
        assert answer.json() == {"error": "database error: database disk image is malformed"}
        page = client.get("/articles/abcd")
        assert page.status_code == 503 and "database disk image is malformed" in page.text
